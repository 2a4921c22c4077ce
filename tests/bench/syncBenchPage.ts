/**
 * Runs inside Chromium for `npm run bench:sync`: real IndexedDB (Dexie), the app's own
 * registration and sync engine. Exposed on window.motcuaBench for the Node driver.
 */
import { DEMO_CENTER } from '../../shared/demo/demoCenter.ts';
import { loadDevice, saveDevice } from '../../renderer/data/deviceRepository.ts';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { registerFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { outboxCounts } from '../../renderer/data/outbox.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { createSyncEngine } from '../../renderer/sync/syncEngine.ts';
import { createBrowserKeys } from '../../renderer/platform/browserKeys.ts';
import { createDataCipher } from '../../renderer/security/dataCipher.ts';
import type { TokenVault } from '../../renderer/security/dataKey.ts';

let db: MotcuaDb;
let tokens: TokenVault;

function walkIn(n: number): NewFileInput {
  return {
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    channel: n % 5 === 0 ? 'online' : 'in_person',
    citizen: {
      fullName: `Nguyễn Văn Thử ${n}`,
      birthDate: '1990-05-04',
      idNumber: `00109${String(n).padStart(7, '0')}`,
      sex: 'male',
      phone: '0912345678',
      address: `Thôn ${n % 12}, xã Vĩnh Bảo, Hải Phòng`,
    },
    documents: [{ name: 'Giấy chứng sinh', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 }],
    attachments: [],
    notes: null,
  };
}

async function setup(dbName: string, enrolUrl: string, syncUrl: string): Promise<string> {
  // The browser platform's own keys: a non-extractable key in IndexedDB, the token sealed beside it.
  const keys = createBrowserKeys(`${dbName}-keys`);
  const key = await keys.dataKey.open();
  if (!key.ok) throw new Error(key.error);
  tokens = keys.deviceToken;
  db = openDb(dbName, createDataCipher(key.value));
  const answer = await enrol(enrolUrl, { centerCode: DEMO_CENTER.code, enrolmentCode: DEMO_CENTER.enrolmentCode, locationCode: null, deviceName: dbName, role: 'counter' });
  if (!answer.ok) throw new Error(`enrol failed: ${answer.error.reason}`);
  const saved = await saveDevice(db, tokens, syncUrl, answer.value);
  if (!saved.ok) throw new Error(saved.error.reason);
  return answer.value.deviceId;
}

async function register(count: number): Promise<number[]> {
  const loaded = await loadDevice(db, tokens);
  if (!loaded.ok || !loaded.value) throw new Error('the bench device is not enrolled');
  const device = loaded.value;
  const staff = { id: 'bench', name: 'Bench' };
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    const saved = await registerFile(db, walkIn(i + 1), { device, staff });
    times.push(performance.now() - start);
    if (!saved.ok) throw new Error(saved.error.reason);
  }
  return times;
}

/** Syncs until nothing is pending; a failed cycle waits a little, as the engine's timer would. */
async function drain(timeoutMs: number): Promise<{ seconds: number; cycles: number; failedCycles: number; pending: number }> {
  const engine = createSyncEngine({ db, tokens, events: null, requestTimeoutMs: 2_000, slowThresholdMs: 1_000 });
  const start = performance.now();
  let cycles = 0;
  let failedCycles = 0;
  for (;;) {
    const report = await engine.syncNow();
    cycles += 1;
    if (!report.ok) failedCycles += 1;
    const counts = await outboxCounts(db);
    const pending = counts.ok ? counts.value.pending : -1;
    if (pending === 0 || performance.now() - start > timeoutMs) {
      engine.stop();
      return { seconds: (performance.now() - start) / 1000, cycles, failedCycles, pending };
    }
    if (!report.ok) await new Promise((r) => setTimeout(r, 100));
  }
}

(window as unknown as { motcuaBench: unknown }).motcuaBench = { setup, register, drain };
