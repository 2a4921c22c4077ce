/**
 * Sends the admin's edits to the server and, once taken, drops them from the draft and pulls the
 * new version. Whatever goes wrong, the edits stay on this device: nothing is lost to the network.
 */
import type { ApiFailure } from '../../sync/apiClient.ts';
import { noAnswer } from '../../sync/apiClient.ts';
import { centerListConflictOf, sendCenterListWrite } from '../../sync/centerListClient.ts';
import { discardCenterListDraft, loadCenterList, loadCenterListDraft } from '../../data/centerListRepository.ts';
import type { DeviceIdentity, MotcuaDb, StaffMember } from '../../data/db.ts';
import { pullCenterListWith } from '../../app/useCenterList.ts';
import { writeOfDraft } from './centerListDraft.ts';

export type SaveOutcome =
  | { kind: 'saved'; version: number; changed: number }
  | { kind: 'nothing' }
  | { kind: 'storage' }
  /** No answer: the edits wait on this device. */
  | { kind: 'offline' }
  /** This device is not a center admin's device. */
  | { kind: 'forbidden' }
  /** Another admin changed these procedures meanwhile; their values have been pulled. */
  | { kind: 'conflict'; codes: string[]; version: number }
  /** Any other failure, in the API's vocabulary. */
  | { kind: 'failed'; failure: ApiFailure };

export async function saveCenterList(db: MotcuaDb, device: DeviceIdentity, staff: StaffMember): Promise<SaveOutcome> {
  const [list, draft] = await Promise.all([loadCenterList(db), loadCenterListDraft(db)]);
  if (!list.ok || !draft.ok) return { kind: 'storage' };
  const body = writeOfDraft(list.value.entries, draft.value, list.value.meta?.version ?? 0, { staffId: staff.id, staffName: staff.name });
  if (!body) {
    // Only removals of procedures the server never had: nothing to send, nothing to keep.
    await discardCenterListDraft(db, draft.value.map((d) => d.code));
    return { kind: 'nothing' };
  }
  const link = { serverUrl: device.serverUrl, token: device.token };
  const sent = await sendCenterListWrite(link, body);
  if (!sent.ok) {
    const failure = sent.error;
    const conflict = centerListConflictOf(failure);
    if (conflict) {
      // Someone else's newer values come down, so the admin sees them before saving over them.
      await pullCenterListWith(db, link);
      return { kind: 'conflict', codes: conflict.codes, version: conflict.version };
    }
    if (noAnswer(failure)) return { kind: 'offline' };
    if (failure.kind === 'refused' && failure.status === 403) return { kind: 'forbidden' };
    return { kind: 'failed', failure };
  }
  const discarded = await discardCenterListDraft(db, draft.value.map((d) => d.code));
  await pullCenterListWith(db, link);
  return discarded.ok ? { kind: 'saved', ...sent.value } : { kind: 'storage' };
}
