/**
 * Injected into the app's own page by `npm run bench:startup`: seals `count` walk-in files with the
 * browser platform's key (the same non-extractable key the app opened) and stores them in the app's
 * own database, as if this counter had registered them. Exposed on window.motcuaSeedFiles.
 */
import { openDb, type LocalFile } from '../../renderer/data/db.ts';
import { sealFile } from '../../renderer/data/sealedFiles.ts';
import { createBrowserKeys } from '../../renderer/platform/browserKeys.ts';
import { createDataCipher } from '../../renderer/security/dataCipher.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Lò', 'Hà', 'Vàng'];
const GIVEN = ['Văn An', 'Thị Mai', 'Văn Páo', 'Thị Sáu', 'Đức Minh', 'Thị Lan'];
const PROCEDURES = [
  ['1.001193', 'Thủ tục đăng ký khai sinh'],
  ['1.000894', 'Thủ tục đăng ký kết hôn'],
  ['2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp'],
] as const;

function walkIn(n: number, deviceId: string): LocalFile {
  const at = new Date(Date.now() - (n % 400) * 3_600_000 * 6);
  const due = new Date(at.getTime() + ((n % 9) - 2) * 86_400_000);
  const [code, name] = PROCEDURES[n % PROCEDURES.length]!;
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  return {
    id: crypto.randomUUID(),
    number: `DEMO-B01-${day}-${String(n).padStart(4, '0')}`,
    centerCode: 'DEMO',
    locationCode: null,
    deviceId,
    procedureCode: code,
    procedureName: name,
    channel: 'in_person',
    citizen: {
      fullName: `${FAMILY[n % FAMILY.length]} ${GIVEN[n % GIVEN.length]} ${n}`,
      birthDate: '1990-05-04',
      idNumber: `00109${String(n).padStart(7, '0')}`,
      sex: n % 2 ? 'male' : 'female',
      phone: '0912345678',
      address: `Thôn ${n % 12}, xã Vĩnh Bảo, Hải Phòng`,
    },
    documents: [{ name: 'Tờ khai', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 }],
    attachments: [],
    notes: n % 3 ? null : 'Hẹn bổ sung bản sao giấy tờ tùy thân',
    receivedAt: at.toISOString(),
    receivedBy: { staffId: 'bench', staffName: 'Cán bộ' },
    dueAt: due.toISOString(),
    syncState: 'sent',
    rejectReason: null,
    status: n % 5 === 0 ? 'processing' : 'received',
    statusAt: at.toISOString(),
    seq: 100_000 + n,
  };
}

async function seed(count: number): Promise<number> {
  const opened = await createBrowserKeys().dataKey.open();
  if (!opened.ok) throw new Error(opened.error);
  const cipher = createDataCipher(opened.value);
  const db = openDb('motcua', cipher);
  const sealed = await Promise.all(Array.from({ length: count }, (_, i) => sealFile(cipher, walkIn(i + 1, 'bench-device'))));
  await db.files.bulkPut(sealed);
  const stored = await db.files.count();
  db.close();
  return stored;
}

(window as unknown as { motcuaSeedFiles: unknown }).motcuaSeedFiles = seed;
