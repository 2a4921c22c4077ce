/**
 * Work that can wait for a quiet moment after the first screen is up (warming the search,
 * fetching the other screens' code): one job per idle period, in the order asked, each finished
 * (its promise settled) before the next starts. A key pressed meanwhile then waits for at most one
 * small job, never for a burst of them all at once.
 */
type Job = () => unknown;

const queue: Job[] = [];
let scheduled = false;

/** Runs `job` when the page is idle, after the jobs asked before it; the returned function takes it back. */
export function whenIdle(job: Job): () => void {
  queue.push(job);
  schedule();
  return () => {
    const at = queue.indexOf(job);
    if (at >= 0) queue.splice(at, 1);
  };
}

function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  const run = async () => {
    scheduled = false;
    const job = queue.shift();
    try {
      await job?.();
    } catch {
      // Idle work is an optimisation: what failed here is done again when it is needed.
    }
    schedule();
  };
  // At the latest after a few seconds: a kiosk kept busy still gets its screens' code.
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(() => void run(), { timeout: 3000 });
  else globalThis.setTimeout(() => void run(), 50);
}
