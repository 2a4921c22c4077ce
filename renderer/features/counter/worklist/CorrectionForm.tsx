/**
 * Correcting a saved file: the citizen, the procedure, the channel, the documents handed in and the
 * notes, checked by the registration's own rules, with a written reason. The number, the reception
 * and the scans never change. Saved as a `file.update` the server checks again and keeps the
 * previous version of.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../../shared/catalog/procedure.ts';
import type { SearchEngine } from '../../../../shared/catalog/searchTypes.ts';
import { buildWorkCalendar } from '../../../../shared/calendar/holidayTable.ts';
import { vietnamToday } from '../../../../shared/citizen/citizenFields.ts';
import { DatePicker } from '../../datePicker/DatePicker.tsx';
import type { FileChannel } from '../../../../shared/files/fileRecord.ts';
import type { DeviceIdentity, LocalFile, MotcuaDb, StaffMember } from '../../../data/db.ts';
import { correctFile } from '../../../data/fileChanges.ts';
import { AddressField } from '../register/AddressField.tsx';
import type { CommuneDirectory } from '../../../../shared/address/addressUnit.ts';
import { checklistFor, draftFromRecord, validateDraft, type DraftField, type FieldErrors, type RegisterDraft } from '../register/registerDraft.ts';
import { problemText } from './problemText.ts';

const CHANNELS: FileChannel[] = ['in_person', 'online', 'postal'];

interface Props {
  db: MotcuaDb;
  engine: SearchEngine;
  device: DeviceIdentity;
  staff: StaffMember;
  file: LocalFile;
  onSaved(): void;
  onCancel(): void;
}

export function CorrectionForm({ db, engine, device, staff, file, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RegisterDraft>(() => draftFromRecord(file, engine.byCode(file.procedureCode)));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [communes, setCommunes] = useState<CommuneDirectory | null>(null);
  const candidates = useMemo(() => (query.trim() ? engine.search(query, { limit: 6 }).hits : []), [engine, query]);

  // A procedure since dropped from the catalog is kept as the file has it: the rules read only its code and name.
  const kept = { code: file.procedureCode, name: file.procedureName } as Procedure;
  const procedure = draft.procedureCode ? (engine.byCode(draft.procedureCode) ?? (draft.procedureCode === file.procedureCode ? kept : undefined)) : undefined;

  const set = <K extends keyof RegisterDraft>(key: K, value: RegisterDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (field: DraftField) =>
    errors[field] ? (
      <span className="field-error" role="alert" id={`correct-error-${field}`} data-error-for={field}>
        {t(errors[field].key, errors[field].params)}
      </span>
    ) : null;

  const save = async () => {
    // The due date is not corrected here (file.due moves it, with its own reason), so no calendar is consulted.
    const valid = validateDraft(draft, procedure, { today: vietnamToday(), due: { kind: 'unchanged' }, receivedAt: new Date(file.receivedAt), calendar: buildWorkCalendar(null), communes });
    if (!valid.ok) {
      setErrors(valid.error);
      setProblem(t('counter.worklist.correct.fixFields'));
      return;
    }
    setErrors({});
    setBusy(true);
    const { procedureCode, procedureName, channel, citizen, documents, notes } = valid.value;
    const r = await correctFile(db, file.id, { procedureCode, procedureName, channel, citizen, documents, notes }, reason, { staff, device });
    setBusy(false);
    if (r.ok) onSaved();
    else setProblem(problemText(t, r.error));
  };

  return (
    <form className="register correction" data-testid="correction-form" onSubmit={(e) => e.preventDefault()} noValidate>
      <div className="banner warning" role="status">
        {t('counter.worklist.correct.intro', { number: file.number })}
      </div>
      <div className="register-columns">
        <section className="panel">
          <h3>{t('counter.register.procedure')}</h3>
          {procedure ? (
            <div className="chosen-procedure">
              <strong>{procedure.name}</strong>
              <span className="muted small">{procedure.code}</span>
              <button type="button" className="button" onClick={() => set('procedureCode', null)} data-testid="correct-change-procedure">
                {t('counter.register.changeProcedure')}
              </button>
            </div>
          ) : (
            <>
              <input className="input" placeholder={t('counter.register.procedurePlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="correct-procedure-search" />
              <ul className="pick-list">
                {candidates.map((h) => (
                  <li key={h.code}>
                    <button
                      type="button"
                      className="button pick"
                      data-code={h.code}
                      onClick={() => {
                        setDraft((d) => ({ ...d, procedureCode: h.code, documents: checklistFor(h.procedure) }));
                        setQuery('');
                      }}
                    >
                      {h.name}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {error('procedure')}
          <h3>{t('counter.register.documents')}</h3>
          <ul className="checklist">
            {draft.documents.map((d, i) => {
              const complete = d.originalsReceived >= d.originalsExpected && d.copiesReceived >= d.copiesExpected;
              return (
                <li key={i} className={complete ? 'done' : ''}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={complete}
                      onChange={(e) =>
                        set(
                          'documents',
                          draft.documents.map((x, j) =>
                            j === i ? { ...x, ...(e.target.checked ? { originalsReceived: x.originalsExpected, copiesReceived: x.copiesExpected } : { originalsReceived: 0, copiesReceived: 0 }) } : x,
                          ),
                        )
                      }
                    />
                    <span>{d.name}</span>
                  </label>
                </li>
              );
            })}
          </ul>
          <label className="field">
            <span>{t('counter.register.notes')}</span>
            <textarea className="input" rows={2} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
            {error('notes')}
          </label>
        </section>
        <section className="panel">
          <h3>{t('counter.register.citizen')}</h3>
          <label className="field">
            <span>{t('counter.register.idNumber')}</span>
            <input className="input" inputMode="numeric" maxLength={12} value={draft.idNumber} onChange={(e) => set('idNumber', e.target.value.replace(/\D/g, ''))} data-testid="correct-id-number" />
            {error('idNumber')}
          </label>
          <label className="field">
            <span>{t('counter.register.fullName')}</span>
            <input className="input" value={draft.fullName} onChange={(e) => set('fullName', e.target.value)} data-testid="correct-full-name" />
            {error('fullName')}
          </label>
          <div className="field-row">
            <label className="field">
              <span>{t('counter.register.birthDate')}</span>
              <DatePicker id="correct-birth-date" testId="correct-birth-date" value={draft.birthDate} onChange={(text) => set('birthDate', text)} max={vietnamToday()} invalid={Boolean(errors.birthDate)} />
              {error('birthDate')}
            </label>
            <fieldset className="field">
              <legend>{t('counter.register.sex')}</legend>
              <div className="segmented">
                {(['male', 'female'] as const).map((s) => (
                  <button key={s} type="button" className={`button${draft.sex === s ? ' active' : ''}`} aria-pressed={draft.sex === s} onClick={() => set('sex', s)}>
                    {t(`counter.register.sexes.${s}`)}
                  </button>
                ))}
              </div>
            </fieldset>
          </div>
          <label className="field">
            <span>{t('counter.register.phone')}</span>
            <input className="input" inputMode="tel" value={draft.phone} onChange={(e) => set('phone', e.target.value)} data-testid="correct-phone" />
            {error('phone')}
          </label>
          <AddressField
            db={db}
            serverUrl={device.serverUrl}
            text={draft.address}
            unit={draft.addressUnit}
            onTextChange={(text) => set('address', text)}
            onUnitChange={(unit) => set('addressUnit', unit)}
            onCommunes={setCommunes}
            error={errors.address ? { id: 'correct-error-address', node: error('address') } : null}
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
          <label className="field">
            <span>{t('counter.worklist.reason')}</span>
            <textarea className="input" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="correct-reason" />
          </label>
          {problem && (
            <p className="banner error" role="alert" data-testid="correct-problem">
              {problem}
            </p>
          )}
          <div className="admin-actions">
            <button type="button" className="button big" onClick={onCancel} data-testid="correct-cancel">
              {t('counter.worklist.correct.cancel')}
            </button>
            <button type="button" className="button primary big" disabled={busy} onClick={() => void save()} data-testid="correct-save">
              {t('counter.worklist.correct.save')}
            </button>
          </div>
        </section>
      </div>
    </form>
  );
}
