/**
 * Builders for the life-of-a-file server tests: devices enrolled at a location, status mutations as
 * the counter sends them, ratings as the kiosk sends them, and a replay of figure fixtures
 * (shared/stats FileSummary) as the pushes and ratings that would have produced them.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { FileStatus } from '../../shared/files/fileRecord.ts';
import type { FileSummary } from '../../shared/stats/fileSummary.ts';
import { enrolResponseSchema, pushResponseSchema, type DeviceRole, type EnrolResponse, type Mutation, type PushResponse, type RatingPayload } from '../../shared/sync/protocol.ts';
import { bearer, createMutation, FIXTURE_NOW, makeFile, testAdminCode, testEnrolmentCode } from '../support/syncFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

export const STAFF = { staffId: 's7', staffName: 'Lê Thị Hoa' } as const;

export async function enrolAt(app: FastifyInstance, centerCode: string, locationCode: string | null, role: DeviceRole = 'counter'): Promise<EnrolResponse> {
  const res = await app.inject({
    method: 'POST',
    url: API_PATHS.devices.enrol,
    payload: { centerCode, enrolmentCode: role === 'admin' ? testAdminCode(centerCode) : testEnrolmentCode(centerCode), locationCode, deviceName: `Máy ${locationCode ?? 'chung'}`, role },
  });
  if (res.statusCode !== 201) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
  return enrolResponseSchema.parse(res.json());
}

export interface StatusOptions {
  when?: string;
  note?: string | null;
  staff?: { staffId: string; staffName: string };
  /** Overrides for the stamp's `where` (to forge another center or device). */
  where?: Partial<{ centerCode: string; locationCode: string | null; deviceId: string }>;
}

/** A `file.status` mutation shaped as shared/files/lifecycle.ts stamps it at the counter. */
export function statusMutation(seq: number, device: EnrolResponse, fileId: string, from: FileStatus, to: FileStatus, options: StatusOptions = {}): Mutation {
  const when = options.when ?? FIXTURE_NOW.toISOString();
  return {
    seq,
    id: randomUUID(),
    kind: 'file.status',
    at: when,
    payload: {
      fileId,
      from,
      to,
      stamp: {
        who: options.staff ?? STAFF,
        when,
        where: { centerCode: device.centerCode, locationCode: device.locationCode, deviceId: device.deviceId, ...options.where },
        note: options.note ?? null,
      },
    },
  };
}

export function ratingOf(rating: Partial<RatingPayload> = {}): RatingPayload {
  return { id: randomUUID(), fileNumber: null, score: 4, reasons: [], at: FIXTURE_NOW.toISOString(), ...rating };
}

/** Sends ratings the way an enrolled kiosk does (its token, the ratings route), each checked stored. */
export async function postRatings(app: FastifyInstance, device: EnrolResponse, ratings: readonly RatingPayload[]): Promise<void> {
  for (const rating of ratings) {
    const res = await app.inject({ method: 'POST', url: API_PATHS.ratings, headers: bearer(device), payload: rating });
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`rating refused: ${res.statusCode} ${res.body}`);
  }
}

/** Pushes any number of mutations (numbered from 1 on a fresh device) in batches the protocol allows. */
export async function pushAll(app: FastifyInstance, device: EnrolResponse, mutations: Mutation[]): Promise<PushResponse[]> {
  const answers: PushResponse[] = [];
  for (let i = 0; i < mutations.length; i += 200) {
    const res = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: { mutations: mutations.slice(i, i + 200) } });
    if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
    answers.push(pushResponseSchema.parse(res.json()));
  }
  return answers;
}

/**
 * The mutations a device would have pushed for these summaries: each file registered, moved through
 * processing → done → returned at the summary's stamps (or rejected / withdrawn at once). Ratings
 * go their own way: replayRatings.
 */
export function replaySummaries(device: EnrolResponse, summaries: readonly FileSummary[]): Mutation[] {
  const mutations: Mutation[] = [];
  const next = () => mutations.length + 1;
  const iso = (v: string | number) => new Date(v).toISOString();
  summaries.forEach((s, i) => {
    const file = makeFile(device, i + 1, {
      receivedAt: iso(s.receivedAt),
      channel: s.channel,
      procedureCode: s.procedureCode,
      procedureName: s.procedureName,
      locationCode: s.locationCode,
      dueAt: s.dueAt === null ? null : iso(s.dueAt),
      attachments: [],
    });
    mutations.push(createMutation(next(), file));
    const soon = new Date(Date.parse(file.receivedAt) + 60_000).toISOString();
    if (s.status === 'rejected' || s.status === 'withdrawn') {
      mutations.push(statusMutation(next(), device, file.id, 'received', s.status, { when: soon, note: 'Hồ sơ không thuộc thẩm quyền' }));
      return;
    }
    mutations.push(statusMutation(next(), device, file.id, 'received', 'processing', { when: soon }));
    if (s.doneAt !== null) mutations.push(statusMutation(next(), device, file.id, 'processing', 'done', { when: iso(s.doneAt) }));
    if (s.returnedAt !== null) mutations.push(statusMutation(next(), device, file.id, 'done', 'returned', { when: iso(s.returnedAt) }));
  });
  return mutations;
}

/** The ratings citizens gave for these summaries' files (numbered as replaySummaries numbers them). */
export function replayRatings(device: EnrolResponse, summaries: readonly FileSummary[]): RatingPayload[] {
  return summaries.flatMap((s, i) =>
    s.rating == null ? [] : [ratingOf({ fileNumber: makeFile(device, i + 1, { receivedAt: new Date(s.receivedAt).toISOString() }).number, score: s.rating, at: new Date(s.returnedAt ?? s.receivedAt).toISOString() })],
  );
}
