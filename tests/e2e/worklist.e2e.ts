/**
 * The life of a file at the counter: registered, then moved through processing, a request for
 * supplements (with a reason), done and returned, offline; after sync the server has the same state.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';

const harness = useBrowserAndServer();

async function serverStatus(number: string) {
  const listed = await harness.server.store.listFiles('DEMO', { number, limit: 1 });
  return listed.ok ? listed.value.files[0]?.status : undefined;
}

describe('the worklist', () => {
  it('moves a file through its states offline, refuses a move without a reason, and syncs the result', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    const number = await counter.registerWalkIn({ cardQr: testCardQr(77) });
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);
    expect(await serverStatus(number)).toBe('received');

    await context.setOffline(true);
    await counter.page.getByTestId('nav-worklist').click();
    const row = counter.page.locator(`.work-row[data-number="${number}"]`);
    await row.waitFor();
    const move = async (to: string) => {
      await row.locator(`[data-to="${to}"]`).click();
      await counter.page.locator(`.work-row[data-number="${number}"][data-status="${to}"]`).waitFor();
    };
    await move('processing');
    await row.locator('[data-to="needs_supplement"]').click();
    await counter.page.getByTestId('status-confirm').click();
    await expect.poll(() => counter.page.getByTestId('worklist-message').textContent()).toContain('Cần ghi lý do');
    await row.locator('[data-to="needs_supplement"]').click();
    await counter.page.getByTestId('status-note').fill('Thiếu bản sao giấy chứng sinh');
    await counter.page.getByTestId('status-confirm').click();
    await counter.page.locator(`.work-row[data-number="${number}"][data-status="needs_supplement"]`).waitFor();
    await move('processing');
    await move('done');
    await counter.screenshot('counter-worklist');
    await counter.page.locator('[data-filter="all"]').click();
    await move('returned');
    expect(await counter.pendingCount()).toBe(5);

    await context.setOffline(false);
    await counter.page.getByTestId('sync-now').click();
    await expect.poll(() => counter.pendingCount(), { timeout: 30_000 }).toBe(0);
    expect(await serverStatus(number)).toBe('returned');
    await context.close();
  });
});
