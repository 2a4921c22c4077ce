/**
 * The front desk end to end in Chromium, kiosk, counter and waiting-room display each in its own
 * browser context, against the real server (SQLite) on loopback: a number taken and printed, called
 * at a counter, shown and announced on the display; then the server stops, the kiosk still gives
 * numbers, the counter calls one by hand, and everything reaches the server once it is back.
 * Faked only at the edges: the Electron print bridge (its log is the printout) and the system voice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoCenter } from '../../server/centers/addCenter.ts';
import { dayNumberOf, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import { queueSettingsSchema } from '../../shared/queue/queueSettings.ts';
import demoSettings from '../../shared/queue/demoQueueSettings.json';
import { startRestartableServer, type RestartableServer } from '../support/restartableServer.ts';
import { launchBrowser } from './support/browser.ts';
import { installFakeBridge } from './support/fakeBridge.ts';
import { installFakeSpeech } from './support/fakeSpeech.ts';
import { newTestContext } from './support/harness.ts';
import { testNow } from './support/testClock.ts';
import { CounterPage } from './pageModels/CounterPage.ts';
import { CallingBarPage, DisplayPage, photographPrinted, QueueAdminPage, QueueKioskPage } from './pageModels/QueuePages.ts';

let browser: Browser;
let server: RestartableServer;
let dataDir: string;
const contexts: BrowserContext[] = [];

/** A fresh profile on the suite's clock (support/harness.ts); this file runs its own server, stopped and started. */
async function context(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const c = await newTestContext(browser, { viewport });
  contexts.push(c);
  return c;
}

async function serverIssues(): Promise<string[]> {
  const events = await server.store().queueEventsOfDay('DEMO', isoFromDayNumber(dayNumberOf(testNow())), 0, 10_000);
  if (!events.ok) throw new Error(events.error.reason);
  return events.value.flatMap((e) => (e.kind === 'issue' ? [e.number] : []));
}

async function serverKinds(number: string): Promise<string[]> {
  const events = await server.store().queueEventsOfDay('DEMO', isoFromDayNumber(dayNumberOf(testNow())), 0, 10_000);
  if (!events.ok) throw new Error(events.error.reason);
  return events.value.filter((e) => 'number' in e && e.number === number).map((e) => e.kind);
}

