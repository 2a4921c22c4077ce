/**
 * One real server process for tests that need several (tests/support/serverProcess.ts): the app over
 * the PostgreSQL database named in argv[2], on the fixture clock, on a free loopback port. Says
 * { port } over its IPC channel when it listens; closes and exits on 'stop'.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';
import { openPostgresStore } from '../../server/store/postgres/postgresStore.ts';
import { fixtureClock } from './syncFixtures.ts';

const opened = await openPostgresStore(process.argv[2] ?? '', { poolSize: 4 });
if (!opened.ok) {
  console.error(opened.error);
  process.exit(1);
}
const app = await createApp({ store: opened.value, webRoot: null, now: fixtureClock });
await app.listen({ host: '127.0.0.1', port: 0 });
process.on('message', (message: unknown) => {
  if (message === 'stop') void app.close().then(() => opened.value.close()).then(() => process.exit(0));
});
process.send?.({ port: (app.server.address() as AddressInfo).port });
