/**
 * The life of a file at the counter, in Chromium against the real server: moved through its states
 * offline (a missing reason keeps the dialog open), found by number, name or ID, corrected, its fee
 * recorded and its due date moved, all synced to the server; the supplement, refusal and apology
 * slips printed through the shell; and the outbox telling staff in Vietnamese what each entry is
 * and why the server refused one.
 */
import { describe, expect, it } from 'vitest';
import { installFakeBridge, type FakeShellLog } from './support/fakeBridge.ts';
import { useBrowserAndServer } from './support/harness.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { WorklistPage } from './pageModels/WorklistPage.ts';
import { publicFileStatusSchema } from '../../shared/sync/publicApi.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const harness = useBrowserAndServer();

async function serverFile(number: string) {
  const listed = await harness.server.store.listFiles('DEMO', { number, limit: 1 });
  const summary = listed.ok ? listed.value.files[0] : undefined;
  if (!summary) throw new Error(`file ${number} is not on the server`);
  return summary;
}
const serverStatus = async (number: string) => (await serverFile(number)).status;
async function serverChanges(number: string) {
  const file = await serverFile(number);
  const changes = await harness.server.store.fileChanges('DEMO', file.id);
  if (!changes.ok) throw new Error(changes.error.reason);
  return changes.value;
}
const printedHtml = (counter: CounterPage) => counter.page.evaluate(() => (window as unknown as { __shell: FakeShellLog }).__shell.printed);

