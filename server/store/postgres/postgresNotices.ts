/**
 * What other processes change, heard at once, so this process may keep small things in memory
 * instead of asking the database on every request: which device a token belongs to (asked on
 * every authenticated request), the catalog's version (every catalog-changes request) and the
 * administrative units' version (every push).
 *
 * One connection per process LISTENs on the store's channels. A change is announced with NOTIFY in
 * the transaction that makes it, so it is heard only if it commits, and by every listening process.
 * Caches serve from memory only while this connection listens: when it drops they are emptied and
 * every read goes to the database until it is back (a notice sent meanwhile is never heard).
 *
 * A cache must not keep a value read before a change it then hears of (the read's answer can
 * arrive after the notice): `stamp(channel)` changes on every notice and on every start or stop of
 * listening, so a cache compares it before and after its read and keeps the value only when equal.
 *
 * Revoking a device must stop its token at once on every process, not a moment later, so that one
 * notice is confirmed: each listening process drops the device from its cache and answers on a
 * second channel, and the revoking command waits until every listening connection open at its
 * commit has answered or gone (`awaitRevocationHeard`).
 */
import pg from 'pg';
import { PostgresFailure } from './postgresSql.ts';

export const NOTICE_CHANNELS = {
  catalog: 'motcua_catalog',
  adminUnits: 'motcua_admin_units',
  holidayTable: 'motcua_holiday_table',
  deviceRevoked: 'motcua_device_revoked',
  revocationHeard: 'motcua_revocation_heard',
} as const;
export type NoticeChannel = Exclude<keyof typeof NOTICE_CHANNELS, 'revocationHeard'>;

/** The listening connections' application_name: how a revoking command finds who must answer. */
export const LISTENER_NAME = 'motcua-notices';

/** How long a revocation waits for the processes' answers before it gives up waiting (it is committed either way). */
export const REVOCATION_WAIT_MS = 5_000;

const RECONNECT_MS = [250, 1_000, 5_000, 15_000];

export interface Notices {
  /** Whether this process hears changes now (and starts listening on first call): a cache may serve only then. */
  listening(): boolean;
  /** Changes on every notice of `channel` and whenever listening starts or stops. */
  stamp(channel: NoticeChannel): number;
  /** Calls `handler` with each notice's payload on `channel`. */
  on(channel: NoticeChannel, handler: (payload: string) => void): void;
  /** Calls `handler` whenever listening stops: what a cache holds may be stale from then on. */
  onReset(handler: () => void): void;
  /**
   * This process just committed a change of `channel`: its own caches act on it now (stamp and
   * handlers) rather than when its own notice comes back, so it reads its own writes.
   */
  changedHere(channel: NoticeChannel, payload?: string): void;
  close(): Promise<void>;
}

/** A revocation's notice: the device, and an id its answers carry. */
export interface RevocationNotice {
  revocation: string;
  deviceId: string;
}

