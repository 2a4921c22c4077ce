/**
 * Citizens' data at rest in real Chromium IndexedDB, read back through a second plain handle:
 * no name or ID after a registration, the outbox's copy gone once the server has it, the browser's
 * key non-extractable, the device token nowhere in clear; in the shell (Electron faked at its
 * bridge) the key and the token are in the OS keystore and not in IndexedDB, and survive a restart.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { installFakeBridge, type FakeShellLog } from './support/fakeBridge.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { KioskPage, SCREENSHOTS } from './pageModels/KioskPage.ts';
import { DeviceStorage, PrivacySettingsPage } from './pageModels/DeviceStorage.ts';

const harness = useBrowserAndServer();
const ADMIN = { name: 'Nguyễn Thị Lan', pin: '2468' };

async function newCounter(shell: boolean) {
  const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  if (shell) await installFakeBridge(context, { adminPin: '2580', profile: 'counter' });
  const counter = new CounterPage(await context.newPage());
  await counter.open(harness.server.url);
  const token = await DeviceStorage.enrolKeepingToken(counter);
  await counter.createFirstAdmin(ADMIN.name, ADMIN.pin);
  return { context, counter, token, storage: new DeviceStorage(counter.page) };
}

describe("citizens' data on the device", () => {
  it('is sealed in IndexedDB, its outbox copy dropped after sync, the key non-extractable and the token hidden', async () => {
    const { context, counter, token, storage } = await newCounter(false);
    await context.setOffline(true);
    const number = await counter.registerWalkIn({ cardQr: testCardQr(41), phone: '0987123456' });

    const raw = await storage.rawText('motcua');
    expect(raw).toContain(number);
    expect(raw).toContain('"procedureCode":"1.001193"');
    for (const personal of ['Nguyễn Văn Thử 41', '001090000041', '0987123456', 'Thôn 41']) expect(raw).not.toContain(personal);
    expect(raw).not.toContain(token);
    expect(await storage.outboxRows()).toEqual([{ seq: 1, state: 'pending', hasPayload: true }]);

    // Staff still see the name: the app opens what it sealed.
    await counter.page.getByTestId('nav-worklist').click();
    await expect.poll(() => counter.page.locator(`.work-row[data-number="${number}"]`).textContent()).toContain('Nguyễn Văn Thử 41');

    await context.setOffline(false);
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);
    expect(await storage.outboxRows()).toEqual([{ seq: 1, state: 'sent', hasPayload: false }]);

    const keys = await storage.storedKeys();
    expect(keys).toEqual([{ extractable: false, algorithm: 'AES-GCM', exportRefused: true }]);
    const keyDb = await storage.rawText('motcua-keys');
    expect(keyDb).toContain('"name":"deviceToken"');
    expect(keyDb).not.toContain(token);

    // After a restart the same key opens the same files.
    await counter.page.reload();
    await counter.signIn(ADMIN.name, ADMIN.pin);
    await counter.page.getByTestId('nav-worklist').click();
    await expect.poll(() => counter.page.locator(`.work-row[data-number="${number}"]`).textContent()).toContain('Nguyễn Văn Thử 41');
    await context.close();
  });

  it('keeps the key and the token in the OS keystore in the shell, not in IndexedDB', async () => {
    const { context, counter, token, storage } = await newCounter(true);
    const number = await counter.registerWalkIn({ cardQr: testCardQr(42) });
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);

    const keystore = await counter.page.evaluate(() => (window as unknown as { __shell: FakeShellLog }).__shell.keystore);
    expect(keystore.deviceToken).toBe(token);
    expect(JSON.parse(keystore.localDataKey!)).toMatchObject({ v: 1, id: expect.any(String), key: expect.any(String) });
    const raw = await storage.rawText('motcua');
    expect(raw).toContain(number);
    expect(raw).not.toContain(token);
    expect(raw).not.toContain('001090000042');
    // The browser's key database is not used in the shell at all.
    expect(await storage.rawText('motcua-keys')).toBe('');

    await counter.page.reload();
    await counter.signIn(ADMIN.name, ADMIN.pin);
    await counter.page.getByTestId('nav-worklist').click();
    await expect.poll(() => counter.page.locator(`.work-row[data-number="${number}"]`).textContent()).toContain('Nguyễn Văn Thử 42');
    await context.close();
  });

  it('lets an admin set how long personal data is kept, and removes it from a returned file once that time has passed', async () => {
    const { context, counter, storage } = await newCounter(false);
    const number = await counter.registerWalkIn({ cardQr: testCardQr(43) });
    await counter.page.getByTestId('nav-worklist').click();
    const row = counter.page.locator(`.work-row[data-number="${number}"]`);
    for (const to of ['processing', 'done']) {
      await row.locator(`[data-to="${to}"]`).click();
      await counter.page.locator(`.work-row[data-number="${number}"][data-status="${to}"]`).waitFor();
    }
    // A returned file leaves the open list.
    await row.locator('[data-to="returned"]').click();
    await row.waitFor({ state: 'detached' });
    await counter.page.getByTestId('sync-now').click();
    await expect.poll(() => counter.pendingCount(), { timeout: 20_000 }).toBe(0);

    const settings = new PrivacySettingsPage(counter.page);
    await settings.open();
    expect(await counter.page.getByTestId('retention-days').inputValue()).toBe('30');
    await settings.setDays('0');
    await expect.poll(() => counter.page.getByTestId('retention-message').textContent()).toContain('từ 1 đến 365');
    await settings.setDays('14');
    await expect.poll(() => counter.page.getByTestId('retention-message').textContent()).toBe('Đã lưu: giữ 14 ngày. Đã xoá thông tin cá nhân của 0 hồ sơ.');
    await settings.showWhole();
    await counter.screenshot('counter-privacy');
    await counter.page.setViewportSize({ width: 1080, height: 1920 });
    await settings.showWhole();
    await counter.screenshot('counter-privacy-portrait');
    await counter.page.setViewportSize({ width: 1366, height: 768 });
    expect(await storage.rawText('motcua')).not.toContain('001090000043');

    // Fifteen days on, the returned file's personal data goes; the file stays in the list.
    await context.clock.setFixedTime(Date.now() + 15 * 24 * 60 * 60 * 1000);
    await settings.purgeNow();
    await expect.poll(() => counter.page.getByTestId('retention-message').textContent()).toBe('Đã xoá thông tin cá nhân của 1 hồ sơ.');
    const stored = JSON.parse(await storage.rawText('motcua')) as { files: { number: string; personal: unknown; attachments: unknown; purgedAt?: string }[] };
    expect(stored.files).toEqual([expect.objectContaining({ number, personal: null, attachments: null, purgedAt: expect.any(String) })]);
    await counter.page.getByTestId('nav-worklist').click();
    await counter.page.locator('[data-filter="all"]').click();
    await expect.poll(() => row.locator('[data-personal="purged"]').textContent()).toMatch(/^Đã xoá thông tin cá nhân ngày \d{1,2}\/\d{1,2}\/\d{4}$/);
    await counter.screenshot('counter-worklist-purged');
    await context.close();
  });

  it('does not start a counter in the shell without an OS keystore, and says why; a kiosk still runs', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await installFakeBridge(context, { adminPin: '2580', profile: 'counter', keystore: 'refusing' });
    const page = await context.newPage();
    await page.goto(`${harness.server.url}#/counter`);
    const problem = page.getByTestId('key-unavailable');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/Không mở được khoá dữ liệu của máy.*basic_text/);
    await page.screenshot({ path: `${SCREENSHOTS}/key-unavailable.png` });
    expect(await new DeviceStorage(page).rawText('motcua')).toBe('');
    await context.close();

    const kioskContext = await harness.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await installFakeBridge(kioskContext, { adminPin: '2580', profile: 'kiosk', keystore: 'refusing' });
    const kiosk = new KioskPage(await kioskContext.newPage());
    await kiosk.open(harness.server.url);
    expect(await kiosk.page.getByTestId('key-unavailable').count()).toBe(0);
    await kioskContext.close();
  });
});
