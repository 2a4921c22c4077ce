/**
 * How requests reach the server's log: one line per request, written when it is answered, at the
 * level its outcome deserves: a failure as an error, a refusal (4xx) at info, a successful answer
 * at debug (`--log-level debug` shows them all). Fastify's default writes two lines at info for
 * every request (received, completed); a province server answers a thousand a second, so its log
 * would roll over its 30 files of 10 MB within minutes and the logger's thread would take the CPU
 * the answers need. Instead, once a minute, one line at info sums the traffic up: how many answers,
 * by class, and how long they took (p50, p99).
 */
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

const MINUTE_MS = 60_000;

/** At most this many times are kept per period for the quantiles (a uniform sample beyond it). */
const SAMPLE = 20_000;

interface Tally {
  count: number;
  byClass: Record<'2xx' | '3xx' | '4xx' | '5xx', number>;
  ms: number[];
}

const emptyTally = (): Tally => ({ count: 0, byClass: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }, ms: [] });

function quantile(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Fastify's log controller (its `logController` option) with the levels above and the tally of the summary. */
export class RequestLog extends LogController {
  private tally = emptyTally();

  override incomingRequest(): void {
    // Nothing when a request comes in: its one line is written when it is answered.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const ms = reply.elapsedTime;
    const tally = this.tally;
    tally.count += 1;
    tally.byClass[status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : '2xx'] += 1;
    // Reservoir sampling keeps the quantiles honest without keeping every time of a busy minute.
    if (tally.ms.length < SAMPLE) tally.ms.push(ms);
    else {
      const slot = Math.floor(Math.random() * tally.count);
      if (slot < SAMPLE) tally.ms[slot] = ms;
    }
    if (error) request.log.error({ req: request, res: reply, err: error, responseTime: ms }, 'request errored');
    else if (status >= 500) request.log.error({ req: request, res: reply, responseTime: ms }, 'request completed');
    else if (status >= 400) request.log.info({ req: request, res: reply, responseTime: ms }, 'request completed');
    else request.log.debug({ req: request, res: reply, responseTime: ms }, 'request completed');
  }

  /** The period's summary (null when nothing was answered), and a new period. */
  takeSummary(): Record<string, number> | null {
    const tally = this.tally;
    this.tally = emptyTally();
    if (tally.count === 0) return null;
    const sorted = Float64Array.from(tally.ms).sort();
    return { requests: tally.count, ...tally.byClass, p50_ms: Number(quantile(sorted, 0.5).toFixed(1)), p99_ms: Number(quantile(sorted, 0.99).toFixed(1)) };
  }
}

/** Writes `requestLog`'s summary to the app's log every `everyMs` (default a minute) until the app closes. */
export function startRequestSummary(app: FastifyInstance, requestLog: RequestLog, everyMs = MINUTE_MS): void {
  const timer = setInterval(() => {
    const summary = requestLog.takeSummary();
    if (summary) app.log.info(summary, 'requests answered');
  }, everyMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