beforeAll(async () => {
  // A TV runs its browser with sound allowed from the start (no one taps a wall screen).
  browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
  dataDir = await mkdtemp(join(tmpdir(), 'motcua-e2e-queue-'));
  server = await startRestartableServer(dataDir, { webRoot: resolve(import.meta.dirname, '../../dist/renderer'), now: testNow });
  const seeded = await ensureDemoCenter(server.store());
  if (!seeded.ok) throw new Error(seeded.error);
  const saved = await server.store().saveQueueSettings('DEMO', queueSettingsSchema.parse(demoSettings), null, null);
  if (!saved.ok) throw new Error(saved.error.reason);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the front desk', () => {
  it('takes and prints a number at the kiosk, calls it at a counter, shows and announces it; keeps going with the server down', async () => {
    // The kiosk (Electron shell faked at its bridge: what it prints is logged), enrolled once in its settings.
    const kioskContext = await context({ width: 1366, height: 768 });
    await installFakeBridge(kioskContext, { adminPin: '2580' });
    const kiosk = new QueueKioskPage(await kioskContext.newPage());
    const kioskCode = await kiosk.setUp(server.url, '2580');
    expect(kioskCode).toMatch(/^D\d{2}$/);
    await kiosk.goHome();

    // The waiting-room TV, 1920x1080, with a fake system voice that writes down what it says.
    const displayContext = await context({ width: 1920, height: 1080 });
    await installFakeSpeech(displayContext, [{ lang: 'vi-VN', name: 'Fake An' }]);
    const display = new DisplayPage(await displayContext.newPage());
    await display.open(server.url);

    // A citizen takes a number for hộ tịch from the home screen.
    await kiosk.openTakeNumber();
    await kiosk.expectScreenshot('queue-kiosk-take');
    expect(await kiosk.takeNumberViolations()).toEqual([]);
    const first = await kiosk.takeFor('ho-tich');
    expect(first).toBe('A001');
    await expect.poll(() => kiosk.printState()).toBe('printed');
    await kiosk.expectScreenshot('queue-ticket');
    expect(await kiosk.ticketViolations()).toEqual([]);
    const printedFirst = (await kiosk.printed())[0]!;
    expect(printedFirst).toContain('A001');
    expect(printedFirst).toContain('A – Hộ tịch – Chứng thực');
    expect(printedFirst).toContain('Có 0 người chờ trước Ông/bà');
    expect(printedFirst).toContain('Ông/bà sẽ được gọi ngay');
    await photographPrinted(kioskContext, printedFirst, 'queue-ticket-printed');
    await kiosk.dismissTicket();
    // A second person, elderly: one ordinary number before (the center calls one priority number after every 3).
    await kiosk.openTakeNumber();
    await kiosk.choosePriority('elderly');
    expect(await kiosk.takeFor('ho-tich')).toBe('A002');
    const printedSecond = (await kiosk.printed())[1]!;
    expect(printedSecond).toContain('Ưu tiên: Người cao tuổi');
    expect(printedSecond).toContain('Có 1 người chờ trước Ông/bà');
    expect(printedSecond).toMatch(/Thời gian chờ dự kiến: khoảng \d+ phút/);
    await kiosk.dismissTicket();
    await expect.poll(() => display.nextNumbers('ho-tich')).toContain('A001');

    // The counter: enrolled, the first admin signed in, desk 1 chosen.
    const counterContext = await context({ width: 1366, height: 768 });
    const counterApp = await CounterPage.enrolled(counterContext, server.url);
    const bar = new CallingBarPage(counterApp.page);
    await bar.chooseDesk(1);
    const calledAt = Date.now();
    await bar.callNext();
    await expect.poll(() => bar.current()).toBe('A001');
    // The display shows it, highlighted, and says it.
    await expect.poll(() => display.ticketAt(1), { timeout: 5000 }).toBe('A001');
    const shownAfterMs = Date.now() - calledAt;
    expect(await display.isFresh(1)).toBe(true);
    // The chime first (about 1.5 s), then the words.
    await expect.poll(async () => (await display.spoken()).map((u) => u.text), { timeout: 10_000 }).toEqual(['Mời số A001 đến quầy số 1']);
    expect((await display.spoken())[0]!.lang).toBe('vi-VN');
    console.log(`call → display: ${shownAfterMs} ms (counter click to the number on the TV, polled)`);
    await bar.expectScreenshot('queue-counter-bar');
    await display.expectScreenshot('queue-display');

    // A recall is announced again; then the desk serves to the end.
    await bar.recall();
    await expect.poll(async () => (await display.spoken()).length, { timeout: 10_000 }).toBe(2);
    expect(await display.announcement()).toContain('Nhắc lại');
    await bar.start();
    await bar.finish();
    await bar.callNext();
    await expect.poll(() => bar.current()).toBe('A002');
    await bar.noShow();

    // A pause with its reason shows on the TV; then a number is sent on to another service.
    await bar.pause('break');
    await expect.poll(() => display.deskRow(1)).toContain('Tạm dừng');
    await bar.resume();
    await kiosk.openTakeNumber();
    expect(await kiosk.takeFor('ho-tich')).toBe('A003');
    await kiosk.dismissTicket();
    await bar.callNext();
    await expect.poll(() => bar.current()).toBe('A003');
    await bar.transferToService('dat-dai');
    await expect.poll(() => display.nextNumbers('dat-dai')).toContain('A003');

    // The server goes down. The kiosk still gives numbers, its own, and prints them.
    await server.stop();
    await expect.poll(() => bar.link(), { timeout: 60_000 }).toBe('offline');
    await kiosk.openTakeNumber();
    await kiosk.waitForOfflineNote();
    const offline = await kiosk.takeFor('ho-tich');
    expect(offline).toBe(`${kioskCode}-A001`);
    await expect.poll(() => kiosk.printState()).toBe('printed');
    const printedOffline = (await kiosk.printed()).at(-1)!;
    expect(printedOffline).toContain(offline);
    expect(printedOffline).toContain('mất kết nối');
    await photographPrinted(kioskContext, printedOffline, 'queue-ticket-offline-printed');
    await kiosk.dismissTicket();

    // The counter cannot ask the server for the next number, so it calls the ticket by hand.
    await bar.callNext();
    await expect.poll(() => bar.message()).toContain('gọi số bằng tay');
    await bar.callByHand(offline.toLowerCase());
    await expect.poll(() => bar.current()).toBe(offline);
    await bar.start();
    await bar.finish();
    expect(await bar.pending()).toBeGreaterThanOrEqual(3);
    await bar.expectScreenshot('queue-counter-offline');

    // The server is back: everything made meanwhile reaches it once, and the screens follow again.
    await server.start();
    await expect.poll(async () => (await serverIssues()).sort(), { timeout: 60_000 }).toEqual(['A001', 'A002', 'A003', offline].sort());
    await expect.poll(() => serverKinds(offline), { timeout: 60_000 }).toEqual(expect.arrayContaining(['issue', 'manual_call', 'start', 'finish']));
    await expect.poll(() => bar.pending(), { timeout: 60_000 }).toBe(0);
    const dup = await server.store().duplicateQueueNumbers('DEMO');
    expect(dup.ok && dup.value).toEqual([]);
    expect((await serverKinds(offline)).filter((k) => k === 'issue')).toHaveLength(1);
    await expect.poll(() => display.link(), { timeout: 60_000 }).toBe('live');
    await kiosk.openTakeNumber();
    expect(await kiosk.takeFor('dat-dai')).toBe('B001');
    await kiosk.dismissTicket();
    await expect.poll(() => display.nextNumbers('dat-dai')).toContain('B001');
  });

  it('lets the center admin set the queue up from an admin device, and shows the take-number screen in portrait', async () => {
    // The staff member is an admin, but this PC is an ordinary counter to the server: refused, said plainly.
    const plainContext = await context({ width: 1366, height: 768 });
    const plainCounter = await CounterPage.enrolled(plainContext, server.url, { name: 'Lê Văn Quản', pin: '1357' });
    const plainAdmin = new QueueAdminPage(plainCounter.page);
    await plainAdmin.savePriorityFirst();
    await expect.poll(() => plainAdmin.settingsMessage()).toContain('Máy này không được làm việc này');
    // The center admin's device, enrolled with the center's admin enrolment code, may.
    const counterContext = await context({ width: 1366, height: 768 });
    const counterApp = await CounterPage.enrolled(counterContext, server.url, { name: 'Lê Văn Quản', pin: '1357' }, '', true);
    const admin = new QueueAdminPage(counterApp.page);
    await admin.savePriorityFirst();
    await expect.poll(() => admin.settingsMessage()).toContain('Đã lưu (phiên bản 2)');
    await counterApp.expectScreenshot('queue-settings');
    const stored = await server.store().queueSettings('DEMO');
    expect(stored.ok && stored.value?.settings.priority).toEqual({ mode: 'first' });
    await admin.closeSettings();

    // The admin's figures carry the front desk's day: numbers, absences, waits by service, counter, hour.
    await admin.openFigures();
    expect(await admin.figure('tickets')).toBe(5);
    expect(await admin.figure('noShows')).toBe(1);
    expect(await admin.figure('served')).toBe(2);
    await admin.waitForCounterRow('01');
    const csv = await admin.downloadCsv();
    expect(csv.startsWith('\uFEFFNhóm,Tên,Số đã cấp')).toBe(true);
    expect(csv).toContain('Quầy 1');
    await admin.showFigures();
    // The minutes waited and served come from the real time the first test took: masked.
    await counterApp.expectScreenshot('queue-figures', ...admin.minuteFigures());

    const portrait = await context({ width: 1080, height: 1920 });
    await installFakeBridge(portrait, { adminPin: '2580' });
    const kiosk = new QueueKioskPage(await portrait.newPage());
    await kiosk.setUp(server.url, '2580', 'Kiosk cửa');
    await kiosk.goHome();
    await kiosk.openTakeNumber();
    await kiosk.expectScreenshot('queue-kiosk-take-portrait');
    expect(await kiosk.takeNumberViolations()).toEqual([]);
    await kiosk.takeFor('xa-hoi');
    await kiosk.expectScreenshot('queue-ticket-portrait');
  });
});
