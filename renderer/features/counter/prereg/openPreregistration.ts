/**
 * Opens a citizen's pre-registration for the registration form, by id (from a called queue ticket)
 * or by the code on the kiosk's slip: asks the center's server, then turns the draft into the form
 * with a notice saying where it came from. Every failure is a translation key (no English reaches
 * the screen); a missing, expired or other center's draft all read "not found".
 */
import type { TFunction } from 'i18next';
import type { SearchEngine } from '../../../../shared/catalog/searchTypes.ts';
import { normaliseDraftCode } from '../../../../shared/prereg/preregDraft.ts';
import { err, ok, type Result } from '../../../../shared/result.ts';
import type { DeviceIdentity } from '../../../data/db.ts';
import { failureKey } from '../../../sync/apiFailureKey.ts';
import { fetchDraft, fetchDraftByCode } from '../../../sync/preregClient.ts';
import type { RegisterDraft } from '../register/registerDraft.ts';
import { formFromPrereg } from './preregToForm.ts';

export interface OpenedPrereg {
  draft: RegisterDraft;
  notice: string;
  /** The kiosk's draft id, for the queue and the support log. */
  draftId: string;
}

export type PreregRef = { id: string } | { code: string };

export async function openPreregistration(device: DeviceIdentity, engine: SearchEngine, ref: PreregRef, t: TFunction): Promise<Result<OpenedPrereg, string>> {
  const link = { serverUrl: device.serverUrl, token: device.token };
  let answer;
  if ('code' in ref) {
    const code = normaliseDraftCode(ref.code);
    if (!code) return err('prereg.counter.invalidCode');
    answer = await fetchDraftByCode(link, code);
  } else answer = await fetchDraft(link, ref.id);
  if (!answer.ok) {
    if (answer.error.kind === 'refused' && answer.error.status === 404) return err('prereg.counter.notFound');
    if (answer.error.kind === 'refused' && answer.error.code === 'invalid_draft_code') return err('prereg.counter.invalidCode');
    return err(failureKey(answer.error));
  }
  const { draft } = answer.value;
  const procedure = engine.byCode(draft.procedureCode);
  const notices = [t('prereg.counter.filled', { code: draft.code, source: t(`prereg.counter.sources.${draft.source}`) })];
  if (!procedure) notices.push(t('prereg.counter.unknownProcedure', { code: draft.procedureCode }));
  return ok({ draft: formFromPrereg(draft, procedure), notice: notices.join(' '), draftId: draft.id });
}
