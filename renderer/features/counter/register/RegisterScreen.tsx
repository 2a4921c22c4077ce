/**
 * Registering a walk-in file: procedure, citizen (typed, scanned or pasted from the căn cước card),
 * channel, the documents actually handed in, scans, notes, and the due date when the procedure has
 * no usable time. Save writes to this device at once; the network is never waited for. A wrong
 * field is hard to miss: it turns red, the first one is scrolled to and focused, and its message
 * goes away as soon as it is fixed.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommuneDirectory } from '../../../../shared/address/addressUnit.ts';
import type { Procedure } from '../../../../shared/catalog/procedure.ts';
import type { SearchEngine } from '../../../../shared/catalog/searchTypes.ts';
import { findCccdQrIn, parseCccdQr, type CccdData, type CccdQrProblem } from '../../../../shared/citizen/cccdQr.ts';
import { vietnamToday } from '../../../../shared/citizen/citizenFields.ts';
import type { FileChannel } from '../../../../shared/files/fileRecord.ts';
import { registerFile, resendFile } from '../../../data/fileRegistry.ts';
import { standingRejection } from '../../../data/outbox.ts';
import { reasonWords } from '../outbox/outboxWords.ts';
import type { DeviceIdentity, LocalFile, MotcuaDb, StaffMember } from '../../../data/db.ts';
import type { WorkCalendar } from '../../../../shared/calendar/holidayTable.ts';
import { DatePicker } from '../../datePicker/DatePicker.tsx';
import { effectiveProcessingTime } from '../../../../shared/centerList/effectiveFacts.ts';
import { useCenterList } from '../../../app/useCenterList.ts';
import { planDueDate, staffDueRange, type DuePlan } from './dueDatePlan.ts';
import {
  applyCard,
  checklistFor,
  draftFromRecord,
  emptyDraft,
  fieldsOfStoredPaths,
  firstInvalidField,
  DRAFT_FIELDS,
  FIELD_LABEL_KEYS,
  idDigits,
  missingDocuments,
  nothingReceived,
  validateDraft,
  type DraftField,
  type FieldErrors,
  type RegisterDraft,
} from './registerDraft.ts';
import { AddressField } from './AddressField.tsx';
import { CameraScanner } from './CameraScanner.tsx';
import { ScanPicker } from './ScanPicker.tsx';
import { useCardScanner } from './useCardScanner.ts';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import './register.css';

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
  /** A half-typed form kept over an idle sign-out, to continue where the same person left it. */
  initialDraft?: RegisterDraft | null;
  /** A citizen's pre-registration from the kiosk, opened into the form: filled, nothing saved until staff save (features/counter/prereg). */
  prefill?: { draft: RegisterDraft; notice: string } | null;
  /** Told of every change (for keeping the form over an idle sign-out); `restored` once initialDraft is in use. */
  onDraftChange?(draft: RegisterDraft, restored: boolean): void;
}

const CHANNELS: FileChannel[] = ['in_person', 'online', 'postal'];

/** Text fields where a whole căn cước payload may be typed or dropped (the ID field keeps digits only). */
type TextField = 'fullName' | 'birthDate' | 'phone' | 'address' | 'notes';

/** The element that takes the focus for a field in error. */
const FOCUS_TARGET: Record<DraftField, string> = {
  procedure: '[data-field="procedure"]',
  dueDate: '[data-testid="due-date"]',
  documents: '[data-testid="checklist"] input',
  idNumber: '[data-testid="id-number"]',
  fullName: '[data-testid="full-name"]',
  birthDate: '[data-testid="birth-date"]',
  sex: '[data-sex]',
  phone: '[data-testid="phone"]',
  address: '[data-testid="address"]',
  attachments: '[data-testid="attachments"]',
  notes: '[data-testid="notes"]',
};

