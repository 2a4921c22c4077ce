/**
 * PostgreSQL plumbing for the store: one pool, queries whose failures are marked as the database's
 * own (so the rules can tell them from bugs), and write transactions.
 *
 * Isolation: READ COMMITTED with explicit row locks (SELECT ... FOR UPDATE on the device, the file,
 * the center's feed head), not SERIALIZABLE. The exactly-once rules are check-then-write on a few
 * rows they know by key; locking those rows makes exactly the conflicting work take turns (a second
 * push of one device, two changes of one file, two enrolments in one center) and lets everything
 * else run side by side. SERIALIZABLE would also be correct, but its predicate locks on index pages
 * abort unrelated pushes of one center that merely insert near each other, and every abort is a
 * whole push redone. Deadlocks (a push and a status change taking rows in another order) and the
 * rare serialization failure are still retried here, a few times, before failing as storage.
 */
import pg from 'pg';

/** The database's own failure (connection, lock timeout, constraint, disk), as opposed to a bug. */
export class PostgresFailure extends Error {
  readonly code: string | undefined;
  constructor(cause: unknown) {
    const e = cause as { message?: string; code?: string };
    super(`database error: ${e.message ?? String(cause)}${e.code ? ` (${e.code})` : ''}`, { cause });
    this.name = 'PostgresFailure';
    this.code = e.code;
  }
}

/** SQLSTATEs after which the same transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

export type Queryable = Pick<pg.ClientBase, 'query'>;

/** Runs one statement; any failure comes back as a PostgresFailure. `name` makes it a prepared statement on each connection. */
export async function sql<R extends pg.QueryResultRow = Record<string, unknown>>(
  db: Queryable,
  text: string,
  values: unknown[] = [],
  name?: string,
): Promise<R[]> {
  try {
    const result = await db.query<R>(name ? { name, text, values } : { text, values });
    return result.rows;
  } catch (e) {
    throw e instanceof PostgresFailure ? e : new PostgresFailure(e);
  }
}

/** Like sql(), answering how many rows the statement touched. */
export async function sqlCount(db: Queryable, text: string, values: unknown[] = [], name?: string): Promise<number> {
  try {
    const result = await db.query(name ? { name, text, values } : { text, values });
    return result.rowCount ?? 0;
  } catch (e) {
    throw new PostgresFailure(e);
  }
}

/** int8 (counts, versions, cursors) as numbers: every value the store keeps is far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export function createPool(url: string, max: number): pg.Pool {
  // Pipeline mode: statements sent without waiting for each other's answers go out together
  // (the exactly-once port sends its writes that way, postgresSyncTransaction.ts).
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: 'motcua-server', pipeline: true });
  // An idle connection that dies (the database restarted) must not crash the server: the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Several statements in one write to the socket. pg writes each statement on its own (one syscall,
 * and on loopback the database's wake-up, per statement), which was the server's largest cost under
 * load: a push sends some twenty. Between hold() and send() the connection's socket
 * (`client.connection.stream`, typed in @types/pg) is corked, so the statements submitted meanwhile
 * leave in one write; holds nest (Node counts corks).
 */
export interface WireBatch {
  hold(): void;
  send(): void;
}

export function wireBatch(client: pg.Client): WireBatch {
  const socket = client.connection.stream;
  return { hold: () => socket.cork(), send: () => socket.uncork() };
}

export interface TransactionOptions {
  /** `work` ends the transaction itself (COMMIT sent with its last writes); otherwise COMMIT is sent after it returns. */
  commitsItself?: boolean;
}

/**
 * Runs `work` in one transaction on one connection: committed when it returns, rolled back when it
 * throws; run again after a deadlock or serialization failure (at most MAX_ATTEMPTS times). BEGIN
 * leaves in the same write as the first statement of `work` (no round trip of its own).
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw new PostgresFailure(e);
    }
    let broken = false;
    try {
      const wire = wireBatch(client);
      wire.hold();
      const begun = sql(client, 'BEGIN');
      let working: Promise<T>;
      try {
        // An async `work` runs up to its first await here: its first statement joins BEGIN's write.
        working = work(client);
      } finally {
        wire.send();
      }
      // Awaited below, after BEGIN: a failed BEGIN is the more telling error.
      working.catch(() => undefined);
      await begun;
      const result = await working;
      if (!options.commitsItself) await sql(client, 'COMMIT');
      return result;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        // The connection itself failed: do not give it back to the pool.
        broken = true;
      }
      const code = e instanceof PostgresFailure ? e.code : undefined;
      if (code !== undefined && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
      throw e;
    } finally {
      client.release(broken);
    }
  }
}
