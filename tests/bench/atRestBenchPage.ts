/**
 * Runs inside Chromium for `npm run bench:atrest`: real IndexedDB, the browser platform's own
 * non-extractable key, the app's own sealing and list functions. Exposed on window.motcuaAtRestBench.
 */
import { openDb, type LocalFile, type MotcuaDb } from '../../renderer/data/db.ts';
import { listFileViews } from '../../renderer/data/fileViews.ts';
import { searchFiles } from '../../renderer/data/fileSearch.ts';
import { openFile, sealFile } from '../../renderer/data/sealedFiles.ts';
import { createBrowserKeys } from '../../renderer/platform/browserKeys.ts';
import { createDataCipher } from '../../renderer/security/dataCipher.ts';
import type { DataKey } from '../../renderer/security/dataKey.ts';

let db: MotcuaDb;
let key: DataKey;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Lò', 'Hà', 'Vàng'];
const GIVEN = ['Văn An', 'Thị Mai', 'Văn Páo', 'Thị Sáu', 'Đức Minh', 'Thị Lan'];

function walkIn(n: number): LocalFile {
  const at = new Date(Date.UTC(2027, 2, 1) + n * 3_600_000).toISOString();
  return {
    id: crypto.randomUUID(),
    number: `DEMO-D01-${at.slice(0, 10).replaceAll('-', '')}-${String(n).padStart(4, '0')}`,
    centerCode: 'DEMO',
    locationCode: null,
    deviceId: 'bench',
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    channel: 'in_person',
    citizen: {
      fullName: `${FAMILY[n % FAMILY.length]} ${GIVEN[n % GIVEN.length]} ${n}`,
      birthDate: '1990-05-04',
      idNumber: `00109${String(n).padStart(7, '0')}`,
      sex: n % 2 ? 'male' : 'female',
      phone: '0912345678',
      address: `Thôn ${n % 12}, xã Vĩnh Bảo, Hải Phòng`,
    },
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 },
      { name: 'Giấy chứng sinh', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 },
    ],
    attachments: [],
    notes: n % 3 ? null : 'Hẹn bổ sung bản sao giấy tờ tùy thân',
    receivedAt: at,
    receivedBy: { staffId: 'bench', staffName: 'Cán bộ' },
    dueAt: at,
    syncState: 'sent',
    rejectReason: null,
    status: 'received',
    statusAt: at,
    seq: n,
  };
}

const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
};

/** Seals `count` files (timed) and stores them. */
async function setup(count: number): Promise<{ sealMs: number; storeMs: number }> {
  const keys = createBrowserKeys('bench-at-rest-keys');
  const opened = await keys.dataKey.open();
  if (!opened.ok) throw new Error(opened.error);
  key = opened.value;
  db = openDb('bench-at-rest', createDataCipher(key));
  await db.files.clear();
  const files = Array.from({ length: count }, (_, i) => walkIn(i + 1));
  const cipher = createDataCipher(key);
  const [sealMs, sealed] = await time(() => Promise.all(files.map((f) => sealFile(cipher, f))));
  const [storeMs] = await time(() => db.files.bulkPut(sealed));
  return { sealMs, storeMs };
}

/** One measurement each: read only; list cold (a fresh cipher, nothing cached); list warm; a search; one whole file. */
async function run(): Promise<{ readMs: number; coldMs: number; warmMs: number; searchMs: number; openOneMs: number; shown: number; found: number }> {
  const [readMs] = await time(() => db.files.toArray());
  // A database handle over a new cipher object: the decrypt cache starts empty, as after a restart.
  const cold = openDb('bench-at-rest', createDataCipher(key));
  const [coldMs, views] = await time(() => listFileViews(cold));
  const [warmMs] = await time(() => listFileViews(cold));
  const [searchMs, searched] = await time(() => searchFiles(cold, 'le duc minh'));
  const found = searched.ok ? searched.value : [];
  const one = (await cold.files.limit(1).toArray())[0]!;
  const [openOneMs] = await time(() => openFile(cold.cipher, one));
  cold.close();
  if (views.some((v) => !v.personal.ok)) throw new Error('a file did not open');
  return { readMs, coldMs, warmMs, searchMs, openOneMs, shown: views.length, found: found.length };
}

(window as unknown as { motcuaAtRestBench: unknown }).motcuaAtRestBench = { setup, run };
