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
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';

const harness = useBrowserAndServer();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Runs in the page: a photo of a printed form, as a phone camera takes it, as a JPEG. */
async function paperPhoto({ width, height }: { width: number; height: number }): Promise<string> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  const light = ctx.createLinearGradient(0, 0, width, height);
  light.addColorStop(0, '#f4efe4');
  light.addColorStop(1, '#d9d2c3');
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1a1a2a';
  ctx.font = 'bold 90px serif';
  ctx.fillText('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 700, 260);
  ctx.font = '58px serif';
  for (let line = 0; line < 34; line += 1) {
    ctx.fillText(`${line + 1}. Họ và tên người yêu cầu: Nguyễn Văn Thử ${line} — nơi cư trú: thôn ${line}, xã Vĩnh Bảo`, 260, 440 + line * 74);
  }
  const image = ctx.getImageData(0, 0, width, height);
  let seed = 12345;
  for (let i = 0; i < image.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const noise = (seed % 41) - 20;
    image.data[i] = image.data[i]! + noise;
    image.data[i + 1] = image.data[i + 1]! + noise;
    image.data[i + 2] = image.data[i + 2]! + ((seed >> 8) % 31) - 15;
  }
  ctx.putImageData(image, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Runs in the page: what IndexedDB holds for the file, read with the raw API (the app's own code is not used). */
async function storedOnDevice(number: string) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('motcua');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const all = <T,>(store: string) =>
    new Promise<T[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as T[]);
      request.onerror = () => reject(request.error);
    });
  const files = await all<{ id: string; number: string }>('files');
  const file = files.find((f) => f.number === number)!;
  const scans = (await all<{ id: string; fileId: string; type: string; size: number }>('scans')).filter((s) => s.fileId === file.id);
  const blobs = await all<{ id: string; blob?: Blob; sealed?: { type: string; data: Blob } }>('scanBlobs');
  const outbox = await all<{ fileId: string; payload: unknown }>('outbox');
  const stored = [];
  for (const scan of scans) {
    const row = blobs.find((b) => b.id === scan.id)!;
    // Sealed at rest (AES-GCM adds a 16-byte tag); no plain copy beside it.
    stored.push({ type: row.sealed?.type ?? null, size: row.sealed ? row.sealed.data.size - 16 : -1, plainCopy: row.blob !== undefined });
  }
  db.close();
  // Sealed parts are bytes: counted by their length, so the size is what IndexedDB holds.
  const size = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? 'x'.repeat(v.byteLength) : v)).length;
  return {
    recordJsonBytes: size(file),
    outboxJsonBytes: size(outbox.filter((e) => e.fileId === file.id)),
    holdsBytesInline: /dataBase64|JVBER/.test(JSON.stringify(file) + JSON.stringify(outbox)),
    stored,
  };
}

describe('scans at the counter', () => {
  it('shrinks a large photo, keeps a PDF, refuses other files next to the field, stores and sends them apart from the record', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCard(testCardQr(41));
    await counter.page.getByTestId('register-notice').waitFor();
    await counter.tickAllDocuments();

    const photo = Buffer.from(await counter.page.evaluate(paperPhoto, { width: 4000, height: 3000 }), 'base64');
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
    await counter.screenshot('counter-scans-form');

    // Saved offline: the file and its scans wait on the device, and the outbox says so.
    await context.setOffline(true);
    const number = await counter.save();
    await counter.page.getByTestId('register-next').click();
    await counter.page.getByTestId('nav-outbox').click();
    await expect.poll(() => counter.page.getByTestId('scan-uploads').getAttribute('data-pending')).toBe('2');
    expect(await counter.scansWaiting()).toBe(2);
    await counter.screenshot('counter-scans-outbox');
    await context.setOffline(false);
    await counter.page.getByTestId('sync-now').click();
    const device = await counter.page.evaluate(storedOnDevice, number);
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
    const viewer = counter.page.getByTestId('scan-viewer');
    await expect.poll(() => viewer.locator('li[data-upload="uploaded"]').count()).toBe(2);
    await viewer.locator('li').first().getByRole('button').click();
    await expect.poll(() => counter.page.getByTestId('scan-image').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1653);
    await counter.screenshot('counter-scans-viewer');
    await counter.page.setViewportSize({ width: 1080, height: 1920 });
    await counter.screenshot('counter-scans-viewer-portrait');
    await context.close();
  });
});
