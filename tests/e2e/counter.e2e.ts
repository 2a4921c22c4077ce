/**
 * The counter end to end in Chromium against the real server (SQLite) on loopback: enrol, sign
 * in, register walk-in files by scanning the căn cước card, keep working offline through a
 * restart, and watch the outbox drain to exactly the files saved.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { KioskPage, SCREENSHOTS } from './pageModels/KioskPage.ts';

const harness = useBrowserAndServer();

async function serverFileCount(): Promise<number> {
  const counted = await harness.server.store.countFiles('DEMO');
  if (!counted.ok) throw new Error(JSON.stringify(counted.error));
  return counted.value;
}

async function enrolledCounter(): Promise<{ context: BrowserContext; counter: CounterPage }> {
  const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const counter = await CounterPage.enrolled(context, harness.server.url);
  return { context, counter };
}

describe('the counter', () => {
  it('registers a walk-in file from a scanned card and sends it', async () => {
    const before = await serverFileCount();
    const { context, counter } = await enrolledCounter();
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCard(testCardQr(1), 'address');
    await counter.page.getByTestId('register-notice').waitFor();
    expect(await counter.page.getByTestId('full-name').inputValue()).toBe('Nguyễn Văn Thử 1');
    expect(await counter.page.getByTestId('id-number').inputValue()).toBe('001090000001');
    expect(await counter.page.getByTestId('birth-date').inputValue()).toBe('1990-05-04');
    // The burst went into the address field first; it must not be left there.
    expect(await counter.page.getByTestId('address').inputValue()).toBe('Thôn 1, xã Vĩnh Bảo, Hải Phòng');
    await counter.tickAllDocuments();
    await counter.page.getByTestId('phone').fill('0912345678');
    await counter.screenshot('counter-register-form');
    const number = await counter.save();
    expect(number).toMatch(/^DEMO-D\d{2}-\d{8}-0001$/);
    // The slip tells the true due date (demo catalog: 1 working day for birth registration).
    await expect.poll(() => counter.page.getByTestId('receipt-due').textContent()).toMatch(/Thời gian trả kết quả giải quyết hồ sơ: Thứ|Chủ nhật/);
    await counter.page.locator('[data-testid="receipt"] img').waitFor();
    await counter.screenshot('counter-saved');
    // A tall window so the whole slip is on screen (the counter's header would cover a scrolled one).
    await counter.page.setViewportSize({ width: 1366, height: 1600 });
    await counter.page.locator('[data-testid="receipt"]').screenshot({ path: `${SCREENSHOTS}/receipt-a5.png` });
    await counter.page.locator('[data-paper="roll80"]').click();
    await counter.page.locator('[data-testid="receipt"]').screenshot({ path: `${SCREENSHOTS}/receipt-roll80.png` });
    await counter.page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);
    expect(await serverFileCount()).toBe(before + 1);
    await counter.page.getByTestId('nav-outbox').click();
    await counter.page.locator(`tr[data-number="${number}"][data-state="sent"]`).waitFor();
    await counter.screenshot('counter-status-online');
    await context.close();
  });

  it('shows translated messages next to wrong fields and refuses a partial card scan', async () => {
    const { context, counter } = await enrolledCounter();
    await counter.page.getByTestId('save-file').click();
    await counter.page.locator('[data-error-for="procedure"]').waitFor();
    expect(await counter.page.locator('[data-error-for="idNumber"]').textContent()).toContain('12 chữ số');
    await counter.page.getByTestId('full-name').fill('Trần Văn Bình');
    await counter.scanCard('001090000009||Lê Văn|04051990', 'phone');
    await expect.poll(() => counter.page.getByTestId('register-notice').textContent()).toContain('chưa đủ');
    expect(await counter.page.getByTestId('full-name').inputValue()).toBe('Trần Văn Bình');
    expect(await counter.page.getByTestId('phone').inputValue()).toBe('');
    expect(await counter.page.getByTestId('id-number').inputValue()).toBe('');
    await counter.screenshot('counter-validation');

    // The admin adds a colleague, who then signs in with their own PIN and sees no admin screen.
    await counter.page.getByTestId('nav-staff').click();
    await counter.page.getByTestId('new-staff-name').fill('Phạm Văn Minh');
    await counter.tapPin('1357');
    await counter.page.getByTestId('add-staff').click();
    await counter.page.getByText('Đã thêm Phạm Văn Minh.').waitFor();
    await counter.page.getByTestId('sign-out').click();
    await counter.page.getByRole('button', { name: 'Phạm Văn Minh' }).click();
    await counter.tapPin('0000');
    await counter.page.getByTestId('sign-in-button').click();
    await counter.page.getByText('Mã PIN không đúng.').waitFor();
    await counter.tapPin('1357');
    await counter.page.getByTestId('sign-in-button').click();
    await counter.page.getByTestId('register-form').waitFor();
    expect(await counter.page.getByTestId('nav-staff').count()).toBe(0);
    await context.close();
  });

  it('registers 50 files offline, keeps them through a restart, and drains them exactly once', async () => {
    const before = await serverFileCount();
    const { context, counter } = await enrolledCounter();
    await new KioskPage(counter.page).waitForOfflineShell();
    await context.setOffline(true);
    await expect.poll(() => counter.link()).toBe('offline');
    const numbers: string[] = [];
    for (let i = 0; i < 50; i += 1) numbers.push(await counter.registerWalkIn({ cardQr: testCardQr(100 + i) }));
    expect(new Set(numbers).size).toBe(50);
    await expect.poll(() => counter.pendingCount()).toBe(50);
    await counter.screenshot('counter-status-offline');
    await counter.page.getByTestId('nav-outbox').click();
    await counter.page.locator('tr[data-state="pending"]').first().waitFor();
    await counter.screenshot('counter-outbox-offline');

    // The PC restarts while still offline: the files are still there, still waiting.
    await counter.page.close();
    const restarted = new CounterPage(await context.newPage());
    await restarted.open(harness.server.url);
    await restarted.signIn('Nguyễn Thị Lan', '2468');
    expect(await restarted.pendingCount()).toBe(50);
    expect(await serverFileCount()).toBe(before);

    await context.setOffline(false);
    await expect.poll(() => restarted.pendingCount(), { timeout: 60_000 }).toBe(0);
    expect(await serverFileCount()).toBe(before + 50);
    const duplicates = await harness.server.store.findDuplicateFiles('DEMO');
    expect(duplicates.ok && duplicates.value).toEqual([]);
    await context.close();
  }, 240_000);

  it('marks a slow link and keeps working locally', async () => {
    const { context, counter } = await enrolledCounter();
    await context.route('**/api/sync/**', async (route) => {
      await new Promise((r) => setTimeout(r, 4_000));
      await route.continue().catch(() => undefined);
    });
    await counter.registerWalkIn({ cardQr: testCardQr(900) });
    await expect.poll(() => counter.link(), { timeout: 15_000 }).toBe('slow');
    await counter.screenshot('counter-status-slow');
    // Saving never waits for the link.
    await counter.registerWalkIn({ cardQr: testCardQr(901) });
    await context.unroute('**/api/sync/**');
    await counter.page.getByTestId('sync-now').click();
    await expect.poll(() => counter.pendingCount(), { timeout: 30_000 }).toBe(0);
    await context.close();
  }, 120_000);
});
