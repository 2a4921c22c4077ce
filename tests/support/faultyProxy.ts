/**
 * A real HTTP proxy on loopback that breaks the link between devices and the server on purpose:
 * it drops requests before the server sees them, drops responses after the server has committed,
 * and delays responses. Faults are drawn from a seeded generator, so a failing run can be replayed,
 * and `maxFaults` bounds them so a test always ends. Faults can be switched at any time.
 *
 * If the server behind it is down (restarting), the proxy answers 502, as a real gateway would.
 *
 * It can also be a slow link: `bytesPerSecond` limits each direction (requests up, answers down)
 * like a rural ADSL or 3G line, shared by every request in flight, as one line is.
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
  /** Bandwidth of the link in each direction, in bytes per second; Infinity for loopback speed. */
  bytesPerSecond: number;
}

export const NO_FAULTS: Faults = { dropRequestRate: 0, dropResponseRate: 0, delayRate: 0, delayMs: 0, maxFaults: Infinity, bytesPerSecond: Infinity };

/** About 1 Mbit/s, a slow commune line. */
export const ONE_MBIT_PER_SECOND = 125_000;

export interface FaultStats {
  forwarded: number;
  /** Request and answer body bytes that went through (after throttling). */
  bytesUp: number;
  bytesDown: number;
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
  const stats: FaultStats = { forwarded: 0, bytesUp: 0, bytesDown: 0, droppedRequests: 0, droppedResponses: 0, delayed: 0, serverDown: 0 };
  // When each direction of the line is next free: bytes queue behind the ones already on it.
  const lineFreeAt = { up: 0, down: 0 };
  const pendingThrottles = new Set<NodeJS.Timeout>();
  const pass = (direction: 'up' | 'down', bytes: number): Promise<void> => {
    if (!Number.isFinite(faults.bytesPerSecond)) return Promise.resolve();
    const now = Date.now();
    lineFreeAt[direction] = Math.max(now, lineFreeAt[direction]) + (bytes / faults.bytesPerSecond) * 1000;
    const wait = lineFreeAt[direction] - now;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pendingThrottles.delete(timer);
        resolve();
      }, wait);
      pendingThrottles.add(timer);
    });
  };
  /** Sends a body down the line in small pieces, each when the line has room for it. */
  const sendThrottled = async (res: ServerResponse, body: Buffer): Promise<void> => {
    const piece = 16 * 1024;
    for (let at = 0; at < body.length; at += piece) {
      const part = body.subarray(at, at + piece);
      await pass('down', part.length);
      if (res.socket?.destroyed) return;
      res.write(part);
      stats.bytesDown += part.length;
    }
    res.end();
  };
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
    req.on('data', (c: Buffer) => {
      chunks.push(c);
      stats.bytesUp += c.length;
      if (!Number.isFinite(faults.bytesPerSecond)) return;
      // Hold the sender back (TCP back-pressure) until the line has carried this piece.
      req.pause();
      void pass('up', c.length).then(() => req.resume());
    });
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
              if (Number.isFinite(faults.bytesPerSecond)) void sendThrottled(res, Buffer.concat(body));
              else {
                const whole = Buffer.concat(body);
                stats.bytesDown += whole.length;
                res.end(whole);
              }
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
      for (const timer of pendingThrottles) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
