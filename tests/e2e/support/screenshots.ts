/**
 * Screens compared with their committed references in tests/e2e/__screenshots__/ (what the README
 * shows and reviewers look at). A regular run compares and never writes into the repository; a
 * mismatch fails the test and leaves NAME.actual.png, NAME.expected.png and NAME.diff.png in
 * tests/e2e/__artifacts__/screenshots/ (ignored by git). `npm run screenshots:update` rewrites the
 * references that no longer match and creates missing ones; unchanged ones are left byte for byte.
 *
 * Rendering is made repeatable: fonts and images loaded, animations and the caret off, one clock for
 * the whole suite (testClock.ts), so dates are the same on every run. Times of day are not: the clock
 * runs on from 08:30, so any 08:xx or 09:xx on a screen says how long the run took; every element
 * showing one is masked here. What else differs between runs (the receipt's random lookup code and
 * the QR codes that carry it, dates stamped by the server's own clock, the test server's port) is
 * masked by the page models. Playwright paints masked boxes magenta, and the comparison ignores
 * magenta pixels and the pixel around them; the rest must match within a small tolerance.
 *
 * References come from whole e2e files: a device's code (D01, D02...) counts the devices enrolled
 * before it in the same file, so a run of one test alone (`-t`) shows other numbers.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOTS = resolve(import.meta.dirname, '../__screenshots__');
const ARTIFACTS = resolve(import.meta.dirname, '../__artifacts__/screenshots');

/** `npm run screenshots:update` sets it. */
export const UPDATING_SCREENSHOTS = process.env.MOTCUA_SCREENSHOTS === 'update';

const MASK_COLOR = '#ff00ff';
/** A time of day from the suite's clock (it starts at 08:30; a file runs well under an hour and a half). Due times (17:00) and typed times stay compared. */
const CLOCK_TIME = /\b0[89]:[0-5]\d\b/;
/** pixelmatch's colour distance (0–1) under which two pixels are the same; anti-aliased edges are not counted. */
const PIXEL_THRESHOLD = 0.1;
/**
 * How many pixels may differ: 0.01% of the image, at least 40. On this machine two runs differ by
 * 0 pixels outside the masks; a changed word (about 8 × 14 px a letter) or a moved box is far more.
 */
const ALLOWED_RATIO = 0.0001;
const ALLOWED_MIN = 40;

export interface ScreenshotOptions {
  /** Regions that differ from run to run, painted over and left out of the comparison. */
  mask?: Locator[];
  /** The whole scrollable page (a printed sheet), not just the viewport. */
  fullPage?: boolean;
  /** Only this rectangle of the page. */
  clip?: { x: number; y: number; width: number; height: number };
}

interface Comparison {
  differing: number;
  allowed: number;
  problem: string | null;
  diff: PNG | null;
}

const isLocator = (target: Page | Locator): target is Locator => 'boundingBox' in target;

/** Waits until what is drawn no longer changes by itself: web fonts loaded and every image decoded. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const eager = [...document.images].filter((img) => img.loading !== 'lazy' || img.complete);
    await Promise.all(eager.map((img) => img.decode().catch(() => undefined)));
  });
}

function capture(target: Page | Locator, options: ScreenshotOptions, mask: Locator[]): Promise<Buffer> {
  const common = { animations: 'disabled', caret: 'hide', scale: 'css', mask, maskColor: MASK_COLOR } as const;
  if (isLocator(target)) return target.screenshot(common);
  return target.screenshot({ ...common, fullPage: options.fullPage ?? false, ...(options.clip ? { clip: options.clip } : {}) });
}

/**
 * Captures until two captures in a row are the same, as Playwright's own screenshot assertion does:
 * a list still filling in or a font swapping in settles first. A screen that never settles is
 * compared as it was last seen (and fails if that differs from the reference).
 */
async function stableCapture(target: Page | Locator, options: ScreenshotOptions, mask: Locator[]): Promise<Buffer> {
  let previous = await capture(target, options, mask);
  for (let tries = 0; tries < 10; tries += 1) {
    const next = await capture(target, options, mask);
    if (next.equals(previous)) return next;
    previous = next;
  }
  return previous;
}

/** Compares a masked capture with the reference: masked pixels (and their neighbours) take the reference's value. */
function compare(actualBytes: Buffer, expectedBytes: Buffer): Comparison {
  const actual = PNG.sync.read(actualBytes);
  const expected = PNG.sync.read(expectedBytes);
  const { width, height } = actual;
  const allowed = Math.max(ALLOWED_MIN, Math.round(width * height * ALLOWED_RATIO));
  if (width !== expected.width || height !== expected.height) {
    return { differing: width * height, allowed, problem: `the screen is ${width}×${height}, the reference ${expected.width}×${expected.height}`, diff: null };
  }
  const masked = new Uint8Array(width * height);
  let anyMasked = false;
  for (let i = 0; i < width * height; i += 1) {
    const o = i * 4;
    if (actual.data[o] === 255 && actual.data[o + 1] === 0 && actual.data[o + 2] === 255) {
      masked[i] = 1;
      anyMasked = true;
    }
  }
  for (let y = 0; anyMasked && y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!masked[y * width + x] && !nearMask(masked, width, height, x, y)) continue;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c += 1) actual.data[o + c] = expected.data[o + c]!;
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

/**
 * Photographs `target` (a page, or one element) and checks it against `NAME.png`. In update mode
 * the reference is rewritten (unmasked, as the README shows it) only when it no longer matches.
 */
export async function expectScreenshot(target: Page | Locator, name: string, options: ScreenshotOptions = {}): Promise<void> {
  const page = isLocator(target) ? target.page() : target;
  await settle(page);
  const mask = [...(options.mask ?? []), page.getByText(CLOCK_TIME)];
  const shot = await stableCapture(target, options, mask);
  const reference = resolve(SCREENSHOTS, `${name}.png`);
  const had = existsSync(reference);
  const result = had ? compare(shot, readFileSync(reference)) : null;
  const artifact = (kind: string) => resolve(ARTIFACTS, `${name}.${kind}.png`);
  for (const kind of ['actual', 'expected', 'diff']) rmSync(artifact(kind), { force: true });

  if (UPDATING_SCREENSHOTS) {
    if (result && result.problem === null) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(reference, await stableCapture(target, options, []));
    return;
  }
  if (!result) throw new Error(`no reference screenshot ${name}.png: look at the screen, then run \`npm run screenshots:update\``);
  if (result.problem !== null) {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(artifact('actual'), shot);
    writeFileSync(artifact('expected'), readFileSync(reference));
    if (result.diff) writeFileSync(artifact('diff'), PNG.sync.write(result.diff));
  }
  expect(result.problem, `screenshot ${name}: see tests/e2e/__artifacts__/screenshots/${name}.diff.png; if the change is meant, \`npm run screenshots:update\``).toBeNull();
}