describe('the worklist', () => {
  it('moves a file through its states offline, keeps a dialog open without a reason, counts one file waiting, and syncs the result', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    const number = await counter.registerWalkIn({ cardQr: testCardQr(77) });
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);
    expect(await serverStatus(number)).toBe('received');

    await context.setOffline(true);
    const worklist = new WorklistPage(counter.page);
    await worklist.open();
    await worklist.row(number).waitFor();
    // Dates read day first: "Hẹn trả 17:00 24/11".
    expect(await worklist.row(number).getByTestId('work-due').textContent()).toMatch(/^Hẹn trả \d{2}:\d{2} \d{2}\/\d{2}$/);
    // Every button on a row is a touch target of 44 px or more, with room between them.
    const boxes = await worklist.row(number).locator('.work-actions .button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const box of boxes) expect(box.height).toBeGreaterThanOrEqual(44);
    const sameLine = boxes.filter((b) => Math.abs(b.top - boxes[0]!.top) < 2).sort((a, b) => a.left - b.left);
    for (let i = 1; i < sameLine.length; i += 1) expect(sameLine[i]!.left - sameLine[i - 1]!.right).toBeGreaterThanOrEqual(8);

    await worklist.move(number, 'processing');
    // Asking for supplements without naming a document or writing anything: the dialog stays, and says why.
    await worklist.row(number).locator('[data-to="needs_supplement"]').click();
    await worklist.fillSupplement([], '');
    await worklist.confirmDialog();
    expect(await worklist.dialogProblem()).toBe('Cần ghi lý do.');
    expect(await counter.page.getByTestId('supplement-dialog').isVisible()).toBe(true);
    await worklist.fillSupplement([1], 'Mang theo bản chính để đối chiếu');
    await worklist.confirmDialog();
    await worklist.page.getByTestId('print-panel').waitFor();
    expect(await worklist.slip().getAttribute('data-slip')).toBe('supplement');
    await worklist.closePrint();
    await worklist.backToList();
    // The reason stands on the file's row.
    expect(await worklist.row(number).getByTestId('work-note').textContent()).toMatch(/^Lý do: Thiếu: .+\. Mang theo bản chính để đối chiếu$/);
    await counter.screenshot('counter-worklist-reason');

    await worklist.move(number, 'processing');
    await worklist.move(number, 'done');
    await counter.screenshot('counter-worklist');
    await worklist.filter('all');
    await worklist.move(number, 'returned');
    // Five changes of one file, offline: one file waits.
    expect(await counter.pendingCount()).toBe(1);
    expect(await counter.page.getByTestId('waiting-count').textContent()).toBe('1 hồ sơ chờ gửi');

    await context.setOffline(false);
    await counter.page.getByTestId('sync-now').click();
    await expect.poll(() => counter.pendingCount(), { timeout: 30_000 }).toBe(0);
    expect(await serverStatus(number)).toBe('returned');
    await context.close();
  });

  it('finds files by number, name or ID; corrects one, records its fee and moves its due date with a reason, all synced', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' });
    await installFakeBridge(context, { adminPin: '2580', profile: 'counter' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    const first = await counter.registerWalkIn({ cardQr: testCardQr(81) });
    const second = await counter.registerWalkIn({ cardQr: testCardQr(82), phone: '0912345678' });
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);
    const worklist = new WorklistPage(counter.page);
    await worklist.open();

    await worklist.search(second.slice(-8));
    await expect.poll(() => worklist.numbersShown()).toEqual([second]);
    await worklist.search('thu 81 nguyen');
    await expect.poll(() => worklist.numbersShown()).toEqual([first]);
    await worklist.search('0000082');
    await expect.poll(() => worklist.numbersShown()).toEqual([second]);
    await worklist.search('không có ai');
    await expect.poll(() => counter.page.getByText('Không có hồ sơ nào khớp').count()).toBe(1);
    await worklist.search('');
    await expect.poll(() => worklist.numbersShown().then((n) => n.sort())).toEqual([first, second].sort());

    // Correct the citizen's name and phone, with a reason.
    await worklist.openFile(second);
    await worklist.action('correct');
    await counter.page.getByTestId('correction-form').waitFor();
    await counter.page.getByTestId('correct-full-name').fill('Nguyễn Văn Thứ 82');
    await counter.page.getByTestId('correct-phone').fill('0987 654 321');
    await counter.page.getByTestId('correct-save').click();
    await expect.poll(() => counter.page.getByTestId('correct-problem').textContent()).toBe('Cần ghi lý do.');
    await counter.page.getByTestId('correct-reason').fill('Sai dấu trong tên, đổi số điện thoại');
    await counter.page.getByTestId('correct-save').click();
    await worklist.detail('name').waitFor();
    expect(await worklist.detail('name').textContent()).toBe('Nguyễn Văn Thứ 82');
    expect(await worklist.detail('phone').textContent()).toBe('0987654321');

    // The fee.
    await worklist.action('fee');
    await worklist.fillFee('8.000', 'BL-000123');
    await worklist.confirmDialog();
    await expect.poll(() => worklist.detail('fee').textContent()).toMatch(/^Đã nộp 8\.000 đồng, biên lai số BL-000123, lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(Nguyễn Thị Lan\)$/);

    // A new due date: refused before the reception, refused without a reason, then saved.
    await worklist.action('due');
    await worklist.fillDue('01/01/2020', '17:00', 'Chờ xác minh');
    await worklist.confirmDialog();
    expect(await worklist.dialogProblem()).toBe('Ngày hẹn mới phải sau thời điểm tiếp nhận hồ sơ.');
    await worklist.fillDue('15/12/2028', '16:30', '');
    await worklist.confirmDialog();
    await expect.poll(() => counter.page.getByTestId('dialog-problem').textContent()).toBe('Cần ghi lý do.');
    await counter.screenshot('counter-due-dialog');
    await worklist.fillDue('15/12/2028', '16:30', 'Chờ xác minh nơi cư trú');
    await worklist.confirmDialog();
    await expect.poll(() => worklist.detail('due').textContent()).toBe('16:30 15/12/2028 · hẹn lại vì: Chờ xác minh nơi cư trú');
    await worklist.scrollToTop();
    await counter.screenshot('counter-file-detail');

    await counter.page.getByTestId('sync-now').click();
    await expect.poll(() => counter.pendingCount(), { timeout: 30_000 }).toBe(0);
    const changes = await serverChanges(second);
    expect(changes.map((c) => [c.kind, c.reason])).toEqual([
      ['update', 'Sai dấu trong tên, đổi số điện thoại'],
      ['fee', null],
      ['due', 'Chờ xác minh nơi cư trú'],
    ]);
    const stored = await harness.server.store.findFile('DEMO', (await serverFile(second)).id);
    expect(stored.ok && stored.value?.citizen).toMatchObject({ fullName: 'Nguyễn Văn Thứ 82', phone: '0987654321' });
    // The kiosk's lookup shows the new date.
    const listed = await harness.server.store.listFiles('DEMO', { number: second, limit: 1 });
    const onServer = listed.ok && listed.value.files[0] ? await harness.server.store.findFile('DEMO', listed.value.files[0].id) : null;
    const code = onServer?.ok && onServer.value ? onServer.value.lookupCode : undefined;
    const lookup = await fetch(new URL(API_PATHS.public.fileStatus.at(second, { code: code! }), harness.server.url));
    expect(publicFileStatusSchema.parse(await lookup.json()).dueAt).toBe('2028-12-15T09:30:00.000Z');
    // Reprinting the receipt prints the new date.
    await worklist.action('reprint');
    expect(await worklist.printSlip('A5')).toBe('Đã gửi lệnh in.');
    const receipt = (await printedHtml(counter)).at(-1)!;
    expect(receipt).toContain('15/12/2028');
    await worklist.screenshotPrinted(receipt, 'A5', 'receipt-reprint-a5');
    await context.close();
  });

  it('prints the supplement, refusal and apology slips on A4 and A5 through the shell', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
    await installFakeBridge(context, { adminPin: '2580', profile: 'counter' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    const late = await counter.registerWalkIn({ cardQr: testCardQr(91), phone: '0912345678' });
    const refused = await counter.registerWalkIn({ cardQr: testCardQr(92) });
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);
    const worklist = new WorklistPage(counter.page);
    await worklist.open();

    // Supplement request (Mẫu 02), on A5.
    await worklist.move(late, 'processing');
    await worklist.openFile(late);
    await worklist.action('supplement');
    await worklist.fillSupplement([1, 5], 'Giấy xác nhận cư trú do công an xã cấp');
    await worklist.confirmDialog();
    expect(await worklist.printSlip('A5')).toBe('Đã gửi lệnh in.');
    expect(await worklist.slip().locator('[data-testid="slip-documents"] tbody tr').count()).toBe(2);
    const supplement = (await printedHtml(counter)).at(-1)!;
    await worklist.screenshotPrinted(supplement, 'A5', 'slip-supplement-a5');
    expect(supplement).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(supplement).toContain('@page { size: A5 portrait');
    expect(supplement).toContain('Giấy xác nhận cư trú do công an xã cấp');
    await worklist.closePrint();

    // Apology with a new date (Mẫu 05), on A4: the due date moves too.
    await counter.page.getByTestId('back-to-list').click();
    await worklist.move(late, 'processing');
    await worklist.openFile(late);
    await worklist.action('apology');
    await worklist.fillDue('20/12/2028', '17:00', 'Phải xác minh tại nơi cư trú trước đây của người được khai sinh');
    await worklist.confirmDialog();
    expect(await worklist.printSlip('A4')).toBe('Đã gửi lệnh in.');
    expect(await worklist.slip().getByTestId('slip-new-due').textContent()).toBe('Thứ Tư, 17:00 ngày 20/12/2028');
    const apology = (await printedHtml(counter)).at(-1)!;
    await worklist.screenshotPrinted(apology, 'A4', 'slip-apology-a4');
    expect(apology).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(apology).toContain('@page { size: A4 portrait');
    await worklist.closePrint();
    await expect.poll(() => worklist.detail('due').textContent()).toMatch(/^17:00 20\/12\/2028 · hẹn lại vì: Phải xác minh/);

    // Refusal (Mẫu 03), on A5: the file moves to rejected with its reason.
    await counter.page.getByTestId('back-to-list').click();
    await worklist.row(refused).locator('[data-to="rejected"]').click();
    await worklist.fillRefusal('');
    await worklist.confirmDialog();
    expect(await worklist.dialogProblem()).toBe('Cần ghi lý do.');
    await worklist.fillRefusal('Thủ tục không thuộc thẩm quyền giải quyết của cấp xã');
    await worklist.confirmDialog();
    expect(await worklist.printSlip('A5')).toBe('Đã gửi lệnh in.');
    expect(await worklist.slip().getByTestId('slip-reason').textContent()).toBe('Thủ tục không thuộc thẩm quyền giải quyết của cấp xã');
    const refusal = (await printedHtml(counter)).at(-1)!;
    expect(refusal).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    await worklist.screenshotPrinted(refusal, 'A5', 'slip-refusal-a5');
    await worklist.closePrint();
    await expect.poll(() => worklist.detail('status-note').textContent()).toBe('Lý do: Thủ tục không thuộc thẩm quyền giải quyết của cấp xã');

    // The same screens on a portrait counter screen.
    await counter.page.setViewportSize({ width: 1080, height: 1920 });
    await worklist.scrollToTop();
    await counter.screenshot('counter-file-detail-portrait');
    await worklist.backToList();
    await worklist.filter('all');
    await worklist.row(late).waitFor();
    await counter.screenshot('counter-worklist-portrait');
    const portraitButtons = await worklist.row(late).locator('.work-actions .button').evaluateAll((b) => b.map((x) => x.getBoundingClientRect().height));
    expect(Math.min(...portraitButtons)).toBeGreaterThanOrEqual(44);

    await counter.page.getByTestId('sync-now').click();
    await expect.poll(() => counter.pendingCount(), { timeout: 30_000 }).toBe(0);
    expect(await serverStatus(refused)).toBe('rejected');
    expect((await serverChanges(late)).map((c) => c.kind)).toEqual(['due']);
    await context.close();
  });

  it('names each outbox entry in Vietnamese words and translates the server’s refusal', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    const number = await counter.registerWalkIn({ cardQr: testCardQr(95) });
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);

    // Offline, the counter takes the file into processing; meanwhile another office already did.
    await context.setOffline(true);
    const worklist = new WorklistPage(counter.page);
    await worklist.open();
    await worklist.move(number, 'processing');
    const onServer = await serverFile(number);
    const moved = await harness.server.store.changeStatus({
      centerCode: 'DEMO',
      fileId: onServer.id,
      from: null,
      status: 'processing',
      note: null,
      at: new Date().toISOString(),
      by: null,
      location: null,
      deviceId: onServer.deviceId,
    });
    expect(moved.ok).toBe(true);
    await counter.page.getByTestId('nav-outbox').click();
    const waiting = counter.page.locator(`tr[data-number="${number}"][data-state="pending"]`);
    await waiting.waitFor();
    expect(await waiting.getByTestId('outbox-words').textContent()).toBe('Chuyển trạng thái: Đang giải quyết');
    await counter.page.getByTestId('outbox-sync-now').click();
    await expect.poll(() => waiting.getByTestId('outbox-reason').textContent()).toBe(
      'Chưa gửi được, sẽ tự thử lại: Không kết nối được máy chủ (mất mạng hoặc sai địa chỉ máy chủ).',
    );

    await context.setOffline(false);
    await counter.page.getByTestId('outbox-sync-now').click();
    const refused = counter.page.locator(`tr[data-number="${number}"][data-state="rejected"]`);
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.getByTestId('outbox-reason').getAttribute('data-code')).toBe('fileStatus.error.staleStatus');
    expect(await refused.getByTestId('outbox-reason').textContent()).toBe('Máy chủ từ chối vì: Hồ sơ đã được nơi khác chuyển trạng thái trước; tải lại rồi làm lại.');
    expect(await counter.page.locator(`tr[data-number="${number}"][data-state="sent"]`).getByTestId('outbox-words').textContent()).toBe(`Tiếp nhận hồ sơ ${number}`);
    const page = (await counter.page.getByTestId('outbox').textContent()) ?? '';
    expect(page).not.toMatch(/on the server|cannot|rejected by|Failed to fetch|counter\.outbox/);
    await counter.screenshot('counter-outbox-reasons');
    // Staff read the reason and set the refused change aside: nothing stays counted as refused.
    await refused.getByTestId('outbox-acknowledge').click();
    await counter.page.locator(`tr[data-number="${number}"][data-state="cancelled"]`).waitFor();
    await expect.poll(() => counter.page.getByTestId('waiting-count').textContent()).toBe('0 hồ sơ chờ gửi');
    await context.close();
  });
});
