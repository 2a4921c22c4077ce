/**
 * The province's figures are counted by the database (server/store/figureCountsSql.ts), a center's
 * by shared/stats/centerStats.ts in JavaScript: this checks, on every store, that both give the same
 * figures for the same files. A seeded random province is pushed through the real protocol (files,
 * corrections, due date moves, status changes, cancellations, ratings), with the cases where a
 * count goes wrong first: receptions on the period's first and last millisecond and just outside,
 * written with other offsets and more than millisecond digits; results ready on the due day, a
 * millisecond before it, just after it, or after the moment the figures are taken; files of another
 * province; a center with no file; a procedure the catalog does not know.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../../shared/catalog/demoCatalog.ts';
import type { FileChannel, FileRecord, FileStatus } from '../../../shared/files/fileRecord.ts';
import { computeCenterStats, statsPeriod } from '../../../shared/stats/centerStats.ts';
import { FIGURE_COUNT_KEYS, type FigureCountKey } from '../../../shared/stats/figureCounts.ts';
import type { FileSummary } from '../../../shared/stats/fileSummary.ts';
import { computeProvinceStats, provinceStatsSchema, type ProvinceCenter, type ProvinceStats } from '../../../shared/stats/provinceStats.ts';
import type { EnrolResponse, Mutation } from '../../../shared/sync/protocol.ts';
import { API_PATHS } from '../../../shared/sync/apiPaths.ts';
import { seededRandom } from '../../support/seededRandom.ts';
import type { TempStore } from '../../support/tempStore.ts';
import { useTestApp } from '../../support/testApp.ts';
import { addTestCenter, addTestProvince, bearer, createMutation, enrolTestDevice, makeFile } from '../../support/syncFixtures.ts';
import { postRatings, pushAll, ratingOf, STAFF, statusMutation } from '../lifecycleFixtures.ts';

/** The server's clock: after every file and change below, so all of them are in its past. */
const SERVER_NOW = new Date('2027-06-01T02:00:00Z');
let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: [], now: () => SERVER_NOW }, (ready) => ({ app, temp } = ready));

const MINUTE = 60_000;
const DAY = 86_400_000;
const vn = (local: string) => `${local}+07:00`;
const at = (local: string) => Date.parse(vn(local));

