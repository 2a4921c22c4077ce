/** Creating and dropping the throwaway databases tests run on, in the run's cluster. */
import pg from 'pg';

async function onServer<T>(server: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A new database, empty or copied from `template`. Copies of one template made at once may collide: retried. */
export async function createDatabase(server: string, name: string, template?: string): Promise<string> {
  await onServer(server, async (client) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ''}`);
        return;
      } catch (e) {
        // "source database is being accessed by other users": another copy is being made right now.
        if (attempt >= 20 || (e as { code?: string }).code !== '55006') throw e;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
  return `${server}/${name}`;
}

export async function dropDatabase(server: string, name: string): Promise<void> {
  await onServer(server, (client) => client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`));
}

/** Empties every table of a test database (keeping its schema), so the next test can use it. */
export async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: string | null }>(
      `SELECT string_agg(quote_ident(tablename), ', ') AS tables FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
    );
    if (rows[0]?.tables) await client.query(`TRUNCATE ${rows[0].tables} RESTART IDENTITY`);
  } finally {
    await client.end();
  }
}