export function createNotices(url: string): Notices {
  const stamps = new Map<NoticeChannel, number>();
  const handlers = new Map<NoticeChannel, ((payload: string) => void)[]>();
  const resets: (() => void)[] = [];
  const channels = Object.keys(NOTICE_CHANNELS).filter((c): c is NoticeChannel => c !== 'revocationHeard');
  const byName = new Map(channels.map((c) => [NOTICE_CHANNELS[c] as string, c]));
  let client: pg.Client | null = null;
  let started = false;
  let ready = false;
  let closed = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;

  const bumpAll = () => {
    for (const c of channels) stamps.set(c, (stamps.get(c) ?? 0) + 1);
  };
  const lost = () => {
    if (ready) {
      ready = false;
      bumpAll();
      for (const reset of resets) reset();
    }
  };

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: url, application_name: `${LISTENER_NAME}-starting` });
    client = next;
    next.on('error', () => {
      lost();
      void next.end().catch(() => undefined);
      schedule();
    });
    next.on('end', () => {
      if (client !== next) return;
      lost();
      schedule();
    });
    next.on('notification', (message) => {
      const channel = byName.get(message.channel);
      if (!channel) return;
      // Not yet ready: nothing is served from memory, and listening starts with every stamp moved.
      if (ready) {
        stamps.set(channel, (stamps.get(channel) ?? 0) + 1);
        for (const handler of handlers.get(channel) ?? []) handler(message.payload ?? '');
      }
      if (channel === 'deviceRevoked') {
        // This process holds the device no more: say so to the revoking command.
        const revocation = (JSON.parse(message.payload ?? '{}') as Partial<RevocationNotice>).revocation ?? '';
        next.query("SELECT pg_notify($1, $2 || ':' || pg_backend_pid())", [NOTICE_CHANNELS.revocationHeard, revocation]).catch(() => undefined);
      }
    });
    try {
      await next.connect();
      for (const c of channels) await next.query(`LISTEN ${NOTICE_CHANNELS[c]}`);
      // Named only once it listens: a revoking command waits for the connections so named.
      await next.query(`SET application_name = '${LISTENER_NAME}'`);
      if (closed || client !== next) return;
      attempt = 0;
      bumpAll();
      ready = true;
    } catch {
      lost();
      void next.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (closed || retry) return;
    const wait = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)]!;
    attempt += 1;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, wait);
    retry.unref();
  };

  return {
    listening: () => {
      if (!started && !closed) {
        started = true;
        void connect();
      }
      return ready;
    },
    stamp: (channel) => stamps.get(channel) ?? 0,
    on: (channel, handler) => handlers.set(channel, [...(handlers.get(channel) ?? []), handler]),
    onReset: (handler) => resets.push(handler),
    changedHere: (channel, payload = '') => {
      stamps.set(channel, (stamps.get(channel) ?? 0) + 1);
      for (const handler of handlers.get(channel) ?? []) handler(payload);
    },
    close: async () => {
      closed = true;
      lost();
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}

/**
 * The revoking side: call `start()` before the revocation commits, then `heard(revocation)` after:
 * it resolves once every listening connection that was open at the commit has answered or gone, or
 * after REVOCATION_WAIT_MS (a process that stopped answering); with the connections that did not answer.
 */
export async function listenForRevocationHeard(url: string): Promise<{ heard(revocation: string): Promise<number[]>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url, application_name: 'motcua-revoke' });
  client.on('error', () => undefined);
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> => {
    try {
      return (await client.query<R>(text, values)).rows;
    } catch (e) {
      throw new PostgresFailure(e);
    }
  };
  const answered = new Map<string, Set<number>>();
  client.on('notification', (message) => {
    const [revocation, pid] = (message.payload ?? '').split(':');
    if (!revocation || !pid) return;
    answered.set(revocation, (answered.get(revocation) ?? new Set()).add(Number(pid)));
  });
  try {
    await client.connect();
  } catch (e) {
    throw new PostgresFailure(e);
  }
  await query(`LISTEN ${NOTICE_CHANNELS.revocationHeard}`);
  const listeners = async (): Promise<Set<number>> =>
    new Set(
      (await query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [LISTENER_NAME])).map(
        (r) => r.pid,
      ),
    );
  return {
    heard: async (revocation) => {
      const due = await listeners();
      const deadline = Date.now() + REVOCATION_WAIT_MS;
      for (;;) {
        const present = await listeners();
        const waiting = [...due].filter((pid) => present.has(pid) && !answered.get(revocation)?.has(pid));
        if (waiting.length === 0 || Date.now() > deadline) return waiting;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    close: () => client.end().catch(() => undefined),
  };
}

/** One value kept in memory while `channel` is heard: read again after any notice of it, or while not listening. */
export interface HeardValue<T> {
  get(read: () => Promise<T>): Promise<T>;
}

export function heardValue<T>(notices: Notices, channel: NoticeChannel): HeardValue<T> {
  let held: { value: T } | null = null;
  notices.on(channel, () => (held = null));
  notices.onReset(() => (held = null));
  return {
    get: async (read) => {
      const listening = notices.listening();
      if (listening && held) return held.value;
      const stamp = notices.stamp(channel);
      const value = await read();
      // Kept only if nothing was heard of `channel` while it was read (the answer may predate the change).
      if (listening && notices.listening() && notices.stamp(channel) === stamp) held = { value };
      return value;
    },
  };
}
