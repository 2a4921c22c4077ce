/**
 * The server refuses nonsense citizen values that a device (an old build, a tampered one) pushes:
 * impossible or future birth dates, names of control characters or emoji, ID numbers that no
 * province issues or that contradict the birth date. Each item is refused on its own, with the
 * field and the reason, over a real SQLite store through Fastify's inject.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Citizen } from '../../shared/files/fileRecord.ts';
import { pushResponseSchema, type EnrolResponse, type Mutation } from '../../shared/sync/protocol.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { bearer, createMutation, enrolTestDevice, makeFile } from '../support/syncFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: ['VB11824'] }, (ready) => ({ app, temp } = ready));

const push = (device: EnrolResponse, mutations: Mutation[]) =>
  app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: { mutations } });

describe('citizen values the server refuses', () => {
  it('rejects each nonsense citizen with the field and a reason, and keeps the sensible files', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const file = (n: number, citizen: Partial<Citizen> = {}) => {
      const made = makeFile(device, n);
      return { ...made, citizen: { ...made.citizen, ...citizen } };
    };
    const tidied = file(11, { fullName: '  Lò   Thị Mai  ' });
    const mutations = [
      createMutation(1, file(1)),
      createMutation(2, file(2, { birthDate: '2025-99-99' })),
      createMutation(3, file(3, { birthDate: '2999-01-01' })),
      createMutation(4, file(4, { fullName: '\u0001\u0002\u0003' })),
      createMutation(5, file(5, { fullName: 'Nguyễn Văn An 😀' })),
      createMutation(6, file(6, { fullName: '031090000006|Nguyễn Văn An' })),
      createMutation(7, file(7, { fullName: 'Ă'.repeat(101) })),
      createMutation(8, file(8, { idNumber: '000000000000' })),
      createMutation(9, file(9, { birthDate: '1991-05-17' })),
      createMutation(10, file(10, { address: 'Thôn 3\u0000' })),
      createMutation(11, tidied),
    ];
    const res = await push(device, mutations);
    expect(res.statusCode).toBe(200);
    const answer = pushResponseSchema.parse(res.json());
    expect(answer.lastAppliedSeq).toBe(11);
    const outcome = Object.fromEntries(answer.results.map((r) => [r.seq, r.status === 'rejected' ? r.reason : r.status]));
    expect(outcome).toEqual({
      1: 'applied',
      2: expect.stringMatching(/citizen\.birthDate: .*2025-99-99 is not a real calendar day/),
      3: expect.stringMatching(/citizen\.birthDate: .*2999-01-01 is after/),
      4: expect.stringMatching(/citizen\.fullName: .*control/),
      5: expect.stringMatching(/citizen\.fullName: .*emoji/),
      6: expect.stringMatching(/citizen\.fullName: .*"\|"/),
      7: expect.stringMatching(/citizen\.fullName: .*at most 100/),
      8: expect.stringMatching(/citizen\.idNumber: .*\(000\) are not a birth-province code/),
      9: expect.stringMatching(/citizen\.idNumber: .*should be 91/),
      10: expect.stringMatching(/citizen\.address: .*control/),
      11: 'applied',
    });
    const counted = await temp.store.countFiles('VB11824');
    expect(counted).toEqual({ ok: true, value: 2 });
    // What the server keeps is the tidied name, not the spaces it was sent with.
    const kept = await temp.store.findFile('VB11824', tidied.id);
    expect(kept.ok && kept.value?.citizen.fullName).toBe('Lò Thị Mai');
  });
});
