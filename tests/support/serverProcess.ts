/**
 * The server in a process of its own, several of them on one PostgreSQL database, as a province
 * runs it behind a load balancer: what one process keeps in memory the others do not share.
 *
 *   const server = await startServerProcess(url);   // http://127.0.0.1:PORT
 *   await fetch(`${server.url}/api/health`);
 *   await server.stop();
 */
import { fork } from 'node:child_process';
import { resolve } from 'node:path';

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const child = fork(resolve(import.meta.dirname, 'serverProcessMain.ts'), [databaseUrl], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`the server process exited with ${code} before it listened`)));
    child.once('message', (message) => {
      child.removeAllListeners('exit');
      ok({
        url: `http://127.0.0.1:${(message as { port: number }).port}`,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.send('stop');
          }),
      });
    });
  });
}
