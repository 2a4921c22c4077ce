/**
 * The kiosk's status lookup and satisfaction rating, against a real server: a file registered at
 * the counter is looked up by typing and by a scanner burst (no name on screen), moved to
 * "returned" on the server side, rated (the rating reaches the server), then looked up offline.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { LookupPage } from './pageModels/LookupPage.ts';

const harness = useBrowserAndServer();

/** A file registered at a counter: its number and the lookup code printed on its receipt. */
async function registerFile(): Promise<{ number: string; code: string }> {
  const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' });
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
      at: new Date().toISOString(),
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

    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' });
    const kiosk = new LookupPage(await context.newPage());
    await kiosk.open(harness.server.url);
    await kiosk.startLookup();

    // The number alone is not enough: the kiosk asks for the code, and a wrong code finds nothing.
    await kiosk.typeNumber(number);
    await kiosk.page.getByTestId('lookup-need-code').waitFor();
    await kiosk.typeNumber(number, code === 'AAAAAAAA' ? 'CCCCCCCC' : 'AAAAAAAA');
    await kiosk.page.getByTestId('lookup-not-found').waitFor();
    await kiosk.typeNumber(number, code);
    expect(await kiosk.shownStatus()).toBe('Đã tiếp nhận');
    expect(await kiosk.page.getByTestId('lookup-due').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const page = (await kiosk.page.textContent('body')) ?? '';
    expect(page).not.toContain('Nguyễn Văn Thử');
    expect(page).not.toContain('00109');
    expect(await kiosk.page.getByTestId('lookup-rate').count()).toBe(0);
    await kiosk.screenshot('kiosk-lookup');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);

    await kiosk.scanReceipt(number, code);
    expect(await kiosk.shownStatus()).toBe('Đã tiếp nhận');

    await returnOnServer(number);
    await kiosk.scanReceipt(number, code);
    await kiosk.page.locator('[data-testid="lookup-result"][data-status="returned"]').waitFor();
    expect(await kiosk.status.textContent()).toBe('Đã trả kết quả');

    await kiosk.rateFromResult();
    await kiosk.page.locator('.rating-chip[data-reason="caring"]').click();
    await kiosk.screenshot('kiosk-rating');
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
    await kiosk.page.getByTestId('rating-home').click();
    await kiosk.page.getByTestId('home').waitFor();

    await context.setOffline(true);
    await kiosk.startLookup();
    await kiosk.typeNumber(number, code);
    expect(await kiosk.shownStatus()).toBe('Đã trả kết quả');
    expect(await kiosk.page.getByTestId('lookup-stale').textContent()).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);

    await kiosk.typeNumber('DEMO-D01-20200101-9999', code);
    await kiosk.page.getByTestId('lookup-unreachable').waitFor();
    await context.setOffline(false);
    await kiosk.typeNumber('DEMO-D01-20200101-9999', code);
    await kiosk.page.getByTestId('lookup-not-found').waitFor();
    await kiosk.typeNumber('12345');
    await kiosk.page.getByTestId('lookup-invalid').waitFor();
    await context.close();
  });

  it('keeps a visit rating given offline and sends it once the link is back, exactly once', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1080, height: 1920 }, timezoneId: 'Asia/Ho_Chi_Minh' });
    const kiosk = new LookupPage(await context.newPage());
    await kiosk.open(harness.server.url);
    const before = await harness.server.store.listRatings('DEMO');
    const count = before.ok ? before.value.length : 0;
    await context.setOffline(true);
    await kiosk.page.getByTestId('home-rate').click();
    await kiosk.page.getByTestId('rating').waitFor();
    await kiosk.screenshot('kiosk-rating-portrait');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.rate(2, ['longWait']);
    await context.setOffline(false);
    await kiosk.page.evaluate(() => window.dispatchEvent(new Event('online')));
    // The kiosk is not enrolled and the rating names no file: it is stored without a center.
    await expect.poll(async () => (await kiosk.page.evaluate(() => navigator.onLine)) as boolean).toBe(true);
    await expect
      .poll(
        async () => {
          const rows = await kiosk.page.evaluate(
            () =>
              new Promise<string[]>((done) => {
                const open = indexedDB.open('motcua');
                open.onsuccess = () => {
                  const all = open.result.transaction('ratings').objectStore('ratings').getAll();
                  all.onsuccess = () => done((all.result as { state: string }[]).map((r) => r.state));
                };
              }),
          );
          return rows;
        },
        { timeout: 15_000 },
      )
      .toEqual(['sent']);
    const after = await harness.server.store.listRatings('DEMO');
    expect(after.ok ? after.value.length : -1).toBe(count);
    await context.close();
  });
});
