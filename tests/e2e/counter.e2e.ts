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
    expect(await counter.page.getByTestId('birth-date').inputValue()).toBe('04/05/1990');
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
    expect(await counter.errorFor('idNumber')).toContain('12 chữ số');
    // The first wrong field (the procedure) has the focus.
    expect(await counter.focusedTestId()).toBe('procedure-search');
    await counter.page.getByTestId('full-name').fill('Trần Văn Bình');
    await counter.scanCard('001090000009||Lê Văn|04051990', 'phone');
    await expect.poll(() => counter.page.getByTestId('register-notice').textContent()).toContain('chưa đủ');
    expect(await counter.page.getByTestId('full-name').inputValue()).toBe('Trần Văn Bình');
    expect(await counter.page.getByTestId('phone').inputValue()).toBe('');
    expect(await counter.page.getByTestId('id-number').inputValue()).toBe('');
    // The admin adds a colleague, who then signs in with their own PIN and sees no admin screen.
    await counter.page.getByTestId('nav-staff').click();
    await counter.page.getByTestId('new-staff-name').fill('Phạm Văn Minh');
    await counter.tapPin('1357');
    await counter.page.getByTestId('add-staff').click();
    await counter.page.getByText('Đã thêm Phạm Văn Minh.').waitFor();
    await counter.page.getByTestId('sign-out').click();
    await counter.chooseStaff('Phạm Văn Minh');
    await counter.tapPin('0000');
    await counter.page.getByTestId('sign-in-button').click();
    await counter.page.getByText('Mã PIN không đúng.').waitFor();
    await counter.tapPin('1357');
    await counter.page.getByTestId('sign-in-button').click();
    await counter.page.getByTestId('register-form').waitFor();
    expect(await counter.page.getByTestId('nav-staff').count()).toBe(0);
    await context.close();
  });

  it('refuses nonsense citizen values in red, focuses the first one, and clears each message once it is fixed', async () => {
    const { context, counter } = await enrolledCounter();
    const page = counter.page;
    await counter.pickProcedure('khai sinh', '1.001193');
    await page.getByTestId('id-number').fill('000000000000');
    await page.getByTestId('full-name').fill('\u0001\u0002\u0003');
    await page.getByTestId('birth-date').fill('99/99/2025');
    await page.getByTestId('save-file').click();
    await page.locator('[data-error-for="fullName"]').waitFor();
    expect(await counter.errorFor('idNumber')).toContain('mã tỉnh');
    expect(await counter.errorFor('fullName')).toContain('ký tự điều khiển');
    expect(await counter.errorFor('birthDate')).toContain('không có trên lịch');
    expect(await page.getByTestId('register-notice').textContent()).toContain('Số căn cước (12 số), Họ và tên, Ngày sinh');
    // The ID field comes first on the screen: it is focused and in view.
    expect(await counter.focusedTestId()).toBe('id-number');
    // Red, not the grey of a label (a `.field > span` rule used to win over `.field-error`).
    const colours = await page.evaluate(() => {
      const style = (selector: string, prop: 'color' | 'borderColor') => getComputedStyle(document.querySelector(selector)!)[prop];
      return { message: style('[data-error-for="fullName"]', 'color'), border: style('[data-testid="full-name"]', 'borderColor'), label: style('.field.invalid > span', 'color') };
    });
    expect(colours).toEqual({ message: 'rgb(179, 38, 30)', border: 'rgb(179, 38, 30)', label: 'rgb(179, 38, 30)' });
    await page.getByTestId('birth-date').fill('01/01/2999');
    await expect.poll(() => counter.errorFor('birthDate')).toContain('sau hôm nay');
    await counter.screenshot('counter-validation');

    // Fixed fields lose their message at once; an oversize name names its limit next to it.
    await page.getByTestId('full-name').fill('Ă'.repeat(150));
    await expect.poll(() => counter.errorFor('fullName')).toContain('tối đa 100 ký tự');
    await page.getByTestId('full-name').fill('Nguyễn Văn Thử');
    await expect.poll(() => counter.errorFor('fullName')).toBeNull();
    await page.getByTestId('birth-date').fill('04051990');
    expect(await page.getByTestId('birth-date').inputValue()).toBe('04/05/1990');
    await expect.poll(() => counter.errorFor('birthDate')).toBeNull();
    await page.getByTestId('id-number').fill('001090000123');
    await expect.poll(() => counter.errorFor('idNumber')).toBeNull();
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await context.close();
  });

  it('fills the form from a căn cước QR pasted or dropped into any field, and keeps all 12 digits of a pasted ID', async () => {
    const { context, counter } = await enrolledCounter();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.server.url).origin });
    const page = counter.page;
    await counter.paste('id-number', '001 090 000 321');
    expect(await page.getByTestId('id-number').inputValue()).toBe('001090000321');
    await page.getByTestId('phone').fill('0912');
    await counter.paste('phone', testCardQr(2));
    await expect.poll(() => page.getByTestId('full-name').inputValue()).toBe('Nguyễn Văn Thử 2');
    expect(await page.getByTestId('id-number').inputValue()).toBe('001090000002');
    expect(await page.getByTestId('birth-date').inputValue()).toBe('04/05/1990');
    expect(await page.getByTestId('phone').inputValue()).toBe('0912');
    expect(await page.getByTestId('register-notice').textContent()).toContain('Nguyễn Văn Thử 2');
    // The same payload arriving in one piece as typed text (an on-screen keyboard, a helper app), without Enter.
    await page.getByTestId('address').fill('');
    await page.getByTestId('address').focus();
    await page.keyboard.insertText(testCardQr(3));
    await expect.poll(() => page.getByTestId('full-name').inputValue()).toBe('Nguyễn Văn Thử 3');
    expect(await page.getByTestId('address').inputValue()).toBe('Thôn 3, xã Vĩnh Bảo, Hải Phòng');
    // A pasted card that is cut off fills nothing and says why.
    await counter.paste('full-name', '001090000009||Lê Văn|04051990');
    await expect.poll(() => page.getByTestId('register-notice').textContent()).toContain('chưa đủ');
    expect(await page.getByTestId('full-name').inputValue()).toBe('Nguyễn Văn Thử 3');
    await context.close();
  });

  it('asks for the due date in dd/mm/yyyy on an English PC when the procedure has no time, and saves it flagged', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', timezoneId: 'America/New_York' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    const page = counter.page;
    await counter.pickProcedure('cải chính hộ tịch', '1.004859');
    await page.getByTestId('due-entry').waitFor();
    expect(await page.getByTestId('due-computed').count()).toBe(0);
    await counter.scanCard(testCardQr(4));
    await page.getByTestId('register-notice').waitFor();
    await counter.tickAllDocuments();
    await page.getByTestId('save-file').click();
    await expect.poll(() => counter.errorFor('dueDate')).toContain('Chọn ngày hẹn trả');
    expect(await counter.focusedTestId()).toBe('due-date');
    // The reception day and rest days cannot be tapped.
    const { today, wednesday, saturday } = await page.evaluate(() => {
      // Vietnam dates: the first Wednesday and Saturday at least 8 days ahead, away from any Tết break.
      const vn = Date.now() + 7 * 3_600_000;
      const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const next = (weekday: number) => {
        let ms = vn + 8 * 86_400_000;
        while (new Date(ms).getUTCDay() !== weekday) ms += 86_400_000;
        return iso(ms);
      };
      return { today: iso(vn), wednesday: next(3), saturday: next(6) };
    });
    expect(await page.locator(`[data-testid="due-date-grid"] [data-date="${today}"]`).isDisabled()).toBe(true);
    expect(await (await counter.dueDay(saturday)).isDisabled()).toBe(true);
    await counter.pickDueDate(wednesday);
    const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
    expect(await page.getByTestId('due-date').inputValue()).toBe(ddmmyyyy(wednesday));
    await expect.poll(() => counter.errorFor('dueDate')).toBeNull();
    await counter.screenshot('counter-due-date');
    // Typed by hand (digits only, the slashes come by themselves), a Saturday is refused with the reason.
    await page.getByTestId('due-date').fill('');
    await page.keyboard.type(ddmmyyyy(saturday).replaceAll('/', ''));
    expect(await page.getByTestId('due-date').inputValue()).toBe(ddmmyyyy(saturday));
    await expect.poll(() => counter.errorFor('dueDate')).toContain('ngày nghỉ');
    await counter.pickDueDate(wednesday);
    const number = await counter.save();
    await expect.poll(() => page.getByTestId('receipt-due').textContent()).toContain(ddmmyyyy(wednesday));
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);
    const onServer = await harness.server.store.findFile('DEMO', await counter.fileIdOf(number));
    // Due at the close of that day (17:00 in Vietnam), marked as chosen by staff.
    expect(onServer.ok && onServer.value).toMatchObject({ dueAt: `${wednesday}T10:00:00.000Z`, dueAtSetByStaff: true });
    await context.close();
  });

  it('counts only required documents as missing and asks before saving with none ticked', async () => {
    const { context, counter } = await enrolledCounter();
    const page = counter.page;
    await counter.pickProcedure('khai sinh', '1.001193');
    expect(await page.locator('[data-testid="checklist-required"] li').count()).toBe(3);
    expect(await page.locator('[data-testid="checklist-conditional"] li').count()).toBe(4);
    expect(await page.getByTestId('missing-count').textContent()).toBe('còn thiếu 3');
    await counter.scanCard(testCardQr(5));
    await page.getByTestId('register-notice').waitFor();
    await page.getByTestId('save-file').click();
    await page.getByTestId('confirm-no-documents').waitFor();
    await counter.screenshot('counter-confirm-no-documents');
    await page.getByTestId('confirm-no-documents-back').click();
    await page.getByTestId('confirm-no-documents').waitFor({ state: 'detached' });
    const required = page.locator('[data-testid="checklist-required"] input[type="checkbox"]');
    for (let i = 0; i < 3; i += 1) await required.nth(i).check();
    expect(await page.getByTestId('missing-count').textContent()).toBe('đủ giấy tờ');
    const number = await counter.save();
    expect(number).toMatch(/^DEMO-/);
    await page.getByTestId('register-next').click();
    // Confirming keeps the choice with staff: a file may be saved with nothing handed in.
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCard(testCardQr(6));
    await page.getByTestId('register-notice').waitFor();
    expect(await counter.saveWithoutDocuments()).toMatch(/^DEMO-/);
    await context.close();
  });

  it('fits a 1080x1920 portrait counter, header included', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCard(testCardQr(7));
    await counter.page.getByTestId('register-notice').waitFor();
    const fit = await counter.page.evaluate(() => {
      const right = (el: Element) => el.getBoundingClientRect().right;
      return {
        pageWidth: document.documentElement.scrollWidth,
        counterWidth: document.querySelector('[data-testid="counter"]')!.scrollWidth,
        widestHeaderItem: Math.max(...[...document.querySelectorAll('.counter-header button, .counter-header h1')].map(right)),
      };
    });
    expect(fit.pageWidth).toBeLessThanOrEqual(1080);
    expect(fit.counterWidth).toBeLessThanOrEqual(1080);
    expect(fit.widestHeaderItem).toBeLessThanOrEqual(1080);
    await counter.screenshot('counter-portrait');
    await context.close();
  });

  it('keeps staff apart by name, locks a PIN after five wrong tries across a reload, and lets an admin reset and disable', async () => {
    const { context, counter } = await enrolledCounter();
    const page = counter.page;
    await page.getByTestId('nav-staff').click();
    const addClerk = async (name: string, detail: string, pin: string) => {
      await page.getByTestId('new-staff-name').fill(name);
      await page.getByTestId('new-staff-detail').fill(detail);
      await counter.typePin(pin); // the keyboard's number keys work on the PIN pad, Enter submits
    };
    await addClerk('Phạm Văn Minh', '', '1357');
    await expect.poll(() => page.getByTestId('add-staff-message').textContent()).toBe('Đã thêm Phạm Văn Minh.');
    await addClerk('pham van minh', '', '2468');
    await expect.poll(() => page.getByTestId('add-staff-message').textContent()).toContain('Đã có cán bộ tên này');
    await addClerk('Phạm Văn Minh', 'sinh 1990', '2468');
    await expect.poll(() => page.getByTestId('add-staff-message').textContent()).toBe('Đã thêm Phạm Văn Minh (sinh 1990).');

    await page.getByTestId('sign-out').click();
    await counter.chooseStaff('Phạm Văn Minh (sinh 1990)');
    for (const left of [4, 3, 2, 1]) {
      await counter.typePin('0000');
      await expect.poll(() => page.getByTestId('sign-in-problem').textContent()).toContain(`Còn ${left} lần thử`);
    }
    await counter.typePin('0000');
    await expect.poll(() => page.getByTestId('sign-in-problem').textContent()).toContain('tạm khóa');
    // A reload does not lift the lock, and the right PIN is refused while it lasts.
    await page.reload();
    await counter.chooseStaff('Phạm Văn Minh (sinh 1990)');
    await counter.typePin('2468');
    await expect.poll(() => page.getByTestId('sign-in-problem').textContent()).toContain('tạm khóa');
    await counter.screenshot('counter-sign-in-locked');

    // The admin resets the PIN (lifting the lock) and disables the other Minh.
    await counter.signIn('Nguyễn Thị Lan', '2468');
    await page.getByTestId('nav-staff').click();
    await counter.staffRow('Phạm Văn Minh (sinh 1990)').locator('[data-action="reset-pin"]').click();
    await counter.tapPin('8642');
    await page.getByTestId('save-new-pin').click();
    await expect.poll(() => page.getByTestId('staff-list-message').textContent()).toContain('Đã đặt PIN mới');
    await counter.staffRow('Phạm Văn Minh').locator('[data-action="toggle"]').click();
    await expect.poll(() => counter.staffRow('Phạm Văn Minh').getAttribute('data-active')).toBe('false');
    await counter.staffRow('Nguyễn Thị Lan').locator('[data-action="toggle"]').click();
    await expect.poll(() => page.getByTestId('staff-list-message').textContent()).toContain('Không thể tự tắt');
    await counter.screenshot('counter-staff-admin');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    // Whoever signs in next starts at the registration form, not on the screen the last person left.
    expect(await counter.address()).toBe('#/counter/register');
    expect(await page.locator('.staff-tile[data-staff="Phạm Văn Minh"]').count()).toBe(0);
    await counter.signIn('Phạm Văn Minh (sinh 1990)', '8642');
    expect(await page.getByTestId('nav-staff').count()).toBe(0);
    await context.close();
  });

  it('signs out after the idle time with a warning first, and gives the same person back the half-typed file', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const counter = await CounterPage.enrolled(context, harness.server.url, undefined, '?counterIdle=6');
    const page = counter.page;
    await page.getByTestId('idle-sign-out-warning').waitFor({ timeout: 10_000 });
    await counter.screenshot('counter-idle-warning');
    await page.getByTestId('idle-stay').click();
    await page.getByTestId('idle-sign-out-warning').waitFor({ state: 'detached' });
    expect(await page.getByTestId('register-form').isVisible()).toBe(true);
    await page.getByTestId('full-name').fill('Lò Thị Mai');
    await page.getByTestId('sign-in').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('full-name').count()).toBe(0);
    await counter.signIn('Nguyễn Thị Lan', '2468');
    expect(await page.getByTestId('full-name').inputValue()).toBe('Lò Thị Mai');
    expect(await page.getByTestId('register-notice').textContent()).toContain('Đã khôi phục');
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
