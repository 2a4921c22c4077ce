/**
 * A real HTTP proxy on loopback that breaks the link between devices and the server on purpose:
 * it drops requests before the server sees them, drops responses after the server has committed,
 * and delays responses. Faults are drawn from a seeded generator, so a failing run can be replayed,
 * and `maxFaults` bounds them so a test always ends. Faults can be switched at any time.
 *
 * If the server behind it is down (restarting), the proxy answers 502, as a real gateway would.
 */
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from './seededRandom.ts';

export interface Faults {
  /** Share of requests (0-1) whose connection is cut before they reach the server. */
  dropRequestRate: number;
  /** Share of requests (0-1) that reach the server but whose answer never comes back. */
  dropResponseRate: number;
  /** Share of responses (0-1) held back for `delayMs` before they are sent. */
  delayRate: number;
  delayMs: number;
  /** Stop injecting faults after this many (drops and delays together); Infinity for no bound. */
  maxFaults: number;
}

export const NO_FAULTS: Faults = { dropRequestRate: 0, dropResponseRate: 0, delayRate: 0, delayMs: 0, maxFaults: Infinity };

export interface FaultStats {
  forwarded: number;
  droppedRequests: number;
  droppedResponses: number;
  delayed: number;
  /** Requests answered 502 because the server was not listening. */
  serverDown: number;
}

export interface FaultyProxy {
  url: string;
  setFaults(faults: Partial<Faults>): void;
  stats(): FaultStats;
  close(): Promise<void>;
}

export { seededRandom };

export async function startFaultyProxy(target: { host: string; port: number }, options: { seed: number; faults?: Partial<Faults> }): Promise<FaultyProxy> {
  const random = seededRandom(options.seed);
  let faults: Faults = { ...NO_FAULTS, ...options.faults };
  let injected = 0;
  const stats: FaultStats = { forwarded: 0, droppedRequests: 0, droppedResponses: 0, delayed: 0, serverDown: 0 };
  // No keep-alive towards the server, so a restart never meets a stale pooled socket.
  const agent = new Agent({ keepAlive: false });
  const pendingDelays = new Set<NodeJS.Timeout>();

  /** Draws once per request, whatever the settings, so a seed gives the same sequence of draws. */
  const draw = (rate: number): boolean => {
    const hit = random() < rate;
    if (hit && injected < faults.maxFaults) {
      injected += 1;
      return true;
    }
    return false;
  };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const dropRequest = draw(faults.dropRequestRate);
    const dropResponse = draw(faults.dropResponseRate);
    const delay = draw(faults.delayRate) ? faults.delayMs : 0;
    if (dropRequest) {
      stats.droppedRequests += 1;
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = httpRequest(
        { host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            stats.forwarded += 1;
            // The server has answered, so whatever it did is committed: losing the answer now is the hard case.
            if (dropResponse) {
              stats.droppedResponses += 1;
              res.socket?.destroy();
              return;
            }
            const send = () => {
              if (res.socket?.destroyed) return;
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(body));
            };
            if (delay > 0) {
              stats.delayed += 1;
              const timer = setTimeout(() => {
                pendingDelays.delete(timer);
                send();
              }, delay);
              pendingDelays.add(timer);
            } else send();
          });
        },
      );
      upstream.on('error', () => {
        stats.serverDown += 1;
        if (res.headersSent || res.socket?.destroyed) return;
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'bad_gateway', reason: 'the server behind the proxy is not answering' }));
      });
      upstream.end(Buffer.concat(chunks));
    });
  }

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setFaults: (next) => {
      faults = { ...faults, ...next };
    },
    stats: () => ({ ...stats }),
    close: async () => {
      for (const timer of pendingDelays) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
