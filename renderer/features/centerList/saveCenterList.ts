/**
 * Sends the admin's edits to the server and, once taken, drops them from the draft and pulls the
 * new version. Whatever goes wrong, the edits stay on this device: nothing is lost to the network.
 */
import type { CenterListWriteError } from '../../sync/centerListClient.ts';
import { sendCenterListWrite } from '../../sync/centerListClient.ts';
import { discardCenterListDraft, loadCenterList, loadCenterListDraft } from '../../data/centerListRepository.ts';
import type { DeviceIdentity, MotcuaDb, StaffMember } from '../../data/db.ts';
import { pullCenterListWith } from '../../app/centerListPull.ts';
import { writeOfDraft } from './centerListDraft.ts';

export type SaveOutcome =
  | { kind: 'saved'; version: number; changed: number }
  | { kind: 'nothing' }
  | { kind: 'storage' }
  | CenterListWriteError;

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
    // Someone else's newer values come down, so the admin sees them before saving over them.
    if (sent.error.kind === 'conflict') await pullCenterListWith(db, link);
    return sent.error;
  }
  const discarded = await discardCenterListDraft(db, draft.value.map((d) => d.code));
  await pullCenterListWith(db, link);
  return discarded.ok ? { kind: 'saved', ...sent.value } : { kind: 'storage' };
}
