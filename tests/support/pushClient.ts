/**
 * A minimal device-side push loop for server tests (the app's own sync loop lives in the renderer):
 * it drains a numbered outbox in batches, retries lost or failed requests with backoff and jitter,
 * follows the server after a 409, and validates every answer with the shared schemas.
 */
import { err, ok, type Result } from '../../shared/result.ts';
import { pushResponseSchema, sequenceGapSchema, type Mutation, type PushItemResult } from '../../shared/sync/protocol.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

export interface PushClientOptions {
  baseUrl: string;
  token: string;
  batchSize: number;
  /** A request taking longer is abandoned (the server may still apply it: the retry must be a no-op). */
  timeoutMs: number;
  backoff: { baseMs: number; maxMs: number };
  /** Gives up after this long, so a broken server fails the test instead of hanging it. */
  deadlineMs: number;
  random: () => number;
  onProgress?: (acknowledged: number) => void;
}

export interface DrainReport {
  acknowledged: number;
  requests: number;
  failedRequests: number;
  gaps: number;
  /** The final answer for each number, as the device would keep it. */
  results: Map<number, PushItemResult>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function drainOutbox(outbox: Mutation[], options: PushClientOptions): Promise<Result<DrainReport>> {
  const report: DrainReport = { acknowledged: 0, requests: 0, failedRequests: 0, gaps: 0, results: new Map() };
  const deadline = Date.now() + options.deadlineMs;
  let failuresInARow = 0;
  const firstSeq = outbox[0]?.seq ?? 1;

  while (report.acknowledged < outbox.length) {
    if (Date.now() > deadline) return err(`gave up after ${options.deadlineMs} ms with ${outbox.length - report.acknowledged} not acknowledged`);
    const batch = outbox.slice(report.acknowledged, report.acknowledged + options.batchSize);
    report.requests += 1;
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(`${options.baseUrl}${API_PATHS.sync.push}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        body: JSON.stringify({ mutations: batch }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = await response.json();
    } catch {
      response = new Response(null, { status: 599 });
    }

    if (response.status === 200) {
      const answer = pushResponseSchema.safeParse(body);
      if (!answer.success) return err(`the server answered a push with an unexpected body: ${answer.error.message}`);
      for (const r of answer.data.results) {
        // A duplicate answer never hides the first outcome the device already holds.
        if (!report.results.has(r.seq) || r.status !== 'duplicate') report.results.set(r.seq, r);
      }
      report.acknowledged = Math.max(report.acknowledged, answer.data.lastAppliedSeq - firstSeq + 1);
      failuresInARow = 0;
      options.onProgress?.(report.acknowledged);
      continue;
    }
    if (response.status === 409) {
      const gap = sequenceGapSchema.safeParse(body);
      if (!gap.success) return err('the server answered 409 without a sequence_gap body');
      report.gaps += 1;
      report.acknowledged = gap.data.lastAppliedSeq - firstSeq + 1;
      continue;
    }
    if (response.status >= 400 && response.status < 500) return err(`the server refused the push: ${response.status} ${JSON.stringify(body)}`);

    // Lost, timed out, or the server is down: wait, longer each time, with jitter so devices spread out.
    report.failedRequests += 1;
    failuresInARow += 1;
    const ceiling = Math.min(options.backoff.maxMs, options.backoff.baseMs * 2 ** failuresInARow);
    await sleep(ceiling / 2 + options.random() * (ceiling / 2));
  }
  return ok(report);
}
