/** The counter reads the căn cước QR through the camera (Chromium's fake camera plays a video of the card's code). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { writeQrVideo } from './support/qrVideo.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';

let browser: Browser;
let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-camera-'));
  const video = join(dir, 'card.y4m');
  await writeQrVideo(testCardQr(42), video);
  browser = await launchBrowser([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  server = await startTestServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('camera scanning at the counter', () => {
  it('fills the applicant from the card seen by the camera, then closes it', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.grantPermissions(['camera']);
    const counter = await CounterPage.enrolled(context, server.url);
    await counter.page.getByTestId('open-camera').click();
    await counter.page.getByTestId('camera-scanner').waitFor();
    await counter.screenshot('counter-camera');
    await counter.page.getByTestId('camera-scanner').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await counter.page.getByTestId('id-number').inputValue()).toBe('001090000042');
    expect(await counter.page.getByTestId('full-name').inputValue()).toBe('Nguyễn Văn Thử 42');
    expect(await counter.page.getByTestId('birth-date').inputValue()).toBe('04/05/1990');
    await context.close();
  });
});
