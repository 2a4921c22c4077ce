/**
 * Registering a walk-in file: procedure, citizen (typed or scanned from the căn cước card),
 * channel, the documents actually handed in, scans, notes. Save writes to this device at once;
 * the network is never waited for. The citizen leaves with the file number.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../../shared/catalog/procedure.ts';
import type { SearchEngine } from '../../../../shared/catalog/searchTypes.ts';
import { parseCccdQr } from '../../../../shared/citizen/cccdQr.ts';
import { dayNumberOf, isoFromDayNumber } from '../../../../shared/calendar/civilDay.ts';
import { MAX_ATTACHMENT_BYTES, type FileChannel } from '../../../../shared/files/fileRecord.ts';
import { registerFile, resendFile } from '../../../data/fileRegistry.ts';
import type { DeviceIdentity, LocalFile, MotcuaDb, StaffMember } from '../../../data/db.ts';
import { computeDueDate } from '../../../../shared/calendar/dueDate.ts';
import type { WorkCalendar } from '../../../../shared/calendar/holidayTable.ts';
import { methodFor } from '../../procedure/procedureFacts.ts';
import { readAttachment } from './readAttachment.ts';
import {
  applyCard,
  checklistFor,
  emptyDraft,
  missingDocuments,
  validateDraft,
  type DraftField,
  type FieldErrors,
  type RegisterDraft,
} from './registerDraft.ts';
import { CameraScanner } from './CameraScanner.tsx';
import { useCardScanner } from './useCardScanner.ts';

interface Props {
  db: MotcuaDb;
  engine: SearchEngine;
  device: DeviceIdentity;
  staff: StaffMember;
  /** A rejected file to fix and send again, instead of a new one. */
  fixing?: LocalFile | null;
  onDone(file: LocalFile): void;
  /** Working days and holidays, for the due date on the receipt. */
  calendar: WorkCalendar;
  /** Told whether the form holds unsaved input, so an app update never lands on top of it. */
  onDirtyChange?(dirty: boolean): void;
}

const CHANNELS: FileChannel[] = ['in_person', 'online', 'postal'];

function draftFromFile(file: LocalFile): RegisterDraft {
  return {
    procedureCode: file.procedureCode,
    fullName: file.citizen.fullName,
    birthDate: file.citizen.birthDate,
    idNumber: file.citizen.idNumber,
    sex: file.citizen.sex ?? '',
    phone: file.citizen.phone ?? '',
    address: file.citizen.address ?? '',
    channel: file.channel,
    documents: file.documents,
    attachments: file.attachments,
    notes: file.notes ?? '',
  };
}

const todayIso = () => isoFromDayNumber(dayNumberOf(new Date()));

