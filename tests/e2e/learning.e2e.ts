/**
 * Learning from what citizens type, end to end in Chromium with a real server: a kiosk (enrolled
 * from its hidden settings) is asked for "lam giay con son" ("còn son": still single, the
 * everyday way to ask for the marital-status certificate) and finds nothing; the search reaches the
 * server scrubbed; the center admin sees it on "Câu tìm kiếm chưa có kết quả", teaches it, and the
 * kiosk finds Xác nhận tình trạng hôn nhân after its next pull.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNE_CATALOG, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { DEMO_CENTER } from '../../server/centers/addCenter.ts';
import { CounterPage } from './pageModels/CounterPage.ts';
import { KioskPage } from './pageModels/KioskPage.ts';
import { KioskSettingsPage } from './pageModels/KioskSettingsPage.ts';
import { LearningPage } from './pageModels/LearningPage.ts';
import { installFakeBridge } from './support/fakeBridge.ts';
import { useBrowserAndServer } from './support/harness.ts';

const harness = useBrowserAndServer({ server: { catalogPath: join(sharedDataDir(), COMMUNE_CATALOG) } });
const SINGLE_STATUS = '1.004873';
const QUERY = 'lam giay con son';

const contextOptions = { viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN' } as const;
const storedSearches = async () => {
  const counted = await harness.server.store.countSearchSessions(DEMO_CENTER.code);
  if (!counted.ok) throw new Error(counted.error.reason);
  return counted.value;
};

describe('learning from what citizens type', () => {
  it('an admin sees a search that found nothing, teaches it, and the kiosk finds the procedure after its next pull', async () => {
    // The kiosk, in its shell, enrolled with the center from its hidden settings.
    const kioskContext = await harness.browser.newContext(contextOptions);
    await installFakeBridge(kioskContext, { adminPin: '2580' });
    const kiosk = new KioskPage(await kioskContext.newPage());
    await kiosk.open(`${harness.server.url}?idle=8`);
    const settings = new KioskSettingsPage(kiosk.page);
    await settings.open('2580');
    await settings.fillEnrolment(DEMO_CENTER.code, DEMO_CENTER.enrolmentCode, 'Ki-ốt sảnh');
    await kiosk.screenshot('learning-kiosk-enrol');
    await settings.submitEnrolment();
    expect(await settings.enrolledText()).toContain('Ki-ốt đã đăng ký với Trung tâm');
    await kiosk.screenshot('learning-kiosk-enrolled');
    await settings.close();

    // A citizen types it twice: nothing answers the whole query. Once they go home, once the kiosk resets itself.
    for (const leave of ['home', 'idle'] as const) {
      await kiosk.tapType(QUERY);
      await kiosk.page.getByTestId('no-result').waitFor();
      expect(await kiosk.page.getByTestId('results').getAttribute('data-kind')).not.toBe('match');
      expect(await kiosk.resultCodes()).not.toContain(SINGLE_STATUS);
      if (leave === 'home') await kiosk.page.getByTestId('home-button').click();
      await expect.poll(() => kiosk.searchInput.inputValue(), { timeout: 20_000 }).toBe('');
    }
    await expect.poll(storedSearches, { timeout: 20_000 }).toBe(2);

    // The center admin's device: the search is on the list, twice.
    const adminContext = await harness.browser.newContext(contextOptions);
    const counter = await CounterPage.enrolled(adminContext, harness.server.url, undefined, '', true);
    const learning = new LearningPage(counter.page);
    await learning.open();
    await expect.poll(() => learning.unmatched()).toEqual([{ query: QUERY, count: 2 }]);
    await learning.screenshot('learning-unmatched');

    // Teaching it: the words that matter, and another way people say it; one spelling twice is refused.
    await learning.teach('lam giai con son');
    await learning.setPhrase(0, 'còn son');
    await learning.setPhrase(1, 'con son');
    // A phrase may also mean an existing concept; here the admin looks, then points at the procedure itself.
    await learning.searchConcept('độc thân', 'event.single');
    await learning.screenshot('learning-teach-concept');
    await learning.searchProcedure('tình trạng hôn nhân');
    await learning.screenshot('learning-teach-search');
    await learning.pickProcedure(SINGLE_STATUS);
    expect(await learning.submit()).toContain('ít nhất hai cách nói');
    await learning.setPhrase(1, 'vẫn còn son');
    await learning.screenshot('learning-teach-dialog');
    expect(await learning.submit()).toBeNull();
    expect(await learning.notice.textContent()).toContain('phiên bản 1');
    await expect.poll(() => learning.unmatched()).toEqual([]);
    expect(await learning.taught()).toEqual(['còn son · vẫn còn son']);
    await learning.screenshot('learning-taught');
    await counter.page.setViewportSize({ width: 1080, height: 1920 });
    await learning.screenshot('learning-taught-portrait');

    // The kiosk pulls the new vocabulary at its next start and now finds the procedure first.
    await kiosk.page.reload();
    await kiosk.footer.waitFor();
    await kiosk.tapType(QUERY);
    await expect.poll(async () => (await kiosk.resultCodes())[0], { timeout: 20_000 }).toBe(SINGLE_STATUS);
    expect(await kiosk.page.getByTestId('results').getAttribute('data-kind')).toBe('match');
    await kiosk.screenshot('learning-kiosk-found');

    // Choosing it is recorded too, and does not put the search back on the admin's list.
    await kiosk.openResult(SINGLE_STATUS);
    await expect.poll(storedSearches, { timeout: 20_000 }).toBe(3);
    await learning.reload();
    await expect.poll(() => learning.unmatched()).toEqual([]);

    await kioskContext.close();
    await adminContext.close();
  });

  it('records nothing typed at the counter', async () => {
    const before = await storedSearches();
    const context = await harness.browser.newContext(contextOptions);
    const counter = await CounterPage.enrolled(context, harness.server.url, { name: 'Trần Văn Bình', pin: '1357' });
    await counter.page.getByTestId('procedure-search').fill('giấy còn son cho Nguyễn Văn An');
    await counter.page.getByTestId('procedure-search').fill('');
    await counter.page.getByTestId('nav-worklist').click();
    expect(await counter.page.evaluate(() => new Promise<number>((done) => {
      const open = indexedDB.open('motcua');
      open.onsuccess = () => {
        const tx = open.result.transaction('searchSessions', 'readonly');
        const count = tx.objectStore('searchSessions').count();
        count.onsuccess = () => done(count.result);
      };
    }))).toBe(0);
    expect(await storedSearches()).toBe(before);
    await context.close();
  });
});
