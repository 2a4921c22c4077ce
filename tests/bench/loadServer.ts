/**
 * One sync server process for `npm run bench:load`: the real app (createApp) over the store given as
 * argv[2] ("sqlite:DIR" or a postgres:// URL), logging every request to a rotating file as in
 * production, listening on a free loopback port. Over its IPC channel it says { port } when it
 * listens, and answers { elu, delayMaxMs, delayP99Ms } (its event loop's utilisation and how long it
 * was held at a stretch, since the last question) when asked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';
import { serverLoggerOptions } from '../../server/http/serverLog.ts';
import { openStore } from '../../server/store/openStore.ts';

const where = process.argv[2] ?? '';
const poolSize = Number(process.argv[3] ?? 10);
const opened = await openStore(where.startsWith('sqlite:') ? { kind: 'sqlite', dataDir: where.slice('sqlite:'.length) } : { kind: 'postgres', url: where, poolSize });
if (!opened.ok) {
  console.error(opened.error);
  process.exit(1);
}
const logDir = mkdtempSync(join(tmpdir(), 'motcua-load-log-'));
const app = await createApp({ store: opened.value, webRoot: null, logger: serverLoggerOptions(logDir, { stdout: false }) });
await app.listen({ host: '127.0.0.1', port: 0 });

let since = performance.eventLoopUtilization();
// How long the event loop was held at a stretch (a synchronous fsync, a long GC): a stall shows here.
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
process.on('message', (message: unknown) => {
  if (message === 'elu') {
    const now = performance.eventLoopUtilization();
    process.send?.({ elu: performance.eventLoopUtilization(now, since).utilization, delayMaxMs: delay.max / 1e6, delayP99Ms: delay.percentile(99) / 1e6 });
    delay.reset();
    since = now;
  } else if (message === 'stop') {
    void app.close().then(() => opened.value.close()).then(() => process.exit(0));
  }
});
process.send?.({ port: (app.server.address() as AddressInfo).port, logDir });
