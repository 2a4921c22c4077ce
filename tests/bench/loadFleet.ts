/**
 * The simulated devices of `npm run bench:load`: counters enrolled at their centers, each running
 * the real cycle one request at a time: push (two new files and a status change of an earlier
 * one), pull the center's status feed from its cursor, ask for catalog changes. A push not
 * answered 200 is sent again as is on the device's next turn, as the app's outbox does. What each
 * device was told is kept, so the database can be checked afterwards (lost, duplicated).
 *
 * The fleet must not eat the CPU it measures: requests go through undici's keep-alive pools (one
 * per server process), and a file is built from a per-device template (no scan is hashed per file:
 * the scan reference is metadata here, its bytes are never uploaded).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { UNUSABLE_CODE_HASH } from '../../server/auth/secrets.ts';
import type { SyncStore } from '../../server/store/store.ts';
import { formatFileNumber } from '../../shared/files/fileNumber.ts';
import type { FileRecord } from '../../shared/files/fileRecord.ts';
import { newLookupCode } from '../../shared/files/lookupCode.ts';
import type { EnrolResponse, Mutation } from '../../shared/sync/protocol.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { statusMutation } from '../integration/lifecycleFixtures.ts';

export type RequestKind = 'push' | 'statuses' | 'catalog';
export const REQUEST_KINDS: readonly RequestKind[] = ['push', 'statuses', 'catalog'];

export interface SimDevice {
  index: number;
  token: string;
  enrol: EnrolResponse;
  tick: number;
  seq: number;
  files: number;
  cursor: number;
  busy: boolean;
  /** A push not yet answered 200: sent again as is (the protocol makes that a no-op if it landed). */
  pending: string | null;
  pendingIds: string[];
  /** Files the server acknowledged (applied or duplicate), by id. */
  acked: Set<string>;
  sent: Set<string>;
  /** Ids of this device's files still 'received' on the server, for the next status change. */
  received: string[];
}