/** An instant written with another UTC offset (minutes east), and optionally digits past the millisecond. */
function written(ms: number, offsetMinutes: number, extraDigits = ''): string {
  const local = new Date(ms + offsetMinutes * MINUTE).toISOString().slice(0, 23);
  if (offsetMinutes === 0) return `${local}${extraDigits}Z`;
  const abs = Math.abs(offsetMinutes);
  return `${local}${extraDigits}${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
const OFFSETS = [420, 420, 420, 0, 0, 540, -300, 840, -660, 1439];

const PROVINCE = { code: 'HP', name: 'Tỉnh HP' };
/** HP's centers: VB01 and VB02 busy, VB03 with no file at all. HN01 belongs to another province. */
const CENTERS: ProvinceCenter[] = ['VB01', 'VB02', 'VB03'].map((code) => ({ code, name: `Trung tâm ${code}` }));
const UNKNOWN_PROCEDURE = { code: '9.999999', name: 'Thủ tục riêng của xã (không có trong danh mục)' };

type Step =
  | { kind: 'status'; to: FileStatus; when: string }
  | { kind: 'cancel' }
  | { kind: 'due'; dueAt: string; when: string }
  | { kind: 'correct'; procedure: { code: string; name: string }; channel: FileChannel; when: string };

interface PlannedFile {
  receivedAt: string;
  dueAt: string | null;
  channel: FileChannel;
  procedure: { code: string; name: string };
  steps: Step[];
  /** Scores of the ratings sent about it, in order (the first counts). */
  ratings: number[];
}

/** A life through the lifecycle: through processing to done (and returned), or closed on the way, or still open. */
function randomLife(random: () => number, receivedMs: number): Step[] {
  const later = (from: number, maxDays: number) => Math.min(from + Math.floor(random() * maxDays * DAY), SERVER_NOW.getTime() - DAY);
  const when = (ms: number) => written(ms, OFFSETS[Math.floor(random() * OFFSETS.length)]!, random() < 0.1 ? '7' : '');
  const r = random();
  const processing = later(receivedMs, 2);
  if (r < 0.06) return [{ kind: 'cancel' }];
  if (r < 0.12) return [{ kind: 'status', to: 'rejected', when: when(later(receivedMs, 3)) }];
  if (r < 0.18) return [{ kind: 'status', to: 'processing', when: when(processing) }, { kind: 'status', to: 'withdrawn', when: when(later(processing, 5)) }];
  if (r < 0.26) return [{ kind: 'status', to: 'processing', when: when(processing) }];
  if (r < 0.3) return [{ kind: 'status', to: 'processing', when: when(processing) }, { kind: 'status', to: 'needs_supplement', when: when(later(processing, 3)) }];
  const done = later(processing, 14);
  const steps: Step[] = [
    { kind: 'status', to: 'processing', when: when(processing) },
    { kind: 'status', to: 'done', when: when(done) },
  ];
  if (random() < 0.7) steps.push({ kind: 'status', to: 'returned', when: when(later(done, 4)) });
  return steps;
}

/** Random files received around March 2027 (some before, some after), with random lives, corrections and ratings. */
function randomFiles(seed: number, count: number): PlannedFile[] {
  const random = seededRandom(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const procedures = [...demoCatalog.procedures.map((p) => ({ code: p.code, name: p.name })), UNKNOWN_PROCEDURE];
  const channels: FileChannel[] = ['in_person', 'in_person', 'online', 'postal'];
  return Array.from({ length: count }, (): PlannedFile => {
    const receivedMs = at('2027-02-20T07:00:00') + Math.floor(random() * 50 * DAY);
    const receivedAt = written(receivedMs, pick(OFFSETS));
    // Due: none (time unknown), or a working-day-like close of business, or any moment; a few moved later.
    const r = random();
    // (dayNumber * DAY is 07:00 in Vietnam, so + 10 h - 1 ms is the last millisecond before 17:00.)
    const dueMs =
      r < 0.15
        ? null
        : r < 0.7
          ? Math.floor((receivedMs + 7 * 3_600_000) / DAY) * DAY + (1 + Math.floor(random() * 12)) * DAY + 10 * 3_600_000 - 1
          : receivedMs + 3_600_000 + Math.floor(random() * 10 * DAY);
    const steps: Step[] = [];
    if (random() < 0.1) steps.push({ kind: 'correct', procedure: pick(procedures), channel: pick(channels), when: written(receivedMs + 5 * MINUTE, 420) });
    if (dueMs !== null && random() < 0.1) steps.push({ kind: 'due', dueAt: written(dueMs + (1 + Math.floor(random() * 5)) * DAY, 0), when: written(receivedMs + 10 * MINUTE, 420) });
    steps.push(...randomLife(random, receivedMs));
    const ratings = random() < 0.35 ? [1 + Math.floor(random() * 4), ...(random() < 0.2 ? [1 + Math.floor(random() * 4)] : [])] : [];
    return { receivedAt, dueAt: dueMs === null ? null : written(dueMs, pick(OFFSETS)), channel: pick(channels), procedure: pick(procedures), steps, ratings };
  });
}

/** Files on the edges of March 2027 (the period from=2027-03-01, to=2027-04-01) and of its due days. */
function edgeFiles(): PlannedFile[] {
  const plain = (receivedAt: string, dueAt: string | null, steps: Step[] = []): PlannedFile => ({
    receivedAt,
    dueAt,
    channel: 'in_person',
    procedure: { code: demoCatalog.procedures[0]!.code, name: demoCatalog.procedures[0]!.name },
    steps,
    ratings: [],
  });
  const due = vn('2027-03-10T17:00:00');
  const life = (received: string, done: string, returned?: string): Step[] => [
    { kind: 'status', to: 'processing', when: new Date(Date.parse(received) + MINUTE).toISOString() },
    { kind: 'status', to: 'done', when: done },
    ...(returned ? [{ kind: 'status' as const, to: 'returned' as const, when: returned }] : []),
  ];
  return [
    // Receptions on the period's bounds, written several ways.
    plain(vn('2027-03-01T00:00:00'), null),
    plain('2027-02-28T17:00:00Z', null),
    plain('2027-02-28T16:59:59.999Z', null),
    plain(vn('2027-02-28T23:59:59.9999'), null),
    plain(vn('2027-03-31T23:59:59.9999'), null),
    plain('2027-03-31T16:59:59.999999Z', null),
    plain(vn('2027-04-01T00:00:00'), null),
    plain('2027-04-01T16:59:00+23:59', null),
    plain('2027-03-31T05:59:59-11:00', null),
    // Ready on the due day, at its first and last millisecond, a millisecond before, just after.
    plain(vn('2027-03-01T08:00:00'), due, life(vn('2027-03-01T08:00:00'), vn('2027-03-10T00:00:00'))),
    plain(vn('2027-03-01T08:00:00'), due, life(vn('2027-03-01T08:00:00'), '2027-03-10T16:59:59.999Z')),
    plain(vn('2027-03-01T08:00:00'), due, life(vn('2027-03-01T08:00:00'), vn('2027-03-09T23:59:59.999'))),
    plain(vn('2027-03-01T08:00:00'), due, life(vn('2027-03-01T08:00:00'), '2027-03-10T17:00:00Z')),
    plain(vn('2027-03-01T08:00:00'), due, life(vn('2027-03-01T08:00:00'), vn('2027-03-10T23:59:59.9999'), vn('2027-04-02T08:00:00'))),
    // Done after the period (not ready as of its end): pending, overdue or within it by the due date.
    plain(vn('2027-03-25T08:00:00'), vn('2027-03-31T23:59:59.999'), life(vn('2027-03-25T08:00:00'), vn('2027-04-01T00:00:00'))),
    plain(vn('2027-03-25T08:00:00'), vn('2027-04-01T00:00:00'), life(vn('2027-03-25T08:00:00'), vn('2027-04-01T00:00:00.001'))),
    plain(vn('2027-03-25T08:00:00'), null, life(vn('2027-03-25T08:00:00'), vn('2027-04-03T00:00:00'))),
    // Rejected after processing, withdrawn, a cancellation: closed before any result.
    plain(vn('2027-03-03T08:00:00'), due, [{ kind: 'status', to: 'processing', when: vn('2027-03-03T09:00:00') }, { kind: 'status', to: 'rejected', when: vn('2027-03-12T09:00:00') }]),
    plain(vn('2027-03-03T08:00:00'), null, [{ kind: 'cancel' }]),
  ];
}

/** The mutations and ratings a counter would have sent for these files. */
function replay(device: EnrolResponse, files: readonly PlannedFile[]): { mutations: Mutation[]; ratings: ReturnType<typeof ratingOf>[] } {
  const mutations: Mutation[] = [];
  const ratings: ReturnType<typeof ratingOf>[] = [];
  const next = () => mutations.length + 1;
  const stamp = (when: string) => ({ who: STAFF, when, where: { centerCode: device.centerCode, locationCode: device.locationCode, deviceId: device.deviceId } });
  const change = (kind: string, payload: unknown, when: string): Mutation => ({ seq: next(), id: randomUUID(), kind, at: when, payload });
  files.forEach((planned, i) => {
    const file: FileRecord = makeFile(device, i + 1, {
      receivedAt: planned.receivedAt,
      dueAt: planned.dueAt,
      channel: planned.channel,
      procedureCode: planned.procedure.code,
      procedureName: planned.procedure.name,
      attachments: [],
    });
    mutations.push(createMutation(next(), file));
    let status: FileStatus = 'received';
    let dueAt = file.dueAt ?? null;
    for (const step of planned.steps) {
      if (step.kind === 'cancel') {
        mutations.push(change('file.cancel', { fileId: file.id, reason: 'Đăng ký nhầm' }, file.receivedAt));
      } else if (step.kind === 'status') {
        const note = step.to === 'rejected' || step.to === 'withdrawn' || step.to === 'needs_supplement' ? 'Thiếu giấy tờ' : null;
        mutations.push(statusMutation(next(), device, file.id, status, step.to, { when: step.when, note }));
        status = step.to;
      } else if (step.kind === 'due') {
        mutations.push(change('file.due', { fileId: file.id, dueAt: step.dueAt, previousDueAt: dueAt, reason: 'Cần xác minh thêm', stamp: stamp(step.when) }, step.when));
        dueAt = step.dueAt;
      } else {
        const changes = { procedureCode: step.procedure.code, procedureName: step.procedure.name, channel: step.channel, citizen: file.citizen, documents: file.documents, notes: file.notes };
        mutations.push(change('file.update', { fileId: file.id, changes, reason: 'Chọn nhầm thủ tục', stamp: stamp(step.when) }, step.when));
      }
    }
    for (const score of planned.ratings) ratings.push(ratingOf({ fileNumber: file.number, score, at: SERVER_NOW.toISOString() }));
  });
  return { mutations, ratings };
}

async function seedProvince(seed: number): Promise<void> {
  await temp.store.replaceCatalog(demoCatalog.procedures, 'test');
  await addTestProvince(temp.store, 'HP');
  await addTestProvince(temp.store, 'HN');
  for (const { code } of CENTERS) await addTestCenter(temp.store, code, undefined, 'HP');
  await addTestCenter(temp.store, 'HN01', undefined, 'HN');
  const plans: [string, PlannedFile[]][] = [
    ['VB01', [...edgeFiles(), ...randomFiles(seed, 120)]],
    ['VB02', randomFiles(seed + 1, 80)],
    ['HN01', [...edgeFiles(), ...randomFiles(seed + 2, 60)]],
  ];
  for (const [center, files] of plans) {
    const counter = await enrolTestDevice(app, center);
    const { mutations, ratings } = replay(counter, files);
    const answers = await pushAll(app, counter, mutations);
    expect(answers.flatMap((a) => a.results).filter((r) => r.status !== 'applied')).toEqual([]);
    await postRatings(app, counter, ratings);
  }
}

/** The province's figures as the server counts them: the store's SQL, summed by shared/stats. */
async function countedByTheStore(period: { from: string; to: string }, now: Date): Promise<ProvinceStats> {
  const instants = statsPeriod({ ...period, now });
  if (!instants.ok) throw new Error(instants.error);
  const counts = await temp.store.figureCounts({ centerCodes: CENTERS.map((c) => c.code), ...instants.value });
  if (!counts.ok) throw new Error(counts.error.reason);
  const stats = computeProvinceStats(counts.value, PROVINCE, CENTERS, { ...period, now });
  if (!stats.ok) throw new Error(stats.error);
  return stats.value;
}

/** The same figures by the center's own definition: computeCenterStats over the files, one center at a time. */
async function countedLikeACenter(period: { from: string; to: string }, now: Date): Promise<ProvinceStats> {
  const instants = statsPeriod({ ...period, now });
  if (!instants.ok) throw new Error(instants.error);
  const read = await temp.store.fileSummaries({ centerCodes: [...CENTERS.map((c) => c.code), 'HN01'], fromMs: instants.value.fromMs, toMs: instants.value.toMs });
  if (!read.ok) throw new Error(read.error.reason);
  const members = new Set(CENTERS.map((c) => c.code));
  const mine: FileSummary[] = read.value.filter((f) => members.has(f.centerCode));
  const all = computeCenterStats(mine, { ...period, now });
  if (!all.ok) throw new Error(all.error);
  const byCenter = CENTERS.map((c) => {
    const own = computeCenterStats(read.value, { ...period, now, centerCode: c.code });
    if (!own.ok) throw new Error(own.error);
    return { key: c.code, label: c.name, field: null, ...own.value.total };
  });
  return { province: PROVINCE, from: period.from, to: period.to, asOf: all.value.asOf, total: all.value.total, byCenter, byField: all.value.byField };
}

const MARCH = { from: '2027-03-01', to: '2027-04-01' };
/** Periods and moments: March as of its end, of a moment in it, and exactly at its start; a week across
 * the month's end; a quarter; one day; the last days before the server's clock, as of that clock. */
const CASES: [{ from: string; to: string }, Date][] = [
  [MARCH, SERVER_NOW],
  [MARCH, new Date(vn('2027-03-15T10:30:00'))],
  [MARCH, new Date(vn('2027-03-10T17:00:00'))],
  [MARCH, new Date(vn('2027-03-01T00:00:00'))],
  [{ from: '2027-03-29', to: '2027-04-03' }, SERVER_NOW],
  [{ from: '2027-03-29', to: '2027-04-03' }, new Date(vn('2027-04-01T00:00:00'))],
  [{ from: '2027-01-01', to: '2027-04-01' }, SERVER_NOW],
  [{ from: '2027-03-10', to: '2027-03-11' }, SERVER_NOW],
  [{ from: '2027-04-01', to: '2027-06-02' }, SERVER_NOW],
];

describe("the province's figures counted by the database", () => {
  it('are the figures the center definition gives for the same files, for every period and moment', async () => {
    await seedProvince(20270301);
    const seen = Object.fromEntries(FIGURE_COUNT_KEYS.map((k) => [k, 0])) as Record<FigureCountKey, number>;
    for (const [period, now] of CASES) {
      const expected = await countedLikeACenter(period, now);
      expect(await countedByTheStore(period, now), `${period.from} – ${period.to} as of ${now.toISOString()}`).toEqual(expected);
      for (const k of FIGURE_COUNT_KEYS) seen[k] += expected.total[k];
    }
    // The data reach every count (a count that is never non-zero would be checked against nothing),
    // the empty center shows zeros, and the other province's files are there to be left out.
    expect(FIGURE_COUNT_KEYS.filter((k) => seen[k] === 0)).toEqual([]);
    const march = await countedByTheStore(MARCH, SERVER_NOW);
    expect(march.byCenter.map((c) => c.key)).toEqual(['VB01', 'VB02', 'VB03']);
    expect(march.byCenter[2]).toMatchObject({ received: 0, onlineRate: null, onTimeRate: null });
    expect(march.byField.map((f) => f.key)).toContain('Khác');
    const theirs = await temp.store.figureCounts({ centerCodes: ['HN01'], fromMs: at('2027-03-01T00:00:00'), toMs: at('2027-04-01T00:00:00'), asOfMs: SERVER_NOW.getTime() });
    expect(theirs.ok && theirs.value.reduce((n, g) => n + g.counts.received, 0)).toBeGreaterThan(20);
  });

  it('reach the province device over HTTP the same, with the other province left out', async () => {
    await seedProvince(77);
    const device = await enrolTestDevice(app, 'HP', undefined, 'province');
    for (const period of [MARCH, { from: '2027-02-15', to: '2027-05-01' }]) {
      const res = await app.inject({ url: `${API_PATHS.province.figures}?from=${period.from}&to=${period.to}`, headers: bearer(device) });
      expect(res.statusCode, res.body).toBe(200);
      expect(provinceStatsSchema.parse(res.json())).toEqual(await countedLikeACenter(period, SERVER_NOW));
    }
  });
});
