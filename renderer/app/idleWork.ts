/**
 * Work that can wait for a quiet moment after the first screen is up (the catalog's record check,
 * the home's searched tiles, fetching the other screens' code): one job per idle period, in the order asked,
 * each finished (its promise settled) before the next starts. None starts in the first moments of
 * the first screen, nor while someone is touching the screen or typing (SETTLE_MS after their last
 * touch or key): a key pressed meanwhile then waits for at most one small job, and a person who
 * starts typing as the kiosk comes up waits for none. (The kiosk's background sync does not wait
 * for this queue: what its footer says about the link must be true from the start, kioskStart.tsx.)
 */
type Job = () => unknown;

/** `soon`: work the kiosk needs shortly (warming the search, its background sync); `later`: code fetched ahead of need. */
export type IdleOrder = 'soon' | 'later';

const queue: { job: Job; order: IdleOrder }[] = [];
let scheduled = false;

/** How long the page must have been left alone (since the first screen, or a touch or a key) before idle work starts. */
export const SETTLE_MS = 600;
let lastInput = -Infinity;

/** A touch or a key: idle work waits until the person has left the screen alone for SETTLE_MS. */
export function noteInput(at = performance.now()): void {
  lastInput = Math.max(lastInput, at);
}
if (typeof globalThis.addEventListener === 'function') {
  for (const type of ['pointerdown', 'keydown']) globalThis.addEventListener(type, () => noteInput(), { capture: true, passive: true });
}
// Closed until the first screen is up: the moments the start spends waiting for storage are not quiet ones.
let opened = false;
let screenUp: () => void = () => {};
/** Settles once the first screen is up (openIdleWork was called). */
export const firstScreenUp = new Promise<void>((resolve) => (screenUp = resolve));

/** The first screen is up (the kiosk's search ready, the counter mounted): idle work may begin. */
export function openIdleWork(): void {
  if (!opened) noteInput();
  opened = true;
  screenUp();
  schedule();
}

/**
 * Runs `job` when the page is idle, after the jobs asked before it (a `soon` job also before any
 * `later` one still waiting); the returned function takes it back.
 */
export function whenIdle(job: Job, order: IdleOrder = 'soon'): () => void {
  const entry = { job, order };
  const firstLater = order === 'soon' ? queue.findIndex((e) => e.order === 'later') : -1;
  if (firstLater >= 0) queue.splice(firstLater, 0, entry);
  else queue.push(entry);
  schedule();
  return () => {
    const at = queue.indexOf(entry);
    if (at >= 0) queue.splice(at, 1);
  };
}

function schedule(): void {
  if (!opened || scheduled || queue.length === 0) return;
  scheduled = true;
  const run = async () => {
    const unsettled = lastInput + SETTLE_MS - performance.now();
    if (unsettled > 0) {
      // Touched or typed on a moment ago: asked again once the screen has been left alone.
      globalThis.setTimeout(whenQuiet, unsettled);
      return;
    }
    scheduled = false;
    const next = queue.shift();
    try {
      await next?.job();
    } catch {
      // Idle work is an optimisation: what failed here is done again when it is needed.
    }
    schedule();
  };
  // At the latest after a few seconds: a kiosk kept busy still gets its screens' code.
  const whenQuiet = () => {
    if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(() => void run(), { timeout: 3000 });
    else globalThis.setTimeout(() => void run(), 50);
  };
  whenQuiet();
}

/**
 * Runs `job` once the next frame has been painted (a task after the frame's animation callbacks),
 * without the idle queue's wait for a quiet moment: for work the next touch will need at once. The
 * returned function takes it back.
 */
export function afterNextFrame(job: Job): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof globalThis.requestAnimationFrame !== 'function') {
    timer = globalThis.setTimeout(job, 0);
    return () => globalThis.clearTimeout(timer);
  }
  const frame = globalThis.requestAnimationFrame(() => {
    timer = globalThis.setTimeout(job, 0);
  });
  return () => {
    globalThis.cancelAnimationFrame(frame);
    if (timer !== undefined) globalThis.clearTimeout(timer);
  };
}
