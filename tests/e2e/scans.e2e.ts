/**
 * Scans end to end in Chromium against the real server: a 4000 x 3000 photo of a paper (drawn in
 * the browser, text and sensor noise, larger than the 5 MB limit) is made smaller on the device
 * before it is stored, a PDF is kept as it is, files that are not scans are refused with messages
 * next to the field; the file is saved, its scans are stored as Blobs beside (not inside) the
 * record, uploaded byte for byte, and shown on demand from the worklist.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { paperPhoto } from './support/paperPhoto.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { DeviceStorage } from './pageModels/DeviceStorage.ts';

const harness = useBrowserAndServer();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('scans at the counter', () => {
  it('shrinks a large photo, keeps a PDF, refuses other files next to the field, stores and sends them apart from the record', async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCardAndWait(testCardQr(41));
    await counter.tickAllDocuments();

    const photo = await paperPhoto(counter.page, { width: 4000, height: 3000 });
    expect(photo.length).toBeGreaterThan(5 * 1024 * 1024);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(180_000, 0x20), Buffer.from('\n%%EOF\n')]);
    await counter.attachScans([
      { name: 'giay-chung-sinh.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải bản chụp') },
      { name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('đây là chữ, không phải PDF') },
    ]);

    const problems = await counter.scanProblems();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('ghi-chu.txt: chỉ nhận ảnh');
    expect(problems[1]).toContain('gia-mao.pdf: chỉ nhận ảnh');
    const listed = await counter.formScans();
    expect(listed.map((s) => s.type)).toEqual(['image/jpeg', 'application/pdf']);
    expect(listed[0]!.size).toBeLessThan(600 * 1024);
    expect(listed[0]!.text).toMatch(/thu nhỏ từ \d+\.\d MB/);
    expect(listed[1]!.size).toBe(pdf.length);
    await counter.expectScreenshot('counter-scans-form');

    // Saved offline: the file and its scans wait on the device, and the outbox says so.
    await context.setOffline(true);
    const number = await counter.save();
    await counter.nextFile();
    await counter.openOutbox();
    await expect.poll(() => counter.outboxScansPending()).toBe('2');
    expect(await counter.scansWaiting()).toBe(2);
    await counter.expectScreenshot('counter-scans-outbox');
    await context.setOffline(false);
    await counter.syncNow();
    const device = await new DeviceStorage(counter.page).scansOf(number);
    expect(device.holdsBytesInline).toBe(false);
    // A few KB of references and sealed personal data, against the ~400 KB of scan bytes kept apart.
    expect(device.recordJsonBytes).toBeLessThan(5000);
    expect(device.outboxJsonBytes).toBeLessThan(5000);
    expect(device.stored.sort((a, b) => (b.type ?? '').localeCompare(a.type ?? ''))).toEqual([
      { type: 'image/jpeg', size: listed[0]!.size, plainCopy: false },
      { type: 'application/pdf', size: pdf.length, plainCopy: false },
    ]);

    await expect.poll(() => counter.pendingCount(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => counter.scansWaiting(), { timeout: 60_000 }).toBe(0);
    const found = await harness.server.store.listFiles('DEMO', { number, limit: 1 });
    const fileId = found.ok ? found.value.files[0]!.id : '';
    const record = await harness.server.store.findFile('DEMO', fileId);
    const refs = record.ok && record.value ? record.value.attachments : [];
    expect(refs.map((r) => r.type)).toEqual(['image/jpeg', 'application/pdf']);
    for (const ref of refs) {
      const scan = await harness.server.store.readScan('DEMO', ref.id);
      expect(scan.ok && scan.value && sha256(scan.value.data)).toBe(ref.sha256);
    }
    expect(sha256(pdf)).toBe(refs[1]!.sha256);

    await counter.openScansOf(number);
    await expect.poll(() => counter.uploadedScansShown()).toBe(2);
    await counter.openFirstScan();
    await expect.poll(() => counter.shownScanWidth()).toBe(1653);
    await counter.expectScreenshot('counter-scans-viewer');
    await counter.page.setViewportSize({ width: 1080, height: 1920 });
    await counter.expectScreenshot('counter-scans-viewer-portrait');
    await context.close();
  });
});
