/**
 * Question flows and the personal checklist end to end, in Chromium against the real server with
 * the real commune catalog: typed on the on-screen keyboard, a few taps to the right variant, the
 * checklist on one screen, printed through the shell on 80 mm, its QR code read back, read aloud
 * with a stand-in voice, and every screen checked with axe-core.
 *
 * The citizen's own sentences, tapped on the on-screen keyboard with their tones: "bố tôi mất rồi" leads
 * to the khai tử questions, "tôi muốn lấy vợ người Lào" to kết hôn with the foreign and border questions.
 */
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COMMUNE_CATALOG, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { dayNumberOf, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import { DEMO_CENTER } from '../../shared/demo/demoCenter.ts';
import { utf8Bytes } from '../../shared/guidance/checklistQrText.ts';
import demoQueueSettings from '../../shared/queue/demoQueueSettings.json';
import { queueSettingsSchema } from '../../shared/queue/queueSettings.ts';
import { installFakeBridge, shellLog } from './support/fakeBridge.ts';
import { installFakeSpeech, spokenSoFar } from './support/fakeSpeech.ts';
import { useBrowserAndServer } from './support/harness.ts';
import { testNow } from './support/testClock.ts';
import { GuidancePage } from './pageModels/GuidancePage.ts';
import { KioskSettingsPage } from './pageModels/KioskSettingsPage.ts';

const LANDSCAPE = { width: 1366, height: 768 };
const PORTRAIT = { width: 1080, height: 1920 };

const harness = useBrowserAndServer({ server: { catalogPath: join(sharedDataDir(), COMMUNE_CATALOG) } });

async function newKiosk(options: { viewport?: typeof LANDSCAPE; shell?: boolean; voices?: { lang: string; name: string }[]; idle?: number } = {}) {
  const context: BrowserContext = await harness.newContext({ viewport: options.viewport ?? LANDSCAPE });
  if (options.shell) await installFakeBridge(context, { adminPin: '2580' });
  if (options.voices) await installFakeSpeech(context, options.voices);
  const kiosk = new GuidancePage(await context.newPage());
  await kiosk.open(options.idle ? `${harness.server.url}?idle=${options.idle}` : harness.server.url);
  await expect.poll(() => kiosk.catalogOrigin()).toBe('server');
  return { context, kiosk };
}

describe('guided choice of a procedure at the kiosk', () => {
  it('"bố tôi mất rồi" → the khai tử questions → the checklist, printed on 80 mm and carried in a QR code', async () => {
    const { context, kiosk } = await newKiosk({ shell: true });
    await kiosk.tapTypeVietnamese('bố tôi mất rồi');
    expect(await kiosk.searchInput.inputValue()).toBe('bố tôi mất rồi');
    await kiosk.openOfferedFamily('khai-tu');
    expect(await kiosk.accessibilityViolations()).toEqual([]);

    expect(await kiosk.currentQuestion()).toBe('status');
    await kiosk.answer('new');
    expect(await kiosk.currentQuestion()).toBe('who');
    await kiosk.expectScreenshot('flow-question-landscape');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);
    await kiosk.answerAll('vn', 'yes');

    expect(await kiosk.checklistCode()).toBe('1.000656');
    const lines = await kiosk.checklistLines();
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines[0]).toContain('Tờ khai đăng ký khai tử');
    expect(lines.join('\n')).toContain('Giấy báo tử');
    expect(lines.join('\n')).toContain('Lệ phí');
    // Only the documents that apply: no evidence for a long-ago death when there is a death notice.
    expect(lines.join('\n')).not.toContain('chứng cứ');
    await kiosk.expectScreenshot('checklist-landscape');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);
    // The front desk's "take a number" is in place but hidden until that work switches it on.
    expect(await kiosk.takeNumber()).toEqual({ present: 1, hidden: true });

    // The QR code holds the checklist itself, readable with no network, and the portal link.
    const qr = await kiosk.readChecklistQr();
    expect(qr).toContain('Đăng ký khai tử (1.000656)');
    expect(qr).toContain('Giấy báo tử');
    expect(qr).toMatch(/https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\/\S+$/);
    expect(utf8Bytes(qr!)).toBeLessThan(1000);

    // Printed through the shell on the 80 mm roll.
    expect(await kiosk.printChecklist()).toContain('Đã in');
    const printed = (await shellLog(kiosk.page)).printed;
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('@page { size: 80mm auto');
    expect(printed[0]).toContain('Giấy báo tử');
    expect(printed[0]).toContain('data:image/png;base64,');
    expect(await kiosk.expectPrintedSlipScreenshot(printed[0]!, 'checklist-printed-80mm')).toBeGreaterThan(300);

    // Change an answer: the later ones are forgotten and the question is asked again.
    await kiosk.changeAnswer('paper');
    await kiosk.answer('no');
    expect(await kiosk.checklistCode()).toBe('1.000656');
    expect((await kiosk.checklistLines()).join('\n')).toContain('chứng minh việc người đó đã mất');

    // "Back" in the header goes to the previous question.
    await kiosk.back();
    expect(await kiosk.currentQuestion()).toBe('paper');

    // "Không phải? chọn khác": the plain list of the family.
    await kiosk.leaveForList();
    expect(await kiosk.familyCodes()).toEqual(expect.arrayContaining(['1.000656', '1.001766', '1.004827', '1.005461']));
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await context.close();
  });

  it('"tôi muốn lấy vợ người Lào" → the foreign-element and border questions → kết hôn ở khu vực biên giới', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.tapTypeVietnamese('tôi muốn lấy vợ người Lào');
    await kiosk.offer.waitFor();
    expect(await kiosk.offeredFamilies()).toEqual(['ket-hon']);
    await kiosk.expectScreenshot('results-flow-offer');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.openOfferedFamily('ket-hon');
    await kiosk.answer('new');
    expect(await kiosk.currentQuestion()).toBe('partner');
    expect((await kiosk.answerTexts()).join(' ')).toContain('người nước ngoài');
    await kiosk.answer('yes');
    expect(await kiosk.currentQuestion()).toBe('border');
    expect(await kiosk.question.textContent()).toContain('biên giới');
    await kiosk.answer('yes');
    expect(await kiosk.checklistCode()).toBe('1.000094');
    expect((await kiosk.checklistLines()).join('\n')).toContain('nước láng giềng');
    // The full legal detail is one tap away.
    await kiosk.openFullDetail();
    expect(await kiosk.detailTitle()).toContain('khu vực biên giới');
    // The search is recorded with the path walked through the questions (learning from what citizens type).
    await expect.poll(() => kiosk.recordedSearches()).toEqual([
      expect.objectContaining({ query: 'tôi muốn lấy vợ người lào', outcome: 'chosen', chosen: '1.000094', flowPath: ['ket-hon', 'need=new', 'partner=yes', 'border=yes'] }),
    ]);
    await context.close();
  });

  it('starts from a life-event tile and from a procedure page, and fits a portrait kiosk', async () => {
    const { context, kiosk } = await newKiosk({ viewport: PORTRAIT });
    await kiosk.openLifeEvent('khai-sinh');
    expect(await kiosk.currentQuestion()).toBe('who');
    await kiosk.answerAll('baby', 'vn', 'no');
    expect(await kiosk.checklistCode()).toBe('1.001193');
    await kiosk.expectScreenshot('checklist-portrait');
    expect(await kiosk.overflowsSideways()).toBe(false);
    expect(await kiosk.accessibilityViolations()).toEqual([]);

    await kiosk.goHome();
    await kiosk.tapType('khai sinh');
    await kiosk.openResult('1.001193');
    await kiosk.openOfferedFamily('khai-sinh');
    expect(await kiosk.currentQuestion()).toBe('who');
    await context.close();
  });

  it('reads the question, its answers and the checklist aloud with a Vietnamese voice', async () => {
    const { context, kiosk } = await newKiosk({ voices: [{ lang: 'en-US', name: 'English' }, { lang: 'vi-VN', name: 'Microsoft An' }] });
    await kiosk.searchAndOpenFamily('khai tu', 'khai-tu');
    await kiosk.readAloud();
    await expect.poll(async () => (await spokenSoFar(kiosk.page)).length).toBeGreaterThan(3);
    const spoken = await spokenSoFar(kiosk.page);
    expect(spoken[0]).toEqual({ text: 'Việc mất này đã được đăng ký khai tử chưa?', lang: 'vi-VN', voice: 'Microsoft An' });
    expect(spoken.map((s) => s.text)).toContain('1. Chưa đăng ký');

    await kiosk.answerAll('new', 'vn', 'yes');
    await kiosk.readAloud(true);
    await expect.poll(async () => (await spokenSoFar(kiosk.page)).map((s) => s.text).join('\n')).toContain('Giấy báo tử');
    await context.close();
  });

  it('hides "read aloud" when the system has no Vietnamese voice', async () => {
    const { context, kiosk } = await newKiosk({ voices: [{ lang: 'en-US', name: 'English' }] });
    await kiosk.searchAndOpenFamily('khai tu', 'khai-tu');
    // Give the late voices time to arrive (the fake sends them after 300 ms), then look again.
    await kiosk.waitForVoices();
    expect(await kiosk.offersReadAloud()).toBe(false);
    // The English interface has an English voice, so there the button shows.
    await kiosk.chooseLanguage('en');
    await kiosk.waitForReadAloud();
    await context.close();
  });

  it('large text and high contrast, on every guidance screen, accessible', async () => {
    const { context, kiosk } = await newKiosk();
    const usual = await kiosk.rootFontSize();
    await kiosk.toggleDisplay('large-text');
    await expect.poll(() => kiosk.rootFontSize()).toBeGreaterThan(usual * 1.2);
    await kiosk.expectScreenshot('large-text');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.toggleDisplay('high-contrast');
    expect(await kiosk.displayChoices()).toMatchObject({ text: 'large', contrast: 'high' });
    await kiosk.expectScreenshot('high-contrast');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);

    await kiosk.openLifeEvent('khai-tu');
    await kiosk.expectScreenshot('flow-question-high-contrast-large');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.answerAll('new', 'vn', 'yes');
    await kiosk.checklist.waitFor();
    await kiosk.expectScreenshot('checklist-high-contrast-large');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);
    await context.close();
  });

  it('keeps the display choices while the citizen stays, and resets them when the citizen walks away', async () => {
    const { context, kiosk } = await newKiosk({ idle: 6 });
    await kiosk.toggleDisplay('large-text');
    await kiosk.toggleDisplay('high-contrast');
    // The idle warning lets the citizen stay; left alone, the kiosk resets to the usual display.
    await kiosk.waitForIdleWarning();
    expect(await kiosk.accessibilityViolations('[data-testid="idle-warning"]')).toEqual([]);
    await kiosk.stayAfterIdleWarning();
    expect(await kiosk.displayChoices()).toMatchObject({ text: 'large', contrast: 'high' });
    await kiosk.waitForIdleReset();
    const dataset = await kiosk.displayChoices();
    expect(dataset).not.toHaveProperty('text');
    expect(dataset).not.toHaveProperty('contrast');
    expect(await kiosk.displayPressed('large-text')).toBe('false');
    await context.close();
  });

  it('with the bundled demo catalog, an outcome whose procedure it lacks falls back to the plain list', async () => {
    const context = await harness.newContext({ viewport: LANDSCAPE });
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    const kiosk = new GuidancePage(await context.newPage());
    await kiosk.open(harness.server.url);
    await kiosk.waitForDemoBanner();
    await kiosk.openLifeEvent('khai-tu');
    await kiosk.answerAll('new', 'foreigner', 'yes');
    await kiosk.waitForFallback();
    expect(await kiosk.familyCodes()).toContain('1.000656');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    // The plain variant is in the demo catalog: that path still ends on a checklist.
    await kiosk.restartFlow();
    await kiosk.answerAll('new', 'vn', 'yes');
    expect(await kiosk.checklistCode()).toBe('1.000656');
    await context.close();
  });
  it("gives a queue number from the checklist once the kiosk is enrolled and its center has a queue", async () => {
    const settings = await harness.server.store.saveQueueSettings(DEMO_CENTER.code, queueSettingsSchema.parse(demoQueueSettings), null, null);
    expect(settings.ok).toBe(true);
    const { context, kiosk } = await newKiosk({ shell: true });
    const admin = new KioskSettingsPage(kiosk.page);
    await admin.open('2580');
    await admin.fillEnrolment(DEMO_CENTER.code, DEMO_CENTER.enrolmentCode, 'Kiosk hướng dẫn');
    await admin.submitEnrolment();
    await admin.close();

    await kiosk.tapTypeVietnamese('bố tôi mất rồi');
    await kiosk.openOfferedFamily('khai-tu');
    await kiosk.answer('new');
    await kiosk.answerAll('vn', 'yes');
    expect(await kiosk.checklistCode()).toBe('1.000656');
    // Khai tử is a civil-status procedure: the desk for hộ tịch (letter A) gives it a number, printed like any ticket.
    expect(await kiosk.takeNumberFromChecklist()).toBe('A001');
    const printed = (await shellLog(kiosk.page)).printed;
    expect(printed.at(-1)).toContain('A001');
    expect(printed.at(-1)).toContain('Hộ tịch – Chứng thực');
    const issued = await harness.server.store.queueEventsOfDay(DEMO_CENTER.code, isoFromDayNumber(dayNumberOf(testNow())), 0, 100);
    expect(issued.ok && issued.value.filter((e) => e.kind === 'issue').map((e) => [e.number, e.procedureCode])).toEqual([['A001', '1.000656']]);
    await kiosk.expectScreenshot('checklist-queue-ticket');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await context.close();
  });
});
