/**
 * Screens compared with their committed references in tests/e2e/__screenshots__/ (what the README
 * shows and reviewers look at). A regular run compares and never writes into the repository; a
 * mismatch fails the test and leaves NAME.actual.png, NAME.expected.png and NAME.diff.png in
 * tests/e2e/__artifacts__/screenshots/ (ignored by git). `npm run screenshots:update` rewrites the
 * references that no longer match and creates missing ones; unchanged ones are left byte for byte.
 *
 * Rendering is made repeatable: fonts and images loaded, animations and the caret off, one clock for
 * the whole suite (testClock.ts), so dates are the same on every run. Times of day are not: the clock
 * runs on from 08:30, so any 08:xx or 09:xx on a screen says how long the run took. While a picture
 * is taken they read 08:30 (the text is put back right after): masking them would not do, because
 * the digits of this font have different widths and whatever follows a time on its line would move.
 * What else differs between runs (the receipt's random lookup code and the QR codes that carry it,
 * dates stamped by the server's own clock, the test server's port) is masked by the page models:
 * Playwright paints masked boxes magenta, and the comparison (compareScreens.ts) ignores magenta
 * pixels and the pixel around them; the rest must match within a small tolerance.
 *
 * References come from whole e2e files: a device's code (D01, D02...) counts the devices enrolled
 * before it in the same file, so a run of one test alone (`-t`) shows other numbers.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { compareScreens, judgeScreenshot, screenshotMode } from './compareScreens.ts';

export const SCREENSHOTS = resolve(import.meta.dirname, '../__screenshots__');
const ARTIFACTS = resolve(import.meta.dirname, '../__artifacts__/screenshots');

/** Compare with the references, or rewrite them (`npm run screenshots:update`, refused under CI). */
const SCREENSHOT_MODE = screenshotMode(process.env);

const MASK_COLOR = '#ff00ff';
/**
 * A time of day from the suite's clock (it starts at 08:30, and a file runs well under an hour and a
 * half), with or without seconds. Due times (17:00) and the times tests type stay as they are.
 */
const CLOCK_TIME = '\\b0[89]:[0-5]\\d(?::[0-5]\\d)?\\b';

export interface ScreenshotOptions {
  /** Regions that differ from run to run, painted over and left out of the comparison. */
  mask?: Locator[];
  /** The whole scrollable page (a printed sheet), not just the viewport. */
  fullPage?: boolean;
  /** Only this rectangle of the page. */
  clip?: { x: number; y: number; width: number; height: number };
}

const isLocator = (target: Page | Locator): target is Locator => 'boundingBox' in target;

/** Waits until what is drawn no longer changes by itself: web fonts loaded and every image decoded. */
async function settle(page: Page): Promise<void> {
  // The home's tiles that need a search stay until a quiet moment tells whether this catalog answers them (HomePanel.tsx).
  await page.locator('.tile-grid[data-checked="false"]').waitFor({ state: 'detached' });
  await page.evaluate(async () => {
    await document.fonts.ready;
    const eager = [...document.images].filter((img) => img.loading !== 'lazy' || img.complete);
    await Promise.all(eager.map((img) => img.decode().catch(() => undefined)));
  });
}

/** Every clock time in the page's text reads 08:30 (08:30:00 with seconds) until `restoreClockTimes`. */
async function fixClockTimes(page: Page): Promise<void> {
  await page.evaluate((source) => {
    const pattern = new RegExp(source, 'g');
    const changed: { node: Text; original: string; fixed: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const original = node.nodeValue ?? '';
      const fixed = original.replace(pattern, (time) => (time.length > 5 ? '08:30:00' : '08:30'));
      if (fixed === original) continue;
      node.nodeValue = fixed;
      changed.push({ node, original, fixed });
    }
    (window as unknown as { __clockTimes: typeof changed }).__clockTimes = changed;
  }, CLOCK_TIME);
}

/** Puts the real times back (unless the app has rewritten the text meanwhile). */
async function restoreClockTimes(page: Page): Promise<void> {
  await page
    .evaluate(() => {
      const holder = window as unknown as { __clockTimes?: { node: Text; original: string; fixed: string }[] };
      for (const { node, original, fixed } of holder.__clockTimes ?? []) if (node.nodeValue === fixed) node.nodeValue = original;
      delete holder.__clockTimes;
    })
    .catch(() => undefined);
}

async function capture(target: Page | Locator, options: ScreenshotOptions, mask: Locator[]): Promise<Buffer> {
  const page = isLocator(target) ? target.page() : target;
  const common = { animations: 'disabled', caret: 'hide', scale: 'css', mask, maskColor: MASK_COLOR } as const;
  await fixClockTimes(page);
  try {
    if (isLocator(target)) return await target.screenshot(common);
    return await target.screenshot({ ...common, fullPage: options.fullPage ?? false, ...(options.clip ? { clip: options.clip } : {}) });
  } finally {
    await restoreClockTimes(page);
  }
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

/**
 * Photographs `target` (a page, or one element) and checks it against `NAME.png`. In update mode
 * the reference is rewritten (unmasked, as the README shows it) only when it is missing or no longer
 * matches; otherwise (and always under CI) a missing reference fails like a changed picture.
 */
export async function expectScreenshot(target: Page | Locator, name: string, options: ScreenshotOptions = {}): Promise<void> {
  const page = isLocator(target) ? target.page() : target;
  await settle(page);
  const shot = await stableCapture(target, options, options.mask ?? []);
  const reference = resolve(SCREENSHOTS, `${name}.png`);
  const comparison = existsSync(reference) ? compareScreens(shot, readFileSync(reference)) : null;
  const artifact = (kind: string) => resolve(ARTIFACTS, `${name}.${kind}.png`);
  for (const kind of ['actual', 'expected', 'diff']) rmSync(artifact(kind), { force: true });

  const verdict = judgeScreenshot(name, comparison, SCREENSHOT_MODE);
  if (verdict.action === 'pass') return;
  if (verdict.action === 'write') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(reference, await stableCapture(target, options, []));
    return;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(artifact('actual'), shot);
  if (comparison) writeFileSync(artifact('expected'), readFileSync(reference));
  if (comparison?.diff) writeFileSync(artifact('diff'), PNG.sync.write(comparison.diff));
  throw new Error(verdict.message);
}