export function RegisterScreen({ db, engine, device, staff, fixing, calendar, onDone, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RegisterDraft>(() => (fixing ? draftFromFile(fixing) : emptyDraft()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [procedureQuery, setProcedureQuery] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [initial] = useState(draft);
  const dirty = draft !== initial || procedureQuery !== '';
  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);

  const procedure: Procedure | undefined = draft.procedureCode ? engine.byCode(draft.procedureCode) : undefined;
  const candidates = useMemo(
    () => (procedureQuery.trim() ? engine.search(procedureQuery, { limit: 6 }).hits : []),
    [engine, procedureQuery],
  );

  const [camera, setCamera] = useState(false);
  const onCameraText = useCallback(
    (text: string) => {
      setCamera(false);
      const card = parseCccdQr(text);
      if (card.ok) {
        setDraft((d) => applyCard(d, card.value));
        setNotice({ kind: 'ok', text: t('counter.scan.filled', { name: card.value.fullName }) });
      } else setNotice({ kind: 'error', text: t(`counter.scan.problem.${card.error.problem}`) });
    },
    [t],
  );

  useCardScanner<RegisterDraft>({
    snapshot: () => draft,
    onCard: (card, before) => {
      setDraft(applyCard(before, card));
      setErrors((e) => ({ ...e, idNumber: undefined, fullName: undefined, birthDate: undefined }));
      setNotice({ kind: 'ok', text: t('counter.scan.filled', { name: card.fullName }) });
    },
    onProblem: (problem, before) => {
      setDraft(before);
      setNotice({ kind: 'error', text: t(`counter.scan.problem.${problem.problem}`) });
    },
  });

  const set = <K extends keyof RegisterDraft>(key: K, value: RegisterDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (field: DraftField) =>
    errors[field] ? (
      <span className="field-error" role="alert" data-error-for={field}>
        {t(errors[field].key, errors[field].params)}
      </span>
    ) : null;

  const chooseProcedure = (p: Procedure) => {
    setDraft((d) => ({ ...d, procedureCode: p.code, documents: checklistFor(p) }));
    setProcedureQuery('');
    setErrors((e) => ({ ...e, procedure: undefined }));
  };

  const addFiles = async (files: FileList | null) => {
    if (!files) return;
    let attachments = draft.attachments;
    for (const file of Array.from(files)) {
      const read = await readAttachment(file, attachments.length);
      if (read.ok) attachments = [...attachments, read.value];
      else setNotice({ kind: 'error', text: t(read.error.key, { name: read.error.name, max: MAX_ATTACHMENT_BYTES / (1024 * 1024) }) });
    }
    set('attachments', attachments);
  };

  const save = async () => {
    const valid = validateDraft(draft, procedure, todayIso());
    if (!valid.ok) {
      setErrors(valid.error);
      setNotice({ kind: 'error', text: t('counter.errors.fixFields') });
      return;
    }
    setErrors({});
    setSaving(true);
    const now = fixing ? new Date(fixing.receivedAt) : new Date();
    const method = procedure ? methodFor(procedure, draft.channel) : undefined;
    const due = method ? computeDueDate(now, method.time, calendar) : null;
    const input = { ...valid.value, dueAt: due?.ok ? due.value.due.toISOString() : null };
    const saved = fixing ? await resendFile(db, fixing.id, input, staff) : await registerFile(db, input, { device, staff }, now);
    setSaving(false);
    if (!saved.ok) {
      const { error } = saved;
      // A file check (e.g. the PC's clock is years off) says what is wrong, in the staff's language.
      setNotice({ kind: 'error', text: error.kind === 'invalid' && error.code ? t(error.code, error.params) : t(`counter.errors.storage.${error.kind}`) });
      return;
    }
    onDone(saved.value);
  };

  const missing = missingDocuments(draft.documents).length;

  return (
    <form className="register" data-testid="register-form" onSubmit={(e) => e.preventDefault()} noValidate>
      {fixing && (
        <div className="banner error" role="status">
          {t('counter.register.fixing', { number: fixing.number, reason: fixing.rejectReason ?? '' })}
        </div>
      )}
      {notice && (
        <div className={`banner ${notice.kind === 'ok' ? 'success' : 'error'}`} role="status" data-testid="register-notice">
          {notice.text}
        </div>
      )}
      <div className="register-columns">
        <section className="panel">
          <h3>{t('counter.register.procedure')}</h3>
          {procedure ? (
            <div className="chosen-procedure" data-testid="chosen-procedure">
              <strong>{procedure.name}</strong>
              <span className="muted small">
                {procedure.code} · {procedure.field}
              </span>
              <button type="button" className="button" onClick={() => set('procedureCode', null)}>
                {t('counter.register.changeProcedure')}
              </button>
            </div>
          ) : (
            <>
              <input
                className="input"
                data-testid="procedure-search"
                placeholder={t('counter.register.procedurePlaceholder')}
                value={procedureQuery}
                onChange={(e) => setProcedureQuery(e.target.value)}
              />
              <ul className="pick-list">
                {candidates.map((h) => (
                  <li key={h.code}>
                    <button type="button" className="button pick" onClick={() => chooseProcedure(h.procedure)} data-code={h.code}>
                      {h.name}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {error('procedure')}

          {procedure && (
            <>
              <h3>
                {t('counter.register.documents')}{' '}
                <span className={`badge ${missing ? 'if-needed' : 'copy'}`}>
                  {missing ? t('counter.register.missing', { count: missing }) : t('counter.register.complete')}
                </span>
              </h3>
              <ul className="checklist" data-testid="checklist">
                {draft.documents.map((d, i) => {
                  const update = (patch: Partial<typeof d>) =>
                    set('documents', draft.documents.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                  const complete = d.originalsReceived >= d.originalsExpected && d.copiesReceived >= d.copiesExpected;
                  return (
                    <li key={i} className={complete ? 'done' : ''}>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={complete}
                          onChange={(e) =>
                            update(
                              e.target.checked
                                ? { originalsReceived: d.originalsExpected, copiesReceived: d.copiesExpected }
                                : { originalsReceived: 0, copiesReceived: 0 },
                            )
                          }
                        />
                        <span>{d.name}</span>
                      </label>
                      <span className="counts">
                        {t('counter.register.originals', { got: d.originalsReceived, want: d.originalsExpected })} ·{' '}
                        {t('counter.register.copies', { got: d.copiesReceived, want: d.copiesExpected })}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>

        <section className="panel">
          <h3>{t('counter.register.citizen')}</h3>
          <div className="scan-row">
            <p className="muted small">{t('counter.scan.hint')}</p>
            <button type="button" className="button" onClick={() => setCamera(true)} data-testid="open-camera">
              {t('counter.camera.open')}
            </button>
          </div>
          {camera && <CameraScanner onText={onCameraText} onClose={() => setCamera(false)} />}
          <label className="field">
            <span>{t('counter.register.idNumber')}</span>
            <input className="input" data-testid="id-number" inputMode="numeric" maxLength={12} value={draft.idNumber} onChange={(e) => set('idNumber', e.target.value.replace(/\D/g, ''))} />
            {error('idNumber')}
          </label>
          <label className="field">
            <span>{t('counter.register.fullName')}</span>
            <input className="input" data-testid="full-name" value={draft.fullName} onChange={(e) => set('fullName', e.target.value)} />
            {error('fullName')}
          </label>
          <div className="field-row">
            <label className="field">
              <span>{t('counter.register.birthDate')}</span>
              <input className="input" data-testid="birth-date" type="date" value={draft.birthDate} onChange={(e) => set('birthDate', e.target.value)} />
              {error('birthDate')}
            </label>
            <fieldset className="field">
              <legend>{t('counter.register.sex')}</legend>
              <div className="segmented">
                {(['male', 'female'] as const).map((s) => (
                  <button key={s} type="button" className={`button${draft.sex === s ? ' active' : ''}`} aria-pressed={draft.sex === s} onClick={() => set('sex', s)} data-sex={s}>
                    {t(`counter.register.sexes.${s}`)}
                  </button>
                ))}
              </div>
            </fieldset>
          </div>
          <label className="field">
            <span>{t('counter.register.phone')}</span>
            <input className="input" data-testid="phone" inputMode="tel" value={draft.phone} onChange={(e) => set('phone', e.target.value)} />
            {error('phone')}
          </label>
          <label className="field">
            <span>{t('counter.register.address')}</span>
            <input className="input" data-testid="address" value={draft.address} onChange={(e) => set('address', e.target.value)} />
            {error('address')}
          </label>
          <fieldset className="field">
            <legend>{t('counter.register.channel')}</legend>
            <div className="segmented">
              {CHANNELS.map((c) => (
                <button key={c} type="button" className={`button${draft.channel === c ? ' active' : ''}`} aria-pressed={draft.channel === c} onClick={() => set('channel', c)}>
                  {t(`facts.channel.${c}`)}
                </button>
              ))}
            </div>
          </fieldset>
          <label className="field">
            <span>{t('counter.register.attachments')}</span>
            <input type="file" multiple accept="image/*,application/pdf" data-testid="attachments" onChange={(e) => void addFiles(e.target.files)} />
            {draft.attachments.length > 0 && (
              <ul className="attachments">
                {draft.attachments.map((a, i) => (
                  <li key={i}>
                    {a.name} <span className="muted small">({Math.ceil(a.size / 1024)} KB)</span>{' '}
                    <button type="button" className="button small-button" onClick={() => set('attachments', draft.attachments.filter((_, j) => j !== i))}>
                      {t('counter.register.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </label>
          <label className="field">
            <span>{t('counter.register.notes')}</span>
            <textarea className="input" rows={2} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
            {error('notes')}
          </label>
          <button type="button" className="button primary big" disabled={saving} onClick={() => void save()} data-testid="save-file">
            {fixing ? t('counter.register.resend') : t('counter.register.save')}
          </button>
        </section>
      </div>
    </form>
  );
}
