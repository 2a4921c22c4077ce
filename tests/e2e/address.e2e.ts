/**
 * The kiosk's old → new address lookup against a real server holding the administrative units: an
 * old commune typed without tones on the on-screen keyboard answers with its new commune; a split
 * unit lists every new commune; the table stays on the device, so it answers offline after a restart.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { AddressPage } from './pageModels/AddressPage.ts';

const harness = useBrowserAndServer({ server: { adminUnits: true } });

describe('the kiosk address lookup', () => {
  it('answers an old commune with its new one, lists every commune of a split unit, and works offline', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' });
    const kiosk = new AddressPage(await context.newPage());
    await kiosk.open(harness.server.url);
    await kiosk.startAddressLookup();

    await kiosk.typeAddress('xa yen thanh yen mo');
    await expect.poll(() => kiosk.answerTexts(), { timeout: 20_000 }).toContainEqual(
      'xã Yên Thành, huyện Yên Mô, tỉnh Ninh Bình (cũ) → nay là xã Đồng Thái, tỉnh Ninh Bình',
    );
    await kiosk.screenshot('kiosk-address');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);

    await kiosk.typeAddress('cong vi ba dinh');
    const split = (await kiosk.answerTexts())[0] ?? '';
    expect(split).toContain('phường Cống Vị, quận Ba Đình, thành phố Hà Nội (cũ)');
    expect(split).toContain('đã chia cho 2 xã, phường mới');
    expect(split).toContain('phường Ngọc Hà, thành phố Hà Nội');
    expect(split).toContain('phường Giảng Võ, thành phố Hà Nội');
    expect(split).toContain('tùy thôn, tổ dân phố');
    await kiosk.screenshot('kiosk-address-split');

    // Offline, after a restart: the table comes from IndexedDB.
    await context.setOffline(true);
    const again = new AddressPage(await context.newPage());
    await kiosk.page.close();
    await again.page.goto(`${harness.server.url}#/address`).catch(() => undefined);
    await again.page.getByTestId('address').waitFor({ timeout: 30_000 });
    await again.typeAddress('phuong 12 quan 3');
    await expect.poll(() => again.answerTexts(), { timeout: 20_000 }).toContainEqual(
      'phường 12, quận 3, thành phố Hồ Chí Minh (cũ) → nay là phường Nhiêu Lộc, thành phố Hồ Chí Minh',
    );
    await context.close();
  });

  it('fits a 1080x1920 portrait kiosk', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1080, height: 1920 }, timezoneId: 'Asia/Ho_Chi_Minh' });
    const kiosk = new AddressPage(await context.newPage());
    await kiosk.open(harness.server.url);
    await kiosk.startAddressLookup();
    await kiosk.typeAddress('dong ngac');
    await expect.poll(() => kiosk.answers.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const overflow = await kiosk.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await kiosk.screenshot('kiosk-address-portrait');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await context.close();
  });
});
