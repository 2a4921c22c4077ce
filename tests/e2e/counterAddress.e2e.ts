/**
 * The counter's address field in Chromium against the real server holding the administrative units:
 * nothing of the table is fetched until the field is focused; an old commune typed without tones
 * (house and village first) is offered with its new commune, picked with the keyboard, saved with the
 * text as typed, printed on the receipt as the new commune and province, and reaches the server with
 * its code; a split unit lists every commune it went to and one is tapped; an address with no unit
 * picked says it will be stored as typed. Landscape 1366x768 and portrait 1080x1920.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { AddressFieldModel } from './pageModels/AddressFieldModel.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';

const harness = useBrowserAndServer({ server: { adminUnits: true } });

describe("the counter's address field", () => {
  it('converts an old commune typed without tones, saves the text with the new commune and prints the new address', async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 }, hasTouch: true });
    const unitRequests: string[] = [];
    context.on('request', (r) => {
      if (r.url().includes('/api/address/units')) unitRequests.push(r.url());
    });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    const address = new AddressFieldModel(counter.page);
    // The form is up and the table has not been asked for: it loads when the field is focused.
    expect(unitRequests).toEqual([]);

    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCard(testCardQr(7));
    await counter.waitForNotice();
    await address.type('thon 3 xa yen thanh huyen yen mo');
    await expect.poll(() => address.optionTexts(), { timeout: 30_000 }).toContainEqual(
      'Xã Yên Thành (cũ), huyện Yên Mô, tỉnh Ninh Bình → nay là xã Đồng Thái, tỉnh Ninh Bình',
    );
    expect(unitRequests.length).toBeGreaterThan(0);
    expect(await address.expanded()).toBe('true');
    expect(await address.status()).toBe('Chưa chọn xã, phường mới: địa chỉ sẽ được lưu đúng như đã gõ.');
    await counter.expectScreenshot('counter-address-suggestions');
    expect(await address.violations()).toEqual([]);

    const first = (await address.optionTexts())[0];
    expect(first).toBe('Xã Yên Thành (cũ), huyện Yên Mô, tỉnh Ninh Bình → nay là xã Đồng Thái, tỉnh Ninh Bình');
    await address.pickWithKeyboard(1);
    expect(await address.chosen()).toMatchObject({ code: '14746' });
    expect((await address.chosen())!.text).toContain('Xã, phường mới: xã Đồng Thái, tỉnh Ninh Bình');
    expect(await address.expanded()).toBe('false');
    expect(await address.input.inputValue()).toBe('thon 3 xa yen thanh huyen yen mo');
    await counter.expectScreenshot('counter-address-chosen');

    await counter.tickAllDocuments();
    const number = await counter.save();
    expect(await address.printedOnReceipt()).toBe('địa chỉ: thon 3 xa yen thanh huyen yen mo (nay thuộc xã Đồng Thái, tỉnh Ninh Bình)');
    await counter.waitForReceiptQr();
    await counter.expectReceiptScreenshot('receipt-new-address-a5');

    // The server has the text as typed and the commune's code.
    await expect.poll(() => counter.pendingCount(), { timeout: 30_000 }).toBe(0);
    const listed = await harness.server.store.listFiles('DEMO', { number, limit: 1 });
    if (!listed.ok || !listed.value.files[0]) throw new Error(`file ${number} not on the server`);
    const stored = await harness.server.store.findFile('DEMO', listed.value.files[0].id);
    expect(stored.ok && stored.value?.citizen).toMatchObject({
      address: 'thon 3 xa yen thanh huyen yen mo',
      addressUnit: { code: '14746', name: 'Xã Đồng Thái', provinceCode: '37', province: 'Tỉnh Ninh Bình' },
    });

    // A split unit: every commune it went to, the village decides; the clerk taps one.
    await counter.nextFile();
    // A card scanned with the focus in the address box fills the form; its Enter picks no suggestion.
    await counter.scanCard(testCardQr(8), 'address');
    await counter.waitForNotice();
    expect(await address.input.inputValue()).toBe('Thôn 8, xã Vĩnh Bảo, Hải Phòng');
    expect(await address.chosen()).toBeNull();
    await address.type('to 5 cong vi ba dinh');
    await expect.poll(() => address.splitHeads(), { timeout: 20_000 }).toContainEqual(
      'Phường Cống Vị, quận Ba Đình, thành phố Hà Nội (cũ) → đã chia cho 2 xã, phường mới; thuộc xã, phường nào là tùy thôn, tổ dân phố. Chọn một:',
    );
    const texts = await address.optionTexts();
    expect(texts).toContainEqual('→ một phần nay là phường Ngọc Hà, thành phố Hà Nội');
    expect(texts).toContainEqual('→ một phần nay là phường Giảng Võ, thành phố Hà Nội');
    await counter.expectScreenshot('counter-address-split');
    const giangVo = await address.splitOptionCode('Giảng Võ');
    await address.tapOption(giangVo);
    expect(await address.chosen()).toMatchObject({ code: giangVo });

    // Clearing the pick leaves the text alone, stored as typed: the screen says so.
    await address.clearPick();
    expect(await address.chosen()).toBeNull();
    await address.type('so 12 zzz');
    await expect.poll(() => address.status()).toBe('Không tìm thấy xã, phường nào khớp: địa chỉ sẽ được lưu đúng như đã gõ.');
    await context.close();
  });

  it('fits a portrait 1080x1920 counter with the list open', async () => {
    const context = await harness.newContext({ viewport: { width: 1080, height: 1920 } });
    const counter = await CounterPage.enrolled(context, harness.server.url, { name: 'Lê Văn Hùng', pin: '1357' });
    const address = new AddressFieldModel(counter.page);
    await address.type('xa yen thanh yen mo');
    await expect.poll(() => address.options.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await address.horizontalOverflow()).toBeLessThanOrEqual(0);
    await counter.expectScreenshot('counter-address-portrait');
    await context.close();
  });
});
