/** The counter reads the căn cước QR through the camera (Chromium's fake camera plays a video of the card's code). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { writeQrVideo } from './support/qrVideo.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';

// Chromium's fake camera plays this video of the card's QR code; it must exist before the browser starts.
const dir = await mkdtemp(join(tmpdir(), 'motcua-camera-'));
const video = join(dir, 'card.y4m');
await writeQrVideo(testCardQr(42), video, { leadIn: 15 });
const harness = useBrowserAndServer({
  browserArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('camera scanning at the counter', () => {
  it('fills the applicant from the card seen by the camera, then closes it', async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
    await context.grantPermissions(['camera']);
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await counter.openCamera();
    await counter.expectScreenshot('counter-camera');
    await counter.waitForCameraClosed();
    expect(await counter.fieldValue('id-number')).toBe('001090000042');
    expect(await counter.fieldValue('full-name')).toBe('Nguyễn Văn Thử 42');
    expect(await counter.fieldValue('birth-date')).toBe('04/05/1990');
    await context.close();
  });
});
