/**
 * The screenshot comparison the e2e tests rely on: it must fail on a changed screen (a word, a moved
 * box, another size), ignore what was masked, and forgive nothing else beyond its small tolerance.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { compareScreens, judgeScreenshot, screenshotMode } from '../e2e/support/compareScreens.ts';

type Rgb = [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [20, 20, 40];
const MAGENTA: Rgb = [255, 0, 255];

/** A width × height picture, white, with filled rectangles. */
function picture(width: number, height: number, boxes: { x: number; y: number; w: number; h: number; colour: Rgb }[] = []): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i += 1) png.data.set([...WHITE, 255], i * 4);
  for (const b of boxes) {
    for (let y = b.y; y < b.y + b.h; y += 1) for (let x = b.x; x < b.x + b.w; x += 1) png.data.set([...b.colour, 255], (y * width + x) * 4);
  }
  return PNG.sync.write(png);
}

const screen = (extra: { x: number; y: number; w: number; h: number; colour: Rgb }[] = []) =>
  picture(400, 300, [{ x: 20, y: 20, w: 200, h: 14, colour: INK }, { x: 20, y: 60, w: 120, h: 40, colour: INK }, ...extra]);

describe('comparing a screenshot with its reference', () => {
  it('passes the same picture', () => {
    expect(compareScreens(screen(), screen())).toMatchObject({ differing: 0, problem: null });
  });

  it('fails a picture with a word more (a 30 × 14 px block of ink)', () => {
    const result = compareScreens(screen([{ x: 240, y: 20, w: 30, h: 14, colour: INK }]), screen());
    expect(result.differing).toBe(420);
    expect(result.problem).toBe('420 pixels differ (at most 40 may)');
  });

  it('fails a box moved by a few pixels', () => {
    const moved = picture(400, 300, [{ x: 20, y: 20, w: 200, h: 14, colour: INK }, { x: 24, y: 60, w: 120, h: 40, colour: INK }]);
    expect(compareScreens(moved, screen()).problem).toMatch(/pixels differ/);
  });

  it('fails a picture of another size, and says so', () => {
    expect(compareScreens(picture(400, 320), picture(400, 300)).problem).toBe('the screen is 400×320, the reference 400×300');
  });

  it('ignores what was masked, whatever the reference shows there', () => {
    // The reference shows a time of day; the new picture has that box painted magenta.
    const reference = screen([{ x: 300, y: 200, w: 60, h: 14, colour: INK }]);
    const masked = screen([{ x: 300, y: 200, w: 60, h: 14, colour: MAGENTA }]);
    expect(compareScreens(masked, reference)).toMatchObject({ differing: 0, problem: null });
  });

  it('still fails a change next to a mask but outside it', () => {
    const reference = screen([{ x: 300, y: 200, w: 60, h: 14, colour: INK }]);
    const masked = screen([{ x: 300, y: 200, w: 60, h: 14, colour: MAGENTA }, { x: 300, y: 230, w: 60, h: 14, colour: INK }]);
    expect(compareScreens(masked, reference).problem).toBe('840 pixels differ (at most 40 may)');
  });

  it('forgives a few stray pixels (anti-aliasing), up to 0.01% of the picture and at least 40', () => {
    expect(compareScreens(screen([{ x: 300, y: 250, w: 5, h: 8, colour: INK }]), screen()).problem).toBeNull();
    expect(compareScreens(screen([{ x: 300, y: 250, w: 7, h: 7, colour: INK }]), screen()).problem).toBe('49 pixels differ (at most 40 may)');
  });
});

describe('what the screenshot step does with a capture', () => {
  const changed = compareScreens(screen([{ x: 240, y: 20, w: 30, h: 14, colour: INK }]), screen());
  const same = compareScreens(screen(), screen());

  it('fails a missing reference when comparing, instead of writing it', () => {
    expect(judgeScreenshot('kiosk-home', null, 'compare')).toEqual({
      action: 'fail',
      message: 'no reference screenshot kiosk-home.png: look at the screen, then run `npm run screenshots:update` and commit the picture',
    });
  });

  it('fails a changed picture, naming the diff image', () => {
    expect(judgeScreenshot('kiosk-home', changed, 'compare')).toEqual({
      action: 'fail',
      message: 'screenshot kiosk-home: 420 pixels differ (at most 40 may); see tests/e2e/__artifacts__/screenshots/kiosk-home.diff.png; if the change is meant, `npm run screenshots:update`',
    });
  });

  it('passes a matching picture in either mode, so an update leaves unchanged references alone', () => {
    expect(judgeScreenshot('kiosk-home', same, 'compare')).toEqual({ action: 'pass' });
    expect(judgeScreenshot('kiosk-home', same, 'update')).toEqual({ action: 'pass' });
  });

  it('writes missing and changed references only when updating', () => {
    expect(judgeScreenshot('kiosk-home', null, 'update')).toEqual({ action: 'write' });
    expect(judgeScreenshot('kiosk-home', changed, 'update')).toEqual({ action: 'write' });
  });

  it('updates only when asked, and never under CI', () => {
    expect(screenshotMode({})).toBe('compare');
    expect(screenshotMode({ MOTCUA_SCREENSHOTS: 'update' })).toBe('update');
    expect(screenshotMode({ MOTCUA_SCREENSHOTS: 'update', CI: 'false' })).toBe('update');
    expect(screenshotMode({ MOTCUA_SCREENSHOTS: 'update', CI: 'true' })).toBe('compare');
    expect(screenshotMode({ MOTCUA_SCREENSHOTS: 'update', CI: '1' })).toBe('compare');
    expect(screenshotMode({ MOTCUA_SCREENSHOTS: 'yes' })).toBe('compare');
  });
});
