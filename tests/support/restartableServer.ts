/**
 * The real sync server on a fixed loopback port over data that outlives it (a SQLite folder or a
 * PostgreSQL database), so a test can stop and start it in the middle of a batch, the way a power
 * cut or an update would.
 *
 *   const server = await startRestartableServer(location);   // listens on a free port
 *   const proxy = await startFaultyProxy(server.address, { seed: 7 });
 *   ...                                                       // devices talk to proxy.url
 *   await server.restart(300);   // stop (waits for requests in flight, closes the store), 300 ms down, start on the same port
 *   server.store()               // the store of the running instance, for assertions
 */
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../server/app.ts';
import type { InspectedStore } from './storeInspection.ts';
import { openStoreAt, type StoreLocation } from './tempStore.ts';

export interface RestartableServer {
  address: { host: string; port: number };
  url: string;
  store(): InspectedStore;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(downMs: number): Promise<void>;
  restarts(): number;
}

/**
 * `where`: a SQLite data folder, or a store location; `now`: the server's clock (default the real
 * one; fixture files dated 2027 need fixtureClock); `webRoot`: serve the built renderer too (an
 * end-to-end test whose server goes down and comes back).
 */
export async function startRestartableServer(where: string | StoreLocation, options: { now?: (() => Date) | undefined; webRoot?: string | null } = {}): Promise<RestartableServer> {
  const location: StoreLocation = typeof where === 'string' ? { kind: 'sqlite', dir: where } : where;
  const host = '127.0.0.1';
  let port = 0;
  let running: { app: FastifyInstance; store: InspectedStore } | null = null;
  let restarts = 0;

  async function start(): Promise<void> {
    if (running) return;
    const store = await openStoreAt(location);
    const app = await createApp({ store, webRoot: options.webRoot ?? null, now: options.now });
    await app.listen({ host, port });
    const address = app.server.address();
    if (port === 0 && typeof address === 'object' && address) port = address.port;
    running = { app, store };
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
