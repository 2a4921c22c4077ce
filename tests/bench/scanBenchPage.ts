/**
 * Runs inside Chromium for `npm run bench:scans`: real IndexedDB (Dexie), the app's own scan
 * preparation (images made smaller with the canvas), registration and sync engine. Exposed on
 * window.motcuaScanBench for the Node driver.
 */
import { DEMO_CENTER } from '../../shared/demo/demoCenter.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { registerFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { listOutbox, outboxCounts } from '../../renderer/data/outbox.ts';
import { scanCounts } from '../../renderer/data/scanStore.ts';
import { prepareScan } from '../../renderer/scans/prepareScan.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { createSyncEngine } from '../../renderer/sync/syncEngine.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import type { DeviceIdentity } from '../../renderer/data/db.ts';

const { deviceToken: tokens } = createMemoryPlatform();
let device: DeviceIdentity;

let db: MotcuaDb;

function walkIn(n: number): Omit<NewFileInput, 'attachments'> {
  return {
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    channel: 'in_person',
    citizen: {
      fullName: `Nguyễn Văn Thử ${n}`,
      birthDate: '1990-05-04',
      idNumber: `00109${String(n).padStart(7, '0')}`,
      sex: 'male',
      phone: '0912345678',
      address: `Thôn ${n % 12}, xã Vĩnh Bảo, Hải Phòng`,
    },
    documents: [{ name: 'Giấy chứng sinh', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 }],
    notes: null,
  };
}

/** A PDF of `bytes` bytes whose body does not compress (like a scanned page inside a PDF). */
function pdfScan(bytes: number, n: number): File {
  const head = new TextEncoder().encode(`%PDF-1.5\n% scan ${n}\n`);
  const body = new Uint8Array(bytes - head.length);
  for (let at = 0; at < body.length; at += 65536) crypto.getRandomValues(body.subarray(at, Math.min(at + 65536, body.length)));
  return new File([head, body], `scan-${n}.pdf`, { type: 'application/pdf' });
}

