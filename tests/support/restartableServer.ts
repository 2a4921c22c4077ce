/**
 * The real sync server on a fixed loopback port over a SQLite folder that outlives it, so a test
 * can stop and start it in the middle of a batch, the way a power cut or an update would.
 *
 *   const server = await startRestartableServer(dataDir);   // listens on a free port
 *   const proxy = await startFaultyProxy(server.address, { seed: 7 });
 *   ...                                                       // devices talk to proxy.url
 *   await server.restart(300);   // stop (waits for requests in flight, closes SQLite), 300 ms down, start on the same port
 *   server.store()               // the store of the running instance, for assertions
 */
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../server/app.ts';
import { openSqliteStore } from '../../server/store/sqliteStore.ts';
import type { SyncStore } from '../../server/store/store.ts';

export interface RestartableServer {
  address: { host: string; port: number };
  url: string;
  store(): SyncStore;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(downMs: number): Promise<void>;
  restarts(): number;
}

/**
 * `now`: the server's clock (default the real one; fixture files dated 2027 need fixtureClock);
 * `webRoot`: serve the built renderer too (an end-to-end test whose server goes down and comes back).
 */
export async function startRestartableServer(dataDir: string, options: { now?: () => Date; webRoot?: string | null } = {}): Promise<RestartableServer> {
  const host = '127.0.0.1';
  let port = 0;
  let running: { app: FastifyInstance; store: SyncStore } | null = null;
  let restarts = 0;

  async function start(): Promise<void> {
    if (running) return;
    const opened = openSqliteStore(dataDir);
    if (!opened.ok) throw new Error(opened.error);
    const app = await createApp({ store: opened.value, webRoot: options.webRoot ?? null, now: options.now });
    await app.listen({ host, port });
    const address = app.server.address();
    if (port === 0 && typeof address === 'object' && address) port = address.port;
    running = { app, store: opened.value };
  }

  async function stop(): Promise<void> {
    if (!running) return;
    const { app, store } = running;
    running = null;
    await app.close();
    await store.close();
  }

  await start();
  return {
    address: { host, port },
    url: `http://${host}:${port}`,
    store: () => {
      if (!running) throw new Error('the server is stopped');
      return running.store;
    },
    stop,
    start,
    restart: async (downMs) => {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
      restarts += 1;
    },
    restarts: () => restarts,
  };
}