/** How one request ended: its kind, and why it failed ('HTTP 503', 'timeout', ...) or null. */
export interface Outcome {
  kind: RequestKind;
  failure: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The centers and their counters, enrolled straight in the store (enrolment is not what is measured). */
export async function seedFleet(store: SyncStore, centers: number, devicesPerCenter: number): Promise<SimDevice[]> {
  const devices: SimDevice[] = [];
  for (let c = 0; c < centers; c += 1) {
    const centerCode = `C${String(c).padStart(4, '0')}`;
    const added = await store.addCenter({ code: centerCode, name: `Trung tâm ${centerCode}`, enrolmentCodeHash: UNUSABLE_CODE_HASH, adminCodeHash: null });
    if (!added.ok) throw new Error(added.error.reason);
    for (let d = 0; d < devicesPerCenter; d += 1) {
      const token = randomBytes(24).toString('base64url');
      const id = `${sha256(`${centerCode}-${d}`).slice(0, 8)}-0000-4000-8000-${String(c * 100 + d).padStart(12, '0')}`;
      const enrolled = await store.enrolDevice({ id, centerCode, name: `Quầy ${d + 1}`, locationCode: 'Q1', role: 'counter', tokenHash: sha256(token) });
      if (!enrolled.ok) throw new Error(enrolled.error.reason);
      devices.push({
        index: devices.length,
        token,
        enrol: { centerCode, centerName: `Trung tâm ${centerCode}`, deviceCode: enrolled.value.code, deviceId: id, locationCode: 'Q1', token, role: 'counter' },
        tick: d % 3,
        seq: 0,
        files: 0,
        cursor: 0,
        busy: false,
        pending: null,
        pendingIds: [],
        acked: new Set(),
        sent: new Set(),
        received: [],
      });
    }
  }
  return devices;
}

/** One scan reference for every file: what a counter attaches, minus the bytes (never uploaded here). */
const SCAN_BYTES = Buffer.from('%PDF-1.4\n% bản chụp hồ sơ\n%%EOF\n');
const SCAN = { name: 'scan.pdf', type: 'application/pdf' as const, size: SCAN_BYTES.length, sha256: createHash('sha256').update(SCAN_BYTES).digest('hex') };

/** The n-th registration of a device, received at `receivedAt`: the same shape as the counter app's. */
function newFile(device: EnrolResponse, n: number, receivedAt: string): FileRecord {
  return {
    id: randomUUID(),
    number: formatFileNumber({ centerCode: device.centerCode, deviceCode: device.deviceCode, date: new Date(receivedAt), sequence: n }),
    centerCode: device.centerCode,
    locationCode: device.locationCode,
    deviceId: device.deviceId,
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    channel: 'in_person',
    citizen: {
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-17',
      idNumber: `031090${String(n % 1_000_000).padStart(6, '0')}`,
      sex: 'male',
      phone: '0912345678',
      address: 'Thôn 3, xã Vĩnh Bảo',
    },
    documents: [{ name: 'Tờ khai đăng ký khai sinh', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 }],
    attachments: [{ id: randomUUID(), ...SCAN }],
    notes: null,
    receivedAt,
    receivedBy: { staffId: 's1', staffName: 'Trần Thị Bình' },
    lookupCode: newLookupCode(),
  };
}

export interface Answer {
  status: number;
  body: string;
}

export interface Client {
  send(device: SimDevice, method: 'GET' | 'POST', path: string, body?: string): Promise<Answer>;
  close(): Promise<void>;
}

/** Why a request got no answer, in a few words: 'timeout', 'connection refused', ... */
function noAnswer(e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  if (/TIMEOUT/.test(code)) return 'timeout';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  return `no answer (${code || (e as Error).message})`;
}

/** Keep-alive connection pools, one per server process; devices are spread over them as a load balancer would. */
export function createClient(ports: number[], connectionsPerPort: number, timeoutMs = 10_000): Client {
  const pools = ports.map(
    (port) => new Pool(`http://127.0.0.1:${port}`, { connections: connectionsPerPort, pipelining: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 60_000 }),
  );
  return {
    send: async (device, method, path, body) => {
      const pool = pools[device.index % pools.length]!;
      const headers: Record<string, string> = { authorization: `Bearer ${device.token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await pool.request({ method, path, headers, body });
      return { status: res.statusCode, body: await res.body.text() };
    },
    close: async () => {
      await Promise.all(pools.map((p) => p.close()));
    },
  };
}

/** The device's next request (a push waiting to be resent first, else push, status pull, catalog changes in turn, or only `only`). */
export async function step(client: Client, device: SimDevice, catalogVersion: number, only?: RequestKind): Promise<Outcome> {
  const kind: RequestKind = device.pending ? 'push' : (only ?? REQUEST_KINDS[device.tick % 3]!);
  device.tick += 1;
  let answer: Answer;
  try {
    if (kind === 'push') {
      if (!device.pending) {
        const now = Date.now();
        const at = new Date(now).toISOString();
        const mutations: Mutation[] = [];
        const ids: string[] = [];
        for (let i = 0; i < 2; i += 1) {
          device.files += 1;
          const file = newFile(device.enrol, device.files, new Date(now - 5_000 + i).toISOString());
          device.sent.add(file.id);
          ids.push(file.id);
          mutations.push({ seq: ++device.seq, id: randomUUID(), kind: 'file.create', at, payload: file });
        }
        const moving = device.received.shift();
        if (moving) mutations.push(statusMutation(++device.seq, device.enrol, moving, 'received', 'processing', { when: at }));
        device.pending = JSON.stringify({ mutations });
        device.pendingIds = ids;
      }
      answer = await client.send(device, 'POST', API_PATHS.sync.push, device.pending);
      if (answer.status !== 200) return { kind, failure: `HTTP ${answer.status}` };
      const parsed = JSON.parse(answer.body) as { results: { seq: number; status: string }[] };
      // The two files are the push's first two items.
      device.pendingIds.forEach((id, i) => {
        if (parsed.results[i]?.status !== 'rejected') {
          device.acked.add(id);
          device.received.push(id);
        }
      });
      device.pending = null;
      return { kind, failure: null };
    }
    if (kind === 'statuses') {
      answer = await client.send(device, 'GET', `${API_PATHS.sync.statuses}?since=${device.cursor}&limit=100`);
      if (answer.status !== 200) return { kind, failure: `HTTP ${answer.status}` };
      device.cursor = (JSON.parse(answer.body) as { cursor: number }).cursor;
      return { kind, failure: null };
    }
    answer = await client.send(device, 'GET', `${API_PATHS.catalog.changes}?since=${catalogVersion}`);
    return { kind, failure: answer.status === 200 ? null : `HTTP ${answer.status}` };
  } catch (e) {
    return { kind, failure: e instanceof SyntaxError ? 'unreadable answer' : noAnswer(e) };
  }
}

/** Next idle device after `from`, round robin (a device never sends two requests at once). */
export function nextIdle(devices: SimDevice[], from: number): SimDevice | null {
  for (let i = 0; i < devices.length; i += 1) {
    const d = devices[(from + i) % devices.length]!;
    if (!d.busy) return d;
  }
  return null;
}
