/**
 * The kiosk's status lookup and satisfaction rating, against a real server: a file registered at
 * the counter is looked up by typing and by a scanner burst (no name on screen), moved to
 * "returned" on the server side, rated (the rating reaches the server), then looked up offline.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { LookupPage } from './pageModels/LookupPage.ts';
import { testNow } from './support/testClock.ts';

const harness = useBrowserAndServer();

/** A file registered at a counter: its number and the lookup code printed on its receipt. */
async function registerFile(): Promise<{ number: string; code: string }> {
  const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
  const counter = await CounterPage.enrolled(context, harness.server.url);
  const number = await counter.registerWalkIn({ cardQr: testCardQr(42) });
  const code = counter.lastLookupCode;
  await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);
  await context.close();
  return { number, code };
}

/** Another office moves the file on the server: received → processing → done → returned. */
async function returnOnServer(number: string) {
  const listed = await harness.server.store.listFiles('DEMO', { number, limit: 1 });
  const file = listed.ok ? listed.value.files[0] : undefined;
  if (!file) throw new Error(`file ${number} is not on the server`);
  for (const status of ['processing', 'done', 'returned'] as const) {
    const changed = await harness.server.store.changeStatus({
      centerCode: 'DEMO',
      fileId: file.id,
      from: null,
      status,
      note: null,
      at: testNow().toISOString(),
      by: null,
      location: null,
      deviceId: file.deviceId,
    });
    if (!changed.ok) throw new Error(changed.error.reason);
  }
}

describe('the kiosk status lookup', () => {
  it('shows a file by its number, offers the rating once returned, and answers offline from what it knew', async () => {
    const { number, code } = await registerFile();
    expect(code).toMatch(/^[23456789ACEHKMNPRTXY]{8}$/);

    const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
    const kiosk = new LookupPage(await context.newPage());
    await kiosk.open(harness.server.url);
    await kiosk.startLookup();

    // The number alone is not enough: the kiosk asks for the code, and a wrong code finds nothing.
    await kiosk.typeNumber(number);
    await kiosk.waitForAnswer('need-code');
    await kiosk.typeNumber(number, code === 'AAAAAAAA' ? 'CCCCCCCC' : 'AAAAAAAA');
    await kiosk.waitForAnswer('not-found');
    await kiosk.typeNumber(number, code);
    expect(await kiosk.shownStatus()).toBe('Đã tiếp nhận');
    expect(await kiosk.dueShown()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const screen = await kiosk.screenText();
    expect(screen).not.toContain('Nguyễn Văn Thử');
    expect(screen).not.toContain('00109');
    expect(await kiosk.offersRating()).toBe(false);
    await kiosk.expectScreenshot('kiosk-lookup');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);

    await kiosk.scanReceipt(number, code);
    expect(await kiosk.shownStatus()).toBe('Đã tiếp nhận');

    await returnOnServer(number);
    await kiosk.scanReceipt(number, code);
    await kiosk.waitForStatus('returned');
    expect(await kiosk.shownStatus()).toBe('Đã trả kết quả');

    await kiosk.rateFromResult();
    await kiosk.chooseReason('caring');
    await kiosk.expectScreenshot('kiosk-rating');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);
    await kiosk.rate(4, ['fast']);
    await expect
      .poll(async () => {
        const ratings = await harness.server.store.listRatings('DEMO');
        return ratings.ok ? ratings.value.map((r) => ({ fileNumber: r.fileNumber, score: r.score, reasons: r.reasons })) : [];
      }, { timeout: 15_000 })
      .toEqual([{ fileNumber: number, score: 4, reasons: ['caring', 'fast'] }]);
    // Sent anonymously with the receipt's code, it counts for the file.
    const rated = await harness.server.store.listRatings('DEMO');
    expect(rated.ok && rated.value.map((r) => r.counted)).toEqual([true]);
    await kiosk.homeAfterRating();

    await context.setOffline(true);
    await kiosk.startLookup();
    await kiosk.typeNumber(number, code);
    expect(await kiosk.shownStatus()).toBe('Đã trả kết quả');
    expect(await kiosk.staleNote()).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);

    await kiosk.typeNumber('DEMO-D01-20200101-9999', code);
    await kiosk.waitForAnswer('unreachable');
    await context.setOffline(false);
    await kiosk.typeNumber('DEMO-D01-20200101-9999', code);
    await kiosk.waitForAnswer('not-found');
    await kiosk.typeNumber('12345');
    await kiosk.waitForAnswer('invalid');
    await context.close();
  });

  it('keeps a visit rating given offline and sends it once the link is back, exactly once', async () => {
    const context = await harness.newContext({ viewport: { width: 1080, height: 1920 } });
    const kiosk = new LookupPage(await context.newPage());
    await kiosk.open(harness.server.url);
    const before = await harness.server.store.listRatings('DEMO');
    const count = before.ok ? before.value.length : 0;
    // Unplugged once installed for offline, as a kiosk is: the rating screen's code then comes from the precache.
    await kiosk.waitForOfflineShell();
    await context.setOffline(true);
    await kiosk.rateFromHome();
    await kiosk.expectScreenshot('kiosk-rating-portrait');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.rate(2, ['longWait']);
    await context.setOffline(false);
    await kiosk.announceOnline();
    // The kiosk is not enrolled and the rating names no file: it is stored without a center.
    await expect.poll(() => kiosk.isOnline()).toBe(true);
    await expect.poll(() => kiosk.ratingStatesOnDevice(), { timeout: 15_000 }).toEqual(['sent']);
    const after = await harness.server.store.listRatings('DEMO');
    expect(after.ok ? after.value.length : -1).toBe(count);
    await context.close();
  });
});
