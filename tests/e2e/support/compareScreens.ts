/**
 * Compares a screenshot with its reference, pixel by pixel (pixelmatch), leaving out what was masked:
 * magenta pixels of the new picture, and the pixel around each (a mask's edge is blended with what it
 * covers), take the reference's value. A pure module, so the rule itself is unit-tested.
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** pixelmatch's colour distance (0–1) under which two pixels are the same; anti-aliased edges are not counted. */
const PIXEL_THRESHOLD = 0.1;
/**
 * How many pixels may differ: 0.01% of the image, at least 40. On this machine two runs differ by
 * 0 pixels outside the masks; a changed word (about 8 × 14 px a letter) or a moved box is far more.
 */
const ALLOWED_RATIO = 0.0001;
const ALLOWED_MIN = 40;

export interface Comparison {
  differing: number;
  allowed: number;
  /** Why the picture does not match, or null when it does. */
  problem: string | null;
  /** The differing pixels in red over a faded reference (null when the sizes differ). */
  diff: PNG | null;
}

const isMaskColour = (data: Buffer, o: number) => data[o] === 255 && data[o + 1] === 0 && data[o + 2] === 255;

export function compareScreens(actualPng: Buffer, expectedPng: Buffer): Comparison {
  const actual = PNG.sync.read(actualPng);
  const expected = PNG.sync.read(expectedPng);
  const { width, height } = actual;
  const allowed = Math.max(ALLOWED_MIN, Math.round(width * height * ALLOWED_RATIO));
  if (width !== expected.width || height !== expected.height) {
    return { differing: width * height, allowed, problem: `the screen is ${width}×${height}, the reference ${expected.width}×${expected.height}`, diff: null };
  }
  const masked = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i += 1) if (isMaskColour(actual.data, i * 4)) masked[i] = 1;
  // Masked pixels and their neighbours take the reference's value, so they never count as different.
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!nearMask(masked, width, height, x, y)) continue;
      const o = (y * width + x) * 4;
      actual.data.set(expected.data.subarray(o, o + 4), o);
    }
  }
  const diff = new PNG({ width, height });
  const differing = pixelmatch(actual.data, expected.data, diff.data, width, height, { threshold: PIXEL_THRESHOLD });
  return { differing, allowed, problem: differing > allowed ? `${differing} pixels differ (at most ${allowed} may)` : null, diff };
}

function nearMask(masked: Uint8Array, width: number, height: number, x: number, y: number): boolean {
  for (let dy = -1; dy <= 1; dy += 1) {
    for (let dx = -1; dx <= 1; dx += 1) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx >= 0 && ny >= 0 && nx < width && ny < height && masked[ny * width + nx]) return true;
    }
  }
  return false;
}

/** What the screenshot step does with a capture: pass, (re)write the reference, or fail the test. */
export type Verdict = { action: 'pass' } | { action: 'write' } | { action: 'fail'; message: string };

/**
 * Whether references may be rewritten: only when asked (`MOTCUA_SCREENSHOTS=update`, what
 * `npm run screenshots:update` sets) and never under CI, where a missing or changed reference must
 * fail the run instead of being written quietly.
 */
export function screenshotMode(env: Record<string, string | undefined>): 'compare' | 'update' {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return env.MOTCUA_SCREENSHOTS === 'update' && !ci ? 'update' : 'compare';
}

/**
 * The rule for one screenshot: `comparison` is null when `NAME.png` has no reference yet. Comparing,
 * a missing reference is an error as much as a changed picture; updating, only those two are written.
 */
export function judgeScreenshot(name: string, comparison: Comparison | null, mode: 'compare' | 'update'): Verdict {
  if (comparison !== null && comparison.problem === null) return { action: 'pass' };
  if (mode === 'update') return { action: 'write' };
  if (comparison === null) {
    return { action: 'fail', message: `no reference screenshot ${name}.png: look at the screen, then run \`npm run screenshots:update\` and commit the picture` };
  }
  return {
    action: 'fail',
    message: `screenshot ${name}: ${comparison.problem}; see tests/e2e/__artifacts__/screenshots/${name}.diff.png; if the change is meant, \`npm run screenshots:update\``,
  };
}