/** A camera photo of a printed page (text and sensor noise), about `bytes` as a JPEG. */
async function photoScan(n: number): Promise<File> {
  const width = 2400;
  const height = 1800;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#efe9dc';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#222';
  ctx.font = '40px serif';
  for (let line = 0; line < 30; line += 1) ctx.fillText(`${line + 1}. Họ và tên: Nguyễn Văn Thử ${n} — thôn ${line}, xã Vĩnh Bảo, Hải Phòng`, 120, 120 + line * 52);
  const image = ctx.getImageData(0, 0, width, height);
  let seed = n + 1;
  for (let i = 0; i < image.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const noise = (seed % 17) - 8;
    image.data[i] = image.data[i]! + noise;
    image.data[i + 1] = image.data[i + 1]! + noise;
    image.data[i + 2] = image.data[i + 2]! + noise;
  }
  ctx.putImageData(image, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  return new File([blob], `anh-${n}.jpg`, { type: 'image/jpeg' });
}

async function setup(dbName: string, enrolUrl: string, syncUrl: string): Promise<string> {
  db = openDb(dbName, await createMemoryCipher());
  const answer = await enrol(enrolUrl, { centerCode: DEMO_CENTER.code, enrolmentCode: DEMO_CENTER.enrolmentCode, locationCode: null, deviceName: dbName, role: 'counter' });
  if (!answer.ok) throw new Error(`enrol failed: ${answer.error.reason}`);
  const saved = await saveDevice(db, tokens, syncUrl, answer.value);
  if (!saved.ok) throw new Error(saved.error.reason);
  device = saved.value;
  return answer.value.deviceId;
}

/** Registers `count` files, each with one scan prepared by the app; returns times and sizes. */
async function register(count: number, kind: 'pdf' | 'photo', pdfBytes: number): Promise<{ saveMs: number[]; pickedBytes: number; storedBytes: number; firstOffset: number }> {
  const staff = { id: 'bench', name: 'Bench' };
  const firstOffset = (await db.files.count()) + 1;
  const saveMs: number[] = [];
  let pickedBytes = 0;
  let storedBytes = 0;
  for (let i = 0; i < count; i += 1) {
    const n = firstOffset + i;
    const picked = kind === 'pdf' ? pdfScan(pdfBytes, n) : await photoScan(n);
    const prepared = await prepareScan(picked);
    if (!prepared.ok) throw new Error(`scan refused: ${prepared.error.key}`);
    pickedBytes += picked.size;
    storedBytes += prepared.value.ref.size;
    const start = performance.now();
    const saved = await registerFile(db, { ...walkIn(n), attachments: [prepared.value.ref], scans: [prepared.value] }, { device, staff });
    saveMs.push(performance.now() - start);
    if (!saved.ok) throw new Error(saved.error.reason);
  }
  return { saveMs, pickedBytes, storedBytes, firstOffset };
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? -1;
}

interface Drained {
  seconds: number;
  cycles: number;
  failedCycles: number;
  pendingFiles: number;
  pendingScans: number;
  rejectedScans: number;
  scanBytes: number;
  /** Seconds from the start until every file record was on the server (scans may still be going). */
  recordsSeconds: number;
}

/** Syncs until no file and no scan waits; a failed cycle waits a little, as the engine's timer would. */
async function drain(timeoutMs: number, requestTimeoutMs: number): Promise<Drained> {
  const engine = createSyncEngine({ db, tokens, events: null, requestTimeoutMs, slowThresholdMs: 5_000 });
  const start = performance.now();
  let cycles = 0;
  let failedCycles = 0;
  let scanBytes = 0;
  let recordsSeconds = -1;
  const unsubscribe = engine.subscribe((state) => {
    if (recordsSeconds < 0 && state.pending === 0) recordsSeconds = (performance.now() - start) / 1000;
  });
  for (;;) {
    const report = await engine.syncNow();
    cycles += 1;
    scanBytes += report.scans.bytes;
    if (!report.ok) failedCycles += 1;
    const [files, scans] = await Promise.all([outboxCounts(db), scanCounts(db)]);
    const pendingFiles = files.ok ? files.value.pending : -1;
    const pendingScans = scans.ok ? scans.value.pending : -1;
    if ((pendingFiles === 0 && pendingScans === 0) || performance.now() - start > timeoutMs) {
      engine.stop();
      unsubscribe();
      return { seconds: (performance.now() - start) / 1000, cycles, failedCycles, pendingFiles, pendingScans, rejectedScans: scans.ok ? scans.value.rejected : -1, scanBytes, recordsSeconds };
    }
    if (!report.ok) await new Promise((r) => setTimeout(r, 200));
  }
}

const heap = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? -1;

/**
 * What the worklist and the outbox screens read when they open: the worklist reads every file
 * record (WorklistScreen's loadFiles: db.files.toArray()), the outbox lists entries with their files.
 */
async function openLists(): Promise<{ worklistMs: number; outboxMs: number; heapBefore: number; heapAfter: number; files: number }> {
  const heapBefore = heap();
  const times = { worklist: [] as number[], outbox: [] as number[] };
  let files = 0;
  for (let i = 0; i < 3; i += 1) {
    let start = performance.now();
    files = (await db.files.toArray()).length;
    times.worklist.push(performance.now() - start);
    start = performance.now();
    const listed = await listOutbox(db);
    if (!listed.ok) throw new Error(listed.error.reason);
    times.outbox.push(performance.now() - start);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  return { worklistMs: median(times.worklist), outboxMs: median(times.outbox), heapBefore, heapAfter: heap(), files };
}

async function close(): Promise<void> {
  db.close();
}

(window as unknown as { motcuaScanBench: unknown }).motcuaScanBench = { setup, register, usage, drain, openLists, close };