export function RegisterScreen({ db, engine, device, staff, fixing, calendar, onDone, onDirtyChange, initialDraft, onDraftChange, prefill }: Props) {
  const { t, i18n } = useTranslation();
  const [initial] = useState<RegisterDraft>(() => (fixing ? draftFromRecord(fixing, engine.byCode(fixing.procedureCode)) : emptyDraft()));
  const [restored] = useState(() => initialDraft ?? null);
  const [draft, setDraft] = useState<RegisterDraft>(() => restored ?? prefill?.draft ?? initial);
  /** Set by the first save: from then on the messages follow the draft, so a fixed field clears at once. */
  const [attempted, setAttempted] = useState(false);
  /** Fields the device's storage refused (behind validateDraft, a safety net), until the next save. */
  const [storedErrors, setStoredErrors] = useState<FieldErrors>({});
  const [focus, setFocus] = useState<{ field: DraftField; request: number } | null>(null);
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);
  const [procedureQuery, setProcedureQuery] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(() => (restored ? { kind: 'ok', text: t('counter.register.restored') } : prefill ? { kind: 'ok', text: prefill.notice } : null));
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    onDraftChange?.(draft, restored !== null);
  }, [draft, restored, onDraftChange]);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = draft !== initial || procedureQuery !== '';
  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);

  const procedure: Procedure | undefined = draft.procedureCode ? engine.byCode(draft.procedureCode) : undefined;
  const centerList = useCenterList(db);
  const candidates = useMemo(
    () => (procedureQuery.trim() ? engine.search(procedureQuery, { limit: 6 }).hits : []),
    [engine, procedureQuery],
  );

  /** The time to count from: the catalog's, for the channel used. The center's own list, where it has one, comes first. */
  const planAt = (at: Date): DuePlan => {
    // The center's time where its list sets one, else the catalog's; unknown: staff set the date.
    const time = effectiveProcessingTime(procedure, procedure ? centerList.entries[procedure.code] : undefined, draft.channel);
    return planDueDate(time.known ? time : null, at, calendar);
  };
  const receivedAt = fixing ? new Date(fixing.receivedAt) : new Date();
  // Why the server refused the file being fixed, in the staff's words (its code; never the server's English).
  const [fixingReason, setFixingReason] = useState('');
  useEffect(() => {
    if (!fixing) return;
    void standingRejection(db, fixing.id)
      .then((entry) => setFixingReason(reasonWords(entry ?? { state: 'rejected', lastError: fixing.rejectReason, lastErrorCode: null }, t, (key) => i18n.exists(key)) ?? ''))
      .catch(() => setFixingReason(t('counter.outbox.reasonUnknown')));
  }, [db, fixing, t, i18n]);
  const duePlan = procedure ? planAt(receivedAt) : null;
  // The new communes, once the address field has opened the table (a picked unit is checked against it).
  const [communes, setCommunes] = useState<CommuneDirectory | null>(null);
  const contextAt = (at: Date) => ({ today: vietnamToday(), due: planAt(at), receivedAt: at, calendar, communes });
  const live = attempted ? validateDraft(draft, procedure, contextAt(receivedAt)) : null;
  const errors: FieldErrors = { ...(live && !live.ok ? live.error : {}), ...storedErrors };

  // The first wrong field is brought into view and focused, after the messages have rendered.
  useEffect(() => {
    if (!focus) return;
    const target = formRef.current?.querySelector<HTMLElement>(FOCUS_TARGET[focus.field]);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [focus]);

  const fillFromCard = useCallback(
    (card: CccdData, before: RegisterDraft) => {
      setDraft(applyCard(before, card));
      setNotice({ kind: 'ok', text: t('counter.scan.filled', { name: card.fullName }) });
    },
    [t],
  );
  const cardProblem = useCallback((problem: CccdQrProblem) => setNotice({ kind: 'error', text: t(`counter.scan.problem.${problem.problem}`) }), [t]);

  const [camera, setCamera] = useState(false);
  const onCameraText = useCallback(
    (text: string) => {
      setCamera(false);
      const card = parseCccdQr(text, { today: vietnamToday() });
      if (card.ok) setDraft((d) => applyCard(d, card.value));
      if (card.ok) setNotice({ kind: 'ok', text: t('counter.scan.filled', { name: card.value.fullName }) });
      else cardProblem(card.error);
    },
    [t, cardProblem],
  );

  useCardScanner<RegisterDraft>({
    snapshot: () => draft,
    onCard: fillFromCard,
    onProblem: (problem, before) => {
      setDraft(before);
      cardProblem(problem);
    },
  });

  const set = <K extends keyof RegisterDraft>(key: K, value: RegisterDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  /** A whole card payload that arrives in a text field (typed without Enter, dropped, put there by a helper app) fills the form like a scan. */
  const setText = (key: TextField, value: string) => {
    const found = findCccdQrIn(value, { today: vietnamToday() });
    if (found) fillFromCard(found.card, { ...draft, [key]: value.slice(0, found.start).trimEnd() });
    else set(key, value);
  };
  const error = (field: DraftField) =>
    errors[field] ? (
      <span className="field-error" role="alert" id={`error-${field}`} data-error-for={field}>
        {t(errors[field].key, errors[field].params)}
      </span>
    ) : null;
  /** Props that mark an input of a field in error: red, and read out with its message. */
  const invalid = (field: DraftField) => ({ 'aria-invalid': errors[field] ? true : undefined, 'aria-describedby': errors[field] ? `error-${field}` : undefined });
  const fieldClass = (field: DraftField) => `field${errors[field] ? ' invalid' : ''}`;

  const chooseProcedure = (p: Procedure) => {
    setDraft((d) => ({ ...d, procedureCode: p.code, documents: checklistFor(p) }));
    setProcedureQuery('');
  };

  /** Asks for the focus to go to `field` once the messages are on screen (again, even if it is the same field). */
  const focusOn = (field: DraftField) => setFocus((previous) => ({ field, request: (previous?.request ?? 0) + 1 }));
  const fieldNames = (fields: DraftField[]) => fields.map((f) => t(FIELD_LABEL_KEYS[f])).join(', ');

  const save = async (confirmedEmpty: boolean) => {
    const at = fixing ? new Date(fixing.receivedAt) : new Date();
    const valid = validateDraft(draft, procedure, contextAt(at));
    setAttempted(true);
    setStoredErrors({});
    if (!valid.ok) {
      const fields = DRAFT_FIELDS.filter((f) => valid.error[f]);
      setNotice({ kind: 'error', text: t('counter.errors.fixFields', { count: fields.length, fields: fieldNames(fields) }) });
      focusOn(firstInvalidField(valid.error) ?? 'procedure');
      return;
    }
    if (!confirmedEmpty && nothingReceived(draft.documents)) {
      setConfirmingEmpty(true);
      return;
    }
    setConfirmingEmpty(false);
    setSaving(true);
    const saved = fixing ? await resendFile(db, fixing.id, valid.value, staff) : await registerFile(db, valid.value, { device, staff }, at);
    setSaving(false);
    if (!saved.ok) {
      const { error } = saved;
      const fields = error.kind === 'invalid' ? fieldsOfStoredPaths(error.fields) : [];
      // A file check (e.g. the PC's clock is years off) says what is wrong, in the staff's language.
      if (error.kind === 'invalid' && error.code) setNotice({ kind: 'error', text: t(error.code, error.params) });
      else if (fields.length > 0) {
        setStoredErrors(Object.fromEntries(fields.map((f) => [f, { key: 'counter.errors.notStorable' }])));
        setNotice({ kind: 'error', text: t('counter.errors.storage.invalidFields', { fields: fieldNames(fields) }) });
        focusOn(fields[0]!);
      } else setNotice({ kind: 'error', text: t(`counter.errors.storage.${error.kind}`) });
      return;
    }
    onDone(saved.value);
  };

  const missing = missingDocuments(draft.documents).length;
  const required = draft.documents.filter((d) => !d.conditional).length;
  const dueRange = staffDueRange(receivedAt);
  const dateText = (at: Date) =>
    at.toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: VIETNAM_TIME });

  const checklistItem = (index: number): ReactNode => {
    const d = draft.documents[index]!;
    const update = (patch: Partial<typeof d>) => set('documents', draft.documents.map((x, j) => (j === index ? { ...x, ...patch } : x)));
    const complete = d.originalsReceived >= d.originalsExpected && d.copiesReceived >= d.copiesExpected;
    return (
      <li key={index} className={complete ? 'done' : ''} data-conditional={d.conditional ? 'true' : 'false'}>
        <label className="check">
          <input
            type="checkbox"
            checked={complete}
            onChange={(e) =>
              update(e.target.checked ? { originalsReceived: d.originalsExpected, copiesReceived: d.copiesExpected } : { originalsReceived: 0, copiesReceived: 0 })
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
  };
  const indexes = draft.documents.map((_, i) => i);
  const requiredIndexes = indexes.filter((i) => !draft.documents[i]!.conditional);
  const conditionalIndexes = indexes.filter((i) => draft.documents[i]!.conditional);

  return (
    <form ref={formRef} className="register" data-testid="register-form" onSubmit={(e) => e.preventDefault()} noValidate>
      {fixing && (
        <div className="banner error" role="status">
          {t('counter.register.fixing', { number: fixing.number, reason: fixingReason })}
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
              <button type="button" className="button" data-field="procedure" onClick={() => set('procedureCode', null)}>
                {t('counter.register.changeProcedure')}
              </button>
            </div>
          ) : (
            <>
              <input
                className="input"
                data-testid="procedure-search"
                data-field="procedure"
                placeholder={t('counter.register.procedurePlaceholder')}
                value={procedureQuery}
                onChange={(e) => setProcedureQuery(e.target.value)}
                {...invalid('procedure')}
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

          {duePlan?.kind === 'computed' && (
            <p className="due-line" data-testid="due-computed">
              {t('counter.register.dueComputed', { date: dateText(duePlan.due.due) })}
            </p>
          )}
          {duePlan?.kind === 'staff' && (
            <div className={`${fieldClass('dueDate')} due-entry`} data-testid="due-entry">
              <label htmlFor="due-date">{t('counter.register.dueDate')}</label>
              <p className="muted small">{t('counter.register.dueUnknown')}</p>
              <DatePicker
                id="due-date"
                testId="due-date"
                value={draft.dueDate}
                onChange={(text) => set('dueDate', text)}
                min={dueRange.first}
                max={dueRange.last}
                calendar={calendar}
                gridOpen
                invalid={Boolean(errors.dueDate)}
                describedBy={errors.dueDate ? 'error-dueDate' : undefined}
              />
              {error('dueDate')}
            </div>
          )}

          {procedure && (
            <>
              <h3>
                {t('counter.register.documents')}{' '}
                <span className={`badge ${missing ? 'if-needed' : 'copy'}`} data-testid="missing-count" data-missing={missing}>
                  {missing ? t('counter.register.missing', { count: missing }) : required ? t('counter.register.complete') : t('counter.register.onlyConditional')}
                </span>
              </h3>
              <div data-testid="checklist" className="checklist-groups">
                {requiredIndexes.length > 0 && (
                  <>
                    <h4>{t('counter.register.requiredDocuments')}</h4>
                    <ul className="checklist" data-testid="checklist-required">
                      {requiredIndexes.map(checklistItem)}
                    </ul>
                  </>
                )}
                {conditionalIndexes.length > 0 && (
                  <>
                    <h4>{t('counter.register.conditionalDocuments')}</h4>
                    <ul className="checklist conditional" data-testid="checklist-conditional">
                      {conditionalIndexes.map(checklistItem)}
                    </ul>
                  </>
                )}
              </div>
              {error('documents')}
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
          <label className={fieldClass('idNumber')}>
            <span>{t('counter.register.idNumber')}</span>
            <input className="input" data-testid="id-number" inputMode="numeric" autoComplete="off" value={draft.idNumber} onChange={(e) => set('idNumber', idDigits(e.target.value))} {...invalid('idNumber')} />
            {error('idNumber')}
          </label>
          <label className={fieldClass('fullName')}>
            <span>{t('counter.register.fullName')}</span>
            <input className="input" data-testid="full-name" autoComplete="off" value={draft.fullName} onChange={(e) => setText('fullName', e.target.value)} {...invalid('fullName')} />
            {error('fullName')}
          </label>
          <div className="field-row">
            <div className={fieldClass('birthDate')}>
              <label htmlFor="birth-date">{t('counter.register.birthDate')}</label>
              <DatePicker
                id="birth-date"
                testId="birth-date"
                value={draft.birthDate}
                onChange={(text) => setText('birthDate', text)}
                max={vietnamToday()}
                invalid={Boolean(errors.birthDate)}
                describedBy={errors.birthDate ? 'error-birthDate' : undefined}
              />
              {error('birthDate')}
            </div>
            <fieldset className={fieldClass('sex')}>
              <legend>{t('counter.register.sex')}</legend>
              <div className="segmented">
                {(['male', 'female'] as const).map((s) => (
                  <button key={s} type="button" className={`button${draft.sex === s ? ' active' : ''}`} aria-pressed={draft.sex === s} onClick={() => set('sex', s)} data-sex={s}>
                    {t(`counter.register.sexes.${s}`)}
                  </button>
                ))}
              </div>
              {error('sex')}
            </fieldset>
          </div>
          <label className={fieldClass('phone')}>
            <span>{t('counter.register.phone')}</span>
            <input className="input" data-testid="phone" inputMode="tel" autoComplete="off" value={draft.phone} onChange={(e) => setText('phone', e.target.value)} {...invalid('phone')} />
            {error('phone')}
          </label>
          <AddressField
            db={db}
            serverUrl={device.serverUrl}
            text={draft.address}
            unit={draft.addressUnit}
            onTextChange={(text) => setText('address', text)}
            onUnitChange={(unit) => set('addressUnit', unit)}
            onCommunes={setCommunes}
            error={errors.address ? { id: 'error-address', node: error('address') } : null}
            className={fieldClass('address')}
          />
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
          <ScanPicker scans={draft.attachments} onChange={(scans) => set('attachments', scans)} />
          <label className={fieldClass('notes')}>
            <span>{t('counter.register.notes')}</span>
            <textarea className="input" rows={2} data-testid="notes" value={draft.notes} onChange={(e) => setText('notes', e.target.value)} {...invalid('notes')} />
            {error('notes')}
          </label>
          <button type="button" className="button primary big" disabled={saving} onClick={() => void save(false)} data-testid="save-file">
            {fixing ? t('counter.register.resend') : t('counter.register.save')}
          </button>
        </section>
      </div>
      {confirmingEmpty && (
        <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="confirm-empty-title" data-testid="confirm-no-documents">
          <div className="overlay-card">
            <h2 id="confirm-empty-title">{t('counter.register.noDocumentsTitle')}</h2>
            <p>{t('counter.register.noDocumentsBody', { count: draft.documents.length })}</p>
            <div className="confirm-actions">
              <button type="button" className="button big" autoFocus onClick={() => setConfirmingEmpty(false)} data-testid="confirm-no-documents-back">
                {t('counter.register.noDocumentsBack')}
              </button>
              <button type="button" className="button primary big" disabled={saving} onClick={() => void save(true)} data-testid="confirm-no-documents-save">
                {t('counter.register.noDocumentsSave')}
              </button>
            </div>
          </div>
        </div>
      )}
    </form>
  );
}
