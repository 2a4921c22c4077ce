/**
 * The counter end to end in Chromium against the real server (SQLite) on loopback: enrol, sign
 * in, register walk-in files by scanning the căn cước card, keep working offline through a
 * restart, and watch the outbox drain to exactly the files saved.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { DAY_MS, testNow } from './support/testClock.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { KioskPage } from './pageModels/KioskPage.ts';

const harness = useBrowserAndServer();

async function serverFileCount(): Promise<number> {
  const counted = await harness.server.store.countFiles('DEMO');
  if (!counted.ok) throw new Error(JSON.stringify(counted.error));
  return counted.value;
}

async function enrolledCounter(): Promise<{ context: BrowserContext; counter: CounterPage }> {
  const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
  const counter = await CounterPage.enrolled(context, harness.server.url);
  return { context, counter };
}

describe('the counter', () => {
  it('registers a walk-in file from a scanned card and sends it', async () => {
    const before = await serverFileCount();
    const { context, counter } = await enrolledCounter();
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCardAndWait(testCardQr(1), 'address');
    expect(await counter.fieldValue('full-name')).toBe('Nguyễn Văn Thử 1');
    expect(await counter.fieldValue('id-number')).toBe('001090000001');
    expect(await counter.fieldValue('birth-date')).toBe('04/05/1990');
    // The burst went into the address field first; it must not be left there.
    expect(await counter.fieldValue('address')).toBe('Thôn 1, xã Vĩnh Bảo, Hải Phòng');
    await counter.tickAllDocuments();
    await counter.fill('phone', '0912345678');
    await counter.expectScreenshot('counter-register-form');
    const number = await counter.save();
    expect(number).toMatch(/^DEMO-D\d{2}-\d{8}-0001$/);
    // The slip tells the true due date (demo catalog: 1 working day for birth registration).
    await expect.poll(() => counter.receiptLine('due')).toMatch(/Thời gian trả kết quả giải quyết hồ sơ: Thứ|Chủ nhật/);
    await counter.waitForReceiptQr();
    // The file leaves at once: the screen is photographed once the status bar has settled.
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);
    expect(await serverFileCount()).toBe(before + 1);
    await counter.expectScreenshot('counter-saved');
    await counter.expectReceiptScreenshot('receipt-a5');
    await counter.choosePaper('roll80');
    await counter.expectReceiptScreenshot('receipt-roll80');
    await counter.openOutbox();
    await counter.waitForOutboxEntry(number, 'sent');
    await counter.expectScreenshot('counter-status-online');
    await context.close();
  });

  it('shows translated messages next to wrong fields and refuses a partial card scan', async () => {
    const { context, counter } = await enrolledCounter();
    await counter.trySave();
    await counter.waitForError('procedure');
    expect(await counter.errorFor('idNumber')).toContain('12 chữ số');
    // The first wrong field (the procedure) has the focus.
    expect(await counter.focusedTestId()).toBe('procedure-search');
    await counter.fill('full-name', 'Trần Văn Bình');
    await counter.scanCard('001090000009||Lê Văn|04051990', 'phone');
    await expect.poll(() => counter.notice()).toContain('chưa đủ');
    expect(await counter.fieldValue('full-name')).toBe('Trần Văn Bình');
    expect(await counter.fieldValue('phone')).toBe('');
    expect(await counter.fieldValue('id-number')).toBe('');
    // The admin adds a colleague, who then signs in with their own PIN and sees no admin screen.
    await counter.openStaff();
    await counter.addStaff('Phạm Văn Minh', '1357');
    await expect.poll(() => counter.addStaffMessage()).toBe('Đã thêm Phạm Văn Minh.');
    await counter.signOut();
    await counter.chooseStaff('Phạm Văn Minh');
    await counter.tapPin('0000');
    await counter.pressSignIn();
    await expect.poll(() => counter.signInProblem()).toContain('Mã PIN không đúng.');
    await counter.signIn('Phạm Văn Minh', '1357');
    expect(await counter.offersStaffScreen()).toBe(false);
    await context.close();
  });

  it('refuses nonsense citizen values in red, focuses the first one, and clears each message once it is fixed', async () => {
    const { context, counter } = await enrolledCounter();
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.fill('id-number', '000000000000');
    await counter.fill('full-name', '\u0001\u0002\u0003');
    await counter.fill('birth-date', '99/99/2025');
    await counter.trySave();
    await counter.waitForError('fullName');
    expect(await counter.errorFor('idNumber')).toContain('mã tỉnh');
    expect(await counter.errorFor('fullName')).toContain('ký tự điều khiển');
    expect(await counter.errorFor('birthDate')).toContain('không có trên lịch');
    expect(await counter.notice()).toContain('Số căn cước (12 số), Họ và tên, Ngày sinh');
    // The ID field comes first on the screen: it is focused and in view.
    expect(await counter.focusedTestId()).toBe('id-number');
    // Red, not the grey of a label (a `.field > span` rule used to win over `.field-error`).
    expect(await counter.errorColours('fullName')).toEqual({ message: 'rgb(179, 38, 30)', border: 'rgb(179, 38, 30)', label: 'rgb(179, 38, 30)' });
    await counter.fill('birth-date', '01/01/2999');
    await expect.poll(() => counter.errorFor('birthDate')).toContain('sau hôm nay');
    await counter.expectScreenshot('counter-validation');

    // Fixed fields lose their message at once; an oversize name names its limit next to it.
    await counter.fill('full-name', 'Ă'.repeat(150));
    await expect.poll(() => counter.errorFor('fullName')).toContain('tối đa 100 ký tự');
    await counter.fill('full-name', 'Nguyễn Văn Thử');
    await expect.poll(() => counter.errorFor('fullName')).toBeNull();
    await counter.fill('birth-date', '04051990');
    expect(await counter.fieldValue('birth-date')).toBe('04/05/1990');
    await expect.poll(() => counter.errorFor('birthDate')).toBeNull();
    await counter.fill('id-number', '001090000123');
    await expect.poll(() => counter.errorFor('idNumber')).toBeNull();
    expect(await counter.invalidFields()).toBe(0);
    await context.close();
  });

  it('fills the form from a căn cước QR pasted or dropped into any field, and keeps all 12 digits of a pasted ID', async () => {
    const { context, counter } = await enrolledCounter();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.server.url).origin });
    await counter.paste('id-number', '001 090 000 321');
    expect(await counter.fieldValue('id-number')).toBe('001090000321');
    await counter.fill('phone', '0912');
    await counter.paste('phone', testCardQr(2));
    await expect.poll(() => counter.fieldValue('full-name')).toBe('Nguyễn Văn Thử 2');
    expect(await counter.fieldValue('id-number')).toBe('001090000002');
    expect(await counter.fieldValue('birth-date')).toBe('04/05/1990');
    expect(await counter.fieldValue('phone')).toBe('0912');
    expect(await counter.notice()).toContain('Nguyễn Văn Thử 2');
    // The same payload arriving in one piece as typed text (an on-screen keyboard, a helper app), without Enter.
    await counter.insertText('address', testCardQr(3));
    await expect.poll(() => counter.fieldValue('full-name')).toBe('Nguyễn Văn Thử 3');
    expect(await counter.fieldValue('address')).toBe('Thôn 3, xã Vĩnh Bảo, Hải Phòng');
    // A pasted card that is cut off fills nothing and says why.
    await counter.paste('full-name', '001090000009||Lê Văn|04051990');
    await expect.poll(() => counter.notice()).toContain('chưa đủ');
    expect(await counter.fieldValue('full-name')).toBe('Nguyễn Văn Thử 3');
    await context.close();
  });

  it('asks for the due date in dd/mm/yyyy on an English PC when the procedure has no time, and saves it flagged', async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', timezoneId: 'America/New_York' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await counter.pickProcedure('cải chính hộ tịch', '1.004859');
    await counter.waitForDueEntry();
    expect(await counter.showsComputedDue()).toBe(false);
    await counter.scanCardAndWait(testCardQr(4));
    await counter.tickAllDocuments();
    await counter.trySave();
    await expect.poll(() => counter.errorFor('dueDate')).toContain('Chọn ngày hẹn trả');
    expect(await counter.focusedTestId()).toBe('due-date');
    // The reception day and rest days cannot be tapped.
    // Vietnam dates on the suite's clock: the first Wednesday and Saturday at least 8 days ahead, away from any Tết break.
    const vn = testNow().getTime() + 7 * 3_600_000;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const next = (weekday: number) => {
      let ms = vn + 8 * DAY_MS;
      while (new Date(ms).getUTCDay() !== weekday) ms += DAY_MS;
      return iso(ms);
    };
    const [today, wednesday, saturday] = [iso(vn), next(3), next(6)];
    expect(await counter.dueDayDisabled(today)).toBe(true);
    expect(await counter.dueDayDisabled(saturday)).toBe(true);
    await counter.pickDueDate(wednesday);
    const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
    expect(await counter.dueDateValue()).toBe(ddmmyyyy(wednesday));
    await expect.poll(() => counter.errorFor('dueDate')).toBeNull();
    await counter.expectScreenshot('counter-due-date');
    // Typed by hand (digits only, the slashes come by themselves), a Saturday is refused with the reason.
    await counter.typeInto('due-date', ddmmyyyy(saturday).replaceAll('/', ''));
    expect(await counter.dueDateValue()).toBe(ddmmyyyy(saturday));
    await expect.poll(() => counter.errorFor('dueDate')).toContain('ngày nghỉ');
    await counter.pickDueDate(wednesday);
    const number = await counter.save();
    await expect.poll(() => counter.receiptLine('due')).toContain(ddmmyyyy(wednesday));
    // Waits for the file on the server itself: the status bar's count can read 0 for a moment before
    // the new entry is counted.
    const fileId = await counter.fileIdOf(number);
    const onServer = async () => {
      const found = await harness.server.store.findFile('DEMO', fileId);
      return found.ok ? found.value : null;
    };
    // Due at the close of that day (17:00 in Vietnam), marked as chosen by staff.
    await expect.poll(onServer, { timeout: 20_000 }).toMatchObject({ dueAt: `${wednesday}T10:00:00.000Z`, dueAtSetByStaff: true });
    await context.close();
  });

  it('counts only required documents as missing and asks before saving with none ticked', async () => {
    const { context, counter } = await enrolledCounter();
    await counter.pickProcedure('khai sinh', '1.001193');
    expect(await counter.checklistCounts()).toEqual({ required: 3, conditional: 4 });
    expect(await counter.missingCount()).toBe('còn thiếu 3');
    await counter.scanCardAndWait(testCardQr(5));
    await counter.saveAskingAboutDocuments();
    await counter.expectScreenshot('counter-confirm-no-documents');
    await counter.backFromNoDocuments();
    await counter.tickRequired(3);
    expect(await counter.missingCount()).toBe('đủ giấy tờ');
    const number = await counter.save();
    expect(number).toMatch(/^DEMO-/);
    await counter.nextFile();
    // Confirming keeps the choice with staff: a file may be saved with nothing handed in.
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCardAndWait(testCardQr(6));
    expect(await counter.saveWithoutDocuments()).toMatch(/^DEMO-/);
    await context.close();
  });

  it('fits a 1080x1920 portrait counter, header included', async () => {
    const context = await harness.newContext({ viewport: { width: 1080, height: 1920 } });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCardAndWait(testCardQr(7));
    const fit = await counter.widths();
    expect(fit.pageWidth).toBeLessThanOrEqual(1080);
    expect(fit.counterWidth).toBeLessThanOrEqual(1080);
    expect(fit.widestHeaderItem).toBeLessThanOrEqual(1080);
    await counter.expectScreenshot('counter-portrait');
    await context.close();
  });

  it('keeps staff apart by name, locks a PIN after five wrong tries across a reload, and lets an admin reset and disable', async () => {
    const { context, counter } = await enrolledCounter();
    await counter.openStaff();
    // The keyboard's number keys work on the PIN pad, and Enter submits.
    await counter.addStaff('Phạm Văn Minh', '1357', { detail: '', byKeyboard: true });
    await expect.poll(() => counter.addStaffMessage()).toBe('Đã thêm Phạm Văn Minh.');
    await counter.addStaff('pham van minh', '2468', { detail: '', byKeyboard: true });
    await expect.poll(() => counter.addStaffMessage()).toContain('Đã có cán bộ tên này');
    await counter.addStaff('Phạm Văn Minh', '2468', { detail: 'sinh 1990', byKeyboard: true });
    await expect.poll(() => counter.addStaffMessage()).toBe('Đã thêm Phạm Văn Minh (sinh 1990).');

    await counter.signOut();
    await counter.chooseStaff('Phạm Văn Minh (sinh 1990)');
    for (const left of [4, 3, 2, 1]) {
      await counter.typePin('0000');
      await expect.poll(() => counter.signInProblem()).toContain(`Còn ${left} lần thử`);
    }
    await counter.typePin('0000');
    await expect.poll(() => counter.signInProblem()).toContain('tạm khóa');
    // A reload does not lift the lock, and the right PIN is refused while it lasts.
    await counter.restart();
    await counter.chooseStaff('Phạm Văn Minh (sinh 1990)');
    await counter.typePin('2468');
    await expect.poll(() => counter.signInProblem()).toContain('tạm khóa');
    await counter.expectScreenshot('counter-sign-in-locked');

    // The admin resets the PIN (lifting the lock) and disables the other Minh.
    await counter.signIn('Nguyễn Thị Lan', '2468');
    await counter.openStaff();
    await counter.resetPin('Phạm Văn Minh (sinh 1990)', '8642');
    await expect.poll(() => counter.staffListMessage()).toContain('Đã đặt PIN mới');
    await counter.toggleStaff('Phạm Văn Minh');
    await expect.poll(() => counter.staffActive('Phạm Văn Minh')).toBe('false');
    await counter.toggleStaff('Nguyễn Thị Lan');
    await expect.poll(() => counter.staffListMessage()).toContain('Không thể tự tắt');
    await counter.expectScreenshot('counter-staff-admin');
    await counter.signOut();
    // Whoever signs in next starts at the registration form, not on the screen the last person left.
    expect(await counter.address()).toBe('#/counter/register');
    expect(await counter.staffTiles('Phạm Văn Minh')).toBe(0);
    await counter.signIn('Phạm Văn Minh (sinh 1990)', '8642');
    expect(await counter.offersStaffScreen()).toBe(false);
    await context.close();
  });

  it('signs out after the idle time with a warning first, and gives the same person back the half-typed file', async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
    const counter = await CounterPage.enrolled(context, harness.server.url, undefined, '?counterIdle=6');
    await counter.waitForIdleWarning();
    await counter.expectScreenshot('counter-idle-warning');
    await counter.stayAfterIdleWarning();
    expect(await counter.formShown()).toBe(true);
    await counter.fill('full-name', 'Lò Thị Mai');
    await counter.waitForSignIn();
    expect(await counter.nameFields()).toBe(0);
    await counter.signIn('Nguyễn Thị Lan', '2468');
    expect(await counter.fieldValue('full-name')).toBe('Lò Thị Mai');
    expect(await counter.notice()).toContain('Đã khôi phục');
    await context.close();
  });

  it('registers 50 files offline, keeps them through a restart, and drains them exactly once', async () => {
    const before = await serverFileCount();
    const { context, counter } = await enrolledCounter();
    await new KioskPage(counter.page).waitForOfflineShell();
    // The queue's live link up first (an admin of a center without a queue sees its set-up line), so
    // what the screenshots show does not depend on whether it came up before the cable was pulled.
    await expect.poll(() => counter.callingBarShown()).toBe(true);
    await context.setOffline(true);
    await expect.poll(() => counter.link()).toBe('offline');
    const numbers: string[] = [];
    for (let i = 0; i < 50; i += 1) numbers.push(await counter.registerWalkIn({ cardQr: testCardQr(100 + i) }));
    expect(new Set(numbers).size).toBe(50);
    await expect.poll(() => counter.pendingCount()).toBe(50);
    await counter.expectScreenshot('counter-status-offline');
    await counter.openOutbox();
    await counter.waitForPendingEntries();
    await counter.expectScreenshot('counter-outbox-offline');

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
    // The link answers, but only once the test lets it (well after the 3 s that make a link slow).
    let answer: () => void = () => undefined;
    const linkAnswers = new Promise<void>((resolve) => (answer = resolve));
    await context.route('**/api/sync/**', async (route) => {
      await linkAnswers;
      await route.continue().catch(() => undefined);
    });
    await counter.registerWalkIn({ cardQr: testCardQr(900) });
    await expect.poll(() => counter.link(), { timeout: 15_000 }).toBe('slow');
    await counter.expectScreenshotWhileSyncing('counter-status-slow');
    // Saving never waits for the link.
    await counter.registerWalkIn({ cardQr: testCardQr(901) });
    answer();
    await context.unroute('**/api/sync/**');
    await counter.syncNow();
    await expect.poll(() => counter.pendingCount(), { timeout: 30_000 }).toBe(0);
    await context.close();
  }, 120_000);
});
