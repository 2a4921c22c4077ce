/**
 * Pre-registration at the kiosk (đăng ký trước): the citizen scans the căn cước QR (the scanner types
 * it anywhere on the screen) or types their details, picks the procedure, ticks what they brought
 * and confirms. The draft is sealed on the kiosk and sent when the link allows; the citizen leaves
 * with a short code (and the queue number, where there is a queue), and the screen keeps no personal
 * data once confirmed: the details are dropped from memory before "your number" shows.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import type { SearchEngine } from '../../../shared/catalog/searchTypes.ts';
import { looksLikeCccdQr, type CccdQrProblem } from '../../../shared/citizen/cccdQr.ts';
import { vietnamToday } from '../../../shared/citizen/citizenFields.ts';
import type { Citizen } from '../../../shared/files/fileRecord.ts';
import { formatDayMonthYear } from '../../../shared/calendar/dayMonthYear.ts';
import { VIETNAM_TIME } from '../../../shared/files/vietnamTime.ts';
import type { MotcuaDb } from '../../data/db.ts';
import { loadDevice } from '../../data/deviceRepository.ts';
import { draftState, saveDraft } from '../../data/preregDrafts.ts';
import type { Platform } from '../../platform/platform.ts';
import type { PrintOutcome } from '../../platform/printing.ts';
import { ROLL_80MM_PAGE } from '../counter/receipt/printReceipt.ts';
import { checklistFor } from '../counter/register/registerDraft.ts';
import { useCardScanner } from '../counter/register/useCardScanner.ts';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { checkTypedCitizen, citizenFromCard, emptyTyped, maskedId, TYPED_FIELDS, type TypedCitizen, type TypedErrors, type TypedField } from './preregCitizen.ts';
import { PreregSlip } from './PreregSlip.tsx';
import slipCss from './preregSlip.css?inline';
import './preregSlip.css';
import './prereg.css';

type Step = 'who' | 'procedure' | 'documents' | 'confirm' | 'done';

/** What the "your number" screen may show: no name, no ID number, nothing personal. */
interface Confirmed {
  id: string;
  code: string;
  procedureName: string;
  createdAt: string;
  /** The queue number taken with it; null without a queue (the code is then what the clerk asks for). */
  ticket: string | null;
}

interface Props {
  db: MotcuaDb;
  engine: SearchEngine;
  platform: Platform;
  /** The procedure chosen before (a procedure page, the guidance checklist); null: the citizen picks it here. */
  procedureCode: string | null;
  /** Sends waiting drafts now (sync/preregSender.ts). */
  sendNow(): void;
  /**
   * Takes a queue number linked to the draft (the counter that calls it opens the draft); absent
   * where this kiosk gives no numbers, and null when none was given: the code alone then does.
   */
  takeNumber?: (draftId: string, procedure: Procedure) => Promise<string | null>;
  /** Back to a clean home screen. */
  onFinish(): void;
}

/** Shorter text ending in Enter is a stray key press, not a scan. */
const MIN_SCAN_LENGTH = 8;
const DIGIT_LAYOUT = { default: ['1 2 3', '4 5 6', '7 8 9', '/ 0 {bksp}'] };
const NAME_LAYOUT = {
  default: ['q w e r t y u i o p â ă {bksp}', 'a s d f g h j k l ê ô đ', 'z x c v b n m ơ ư {clear}', '{sac} {huyen} {hoi} {nga} {nang} {space}'],
};

export function PreregScreen({ db, engine, platform, procedureCode, sendNow, takeNumber, onFinish }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('who');
  const [deviceCode, setDeviceCode] = useState<string | null | undefined>(undefined);
  const [citizen, setCitizen] = useState<{ value: Citizen; source: 'card' | 'typed' } | null>(null);
  const [typing, setTyping] = useState(false);
  const [typed, setTyped] = useState<TypedCitizen>(emptyTyped);
  const [field, setField] = useState<TypedField>('fullName');
  const [typedErrors, setTypedErrors] = useState<TypedErrors>({});
  const [scanProblem, setScanProblem] = useState<CccdQrProblem['problem'] | null>(null);
  // What the scanner types lands here (a keyboard wedge needs a focused field for letters like ữ).
  const [scanText, setScanText] = useState('');
  const [code, setCode] = useState<string | null>(procedureCode && engine.byCode(procedureCode) ? procedureCode : null);
  const [query, setQuery] = useState('');
  const [brought, setBrought] = useState<ReadonlySet<string>>(new Set());
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [printed, setPrinted] = useState<PrintOutcome | null>(null);
  const slipHolder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadDevice(db, platform.deviceToken).then((r) => setDeviceCode(r.ok && r.value ? r.value.deviceCode : null));
  }, [db, platform]);

  const procedure: Procedure | undefined = code ? engine.byCode(code) : undefined;
  // Required documents first, those needed only in some cases after them (as the counter's checklist groups them).
  const documents = useMemo(() => (procedure ? checklistFor(procedure).sort((a, b) => Number(Boolean(a.conditional)) - Number(Boolean(b.conditional))) : []), [procedure]);
  const hits = useMemo(() => (query.trim() ? engine.search(query, { limit: 6 }).hits : []), [engine, query]);
  const afterWho: Step = procedure ? 'documents' : 'procedure';

  const gotCitizen = useCallback(
    (value: Citizen, source: 'card' | 'typed') => {
      setCitizen({ value, source });
      setScanProblem(null);
      setTyping(false);
      // A card read later (to correct the details) keeps the citizen where they are.
      setStep((s) => (s === 'who' ? afterWho : s));
    },
    [afterWho],
  );

  // The scanner works on every step before confirmation: a card read replaces what was typed.
  useCardScanner<TypedCitizen>({
    snapshot: () => typed,
    onCard: (card, before) => {
      if (step === 'done') return;
      setTyped(before);
      setScanText('');
      gotCitizen(citizenFromCard(card), 'card');
    },
    onProblem: (problem, before) => {
      if (step === 'done') return;
      setTyped(before);
      setScanText('');
      setScanProblem(problem.problem);
    },
  });

  const submitTyped = () => {
    const checked = checkTypedCitizen(typed, vietnamToday());
    if (!checked.ok) {
      setTypedErrors(checked.error);
      const first = TYPED_FIELDS.find((f) => checked.error[f]);
      if (first && first !== 'sex') setField(first);
      return;
    }
    setTypedErrors({});
    gotCitizen(checked.value, 'typed');
  };

  const confirm = async () => {
    if (!citizen || !procedure || !deviceCode) return;
    const saved = await saveDraft(db, deviceCode, {
      citizen: citizen.value,
      source: citizen.source,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      documents: documents.map((d) => ({ name: d.name, brought: brought.has(d.name) })),
    });
    if (!saved.ok) {
      setSaveProblem(saved.error.kind === 'invalid' ? 'prereg.confirm.invalid' : 'prereg.confirm.storage');
      return;
    }
    // From here on the screen holds nothing personal: the details leave memory before "your number" shows.
    setCitizen(null);
    setTyped(emptyTyped());
    setBrought(new Set());
    setConfirmed({ id: saved.value.id, code: saved.value.code, procedureName: procedure.name, createdAt: saved.value.createdAt, ticket: null });
    setStep('done');
    sendNow();
    const ticket = takeNumber ? await takeNumber(saved.value.id, procedure) : null;
    if (ticket) setConfirmed((c) => (c && c.id === saved.value.id ? { ...c, ticket } : c));
  };

  const sent = useLiveQuery(() => (confirmed ? draftState(db, confirmed.id) : Promise.resolve(null)), [db, confirmed]);

  const print = async () => {
    const slip = slipHolder.current?.querySelector<HTMLElement>('.prereg-slip');
    if (!slip) return;
    setPrinted(await platform.printing.print({ element: slip, css: slipCss, pageRule: ROLL_80MM_PAGE, bodyClass: 'printing-prereg' }));
  };

  if (deviceCode === undefined) return <p className="notice">{t('app.loading')}</p>;
  if (deviceCode === null) {
    return (
      <div className="prereg" data-testid="prereg">
        <h2 className="prereg-title">{t('prereg.title')}</h2>
        <p className="notice" role="alert" data-testid="prereg-not-enrolled">
          {t('prereg.notEnrolled')}
        </p>
      </div>
    );
  }

  const steps: Step[] = ['who', 'procedure', 'documents', 'confirm'];
  return (
    <div className="prereg" data-testid="prereg" data-step={step}>
      <h2 className="prereg-title">{t('prereg.title')}</h2>
      {step !== 'done' && (
        <ol className="prereg-steps" aria-label={t('prereg.stepsLabel')}>
          {steps.map((s, i) => (
            <li key={s} className={s === step ? 'current' : ''} aria-current={s === step ? 'step' : undefined}>
              {t('prereg.stepNumber', { n: i + 1 })} {t(`prereg.steps.${s}`)}
            </li>
          ))}
        </ol>
      )}

      {step === 'who' && (
        <section className="prereg-who" aria-labelledby="prereg-who-title">
          <h3 id="prereg-who-title">{t('prereg.who.title')}</h3>
          {!typing && (
            <div className="prereg-scan" data-testid="prereg-scan">
              <p className="prereg-scan-big" id="prereg-scan-title">{t('prereg.who.scan')}</p>
              <p id="prereg-scan-hint">{t('prereg.who.scanHint')}</p>
              <input
                className="prereg-scan-input"
                value={scanText}
                onChange={(e) => setScanText(e.target.value)}
                onKeyDown={(e) => {
                  // A card was handled by the scanner hook (which prevents the Enter); anything else read here is no card.
                  if (e.key !== 'Enter' || e.defaultPrevented) return;
                  e.preventDefault();
                  if (scanText.trim().length >= MIN_SCAN_LENGTH && !looksLikeCccdQr(scanText)) setScanProblem('notCccd');
                  setScanText('');
                }}
                // The scanner types into whatever has the focus: on this step, that is this field.
                onBlur={(e) => {
                  const field = e.currentTarget;
                  window.setTimeout(() => {
                    if (field.isConnected && !document.activeElement?.matches('input, button, textarea')) field.focus();
                  }, 0);
                }}
                // The scanner needs a focused field, and this step has nothing else to type in.
                autoFocus
                inputMode="none"
                autoComplete="off"
                spellCheck={false}
                placeholder={t('prereg.who.scanWaiting')}
                aria-labelledby="prereg-scan-title"
                aria-describedby="prereg-scan-hint"
                data-testid="prereg-scan-input"
              />
            </div>
          )}
          {scanProblem && (
            <p className="prereg-problem" role="alert" data-testid="prereg-scan-problem">
              {t(`counter.scan.problem.${scanProblem}`)}
            </p>
          )}
          {!typing ? (
            <button type="button" className="button big" onClick={() => setTyping(true)} data-testid="prereg-type">
              {t('prereg.who.typeInstead')}
            </button>
          ) : (
            <TypedForm typed={typed} field={field} errors={typedErrors} onField={setField} onChange={setTyped} onSubmit={submitTyped} />
          )}
        </section>
      )}

      {step === 'procedure' && (
        <section className="prereg-procedure" aria-labelledby="prereg-procedure-title">
          <h3 id="prereg-procedure-title">{t('prereg.procedure.title')}</h3>
          <input
            className="prereg-input target"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('prereg.procedure.placeholder')}
            aria-label={t('prereg.procedure.placeholder')}
            inputMode="none"
            autoComplete="off"
            data-testid="prereg-procedure-query"
          />
          <ul className="prereg-hits">
            {hits.map((hit) => (
              <li key={hit.code}>
                <button
                  type="button"
                  className="prereg-hit"
                  onClick={() => {
                    setCode(hit.code);
                    setBrought(new Set());
                    setStep('documents');
                  }}
                  data-code={hit.code}
                >
                  {hit.name}
                </button>
              </li>
            ))}
          </ul>
          <OnScreenKeyboard value={query} onChange={setQuery} />
        </section>
      )}

      {step === 'documents' && procedure && (
        <section className="prereg-documents" aria-labelledby="prereg-documents-title">
          <h3 id="prereg-documents-title">{t('prereg.documents.title')}</h3>
          <p className="prereg-procedure-name">{procedure.name}</p>
          <p className="muted">{t('prereg.documents.hint')}</p>
          {documents.length === 0 ? (
            <p className="notice">{t('prereg.documents.none')}</p>
          ) : (
            <ul className="prereg-docs" data-testid="prereg-docs">
              {documents.map((d) => (
                <li key={d.name}>
                  <label className={`prereg-doc${brought.has(d.name) ? ' on' : ''}`}>
                    <input
                      type="checkbox"
                      checked={brought.has(d.name)}
                      onChange={(e) => {
                        const next = new Set(brought);
                        if (e.target.checked) next.add(d.name);
                        else next.delete(d.name);
                        setBrought(next);
                      }}
                    />
                    <span>{d.name}</span>
                    {d.conditional && <span className="prereg-doc-if">{t('prereg.documents.ifApplies')}</span>}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <div className="prereg-actions">
            <button type="button" className="button big" onClick={() => setStep('procedure')} data-testid="prereg-change-procedure">
              {t('prereg.documents.changeProcedure')}
            </button>
            <button type="button" className="button primary big" onClick={() => setStep('confirm')} data-testid="prereg-documents-next">
              {t('prereg.next')}
            </button>
          </div>
        </section>
      )}

      {step === 'confirm' && procedure && citizen && (
        <section className="prereg-confirm" aria-labelledby="prereg-confirm-title">
          <h3 id="prereg-confirm-title">{t('prereg.confirm.title')}</h3>
          <dl className="prereg-facts" data-testid="prereg-summary">
            <dt>{t('prereg.confirm.name')}</dt>
            <dd>{citizen.value.fullName}</dd>
            <dt>{t('prereg.confirm.id')}</dt>
            <dd>{maskedId(citizen.value.idNumber)}</dd>
            <dt>{t('prereg.confirm.birth')}</dt>
            <dd>{formatDayMonthYear(citizen.value.birthDate)}</dd>
            <dt>{t('prereg.confirm.procedure')}</dt>
            <dd>{procedure.name}</dd>
            <dt>{t('prereg.confirm.documents')}</dt>
            <dd>{t('prereg.confirm.broughtCount', { count: brought.size, total: documents.length })}</dd>
          </dl>
          <p className="muted">{t('prereg.confirm.clerkChecks')}</p>
          {saveProblem && (
            <p className="prereg-problem" role="alert">
              {t(saveProblem)}
            </p>
          )}
          <div className="prereg-actions">
            <button type="button" className="button big" onClick={() => setStep('who')} data-testid="prereg-edit-who">
              {t('prereg.confirm.editWho')}
            </button>
            <button type="button" className="button big" onClick={() => setStep('documents')}>
              {t('prereg.confirm.editDocuments')}
            </button>
            <button type="button" className="button primary big" onClick={() => void confirm()} data-testid="prereg-confirm">
              {t('prereg.confirm.submit')}
            </button>
          </div>
        </section>
      )}

      {step === 'done' && confirmed && (
        <section className="prereg-done" aria-labelledby="prereg-done-title" data-testid="prereg-done" data-draft-id={confirmed.id}>
          {confirmed.ticket && (
            <>
              <h3>{t('prereg.done.ticketTitle')}</h3>
              <p className="prereg-ticket" data-testid="prereg-ticket">
                {confirmed.ticket}
              </p>
            </>
          )}
          <h3 id="prereg-done-title">{t('prereg.done.title')}</h3>
          <p className={`prereg-code${confirmed.ticket ? ' small' : ''}`} data-testid="prereg-code">
            {confirmed.code}
          </p>
          <p className="prereg-done-name">{confirmed.procedureName}</p>
          <p>{t(confirmed.ticket ? 'prereg.done.waitForNumber' : 'prereg.done.showCode')}</p>
          <p className={`prereg-link ${sent === 'sent' ? 'ok' : 'waiting'}`} role="status" data-testid="prereg-link" data-state={sent ?? 'pending'}>
            {sent === 'sent' ? t('prereg.done.arrived') : t('prereg.done.notYet')}
          </p>
          <div className="prereg-actions">
            <button type="button" className="button big" onClick={() => void print()} data-testid="prereg-print">
              {t('prereg.done.print')}
            </button>
            <button type="button" className="button primary big" onClick={onFinish} data-testid="prereg-finish">
              {t('prereg.done.finish')}
            </button>
          </div>
          {printed && printed !== 'dialog' && (
            <p className="prereg-link" role="status">
              {t(`guidance.printed.${printed}`)}
            </p>
          )}
          <div className="prereg-slip-holder" ref={slipHolder} aria-hidden="true">
            <PreregSlip code={confirmed.code} procedureName={confirmed.procedureName} at={new Date(confirmed.createdAt)} timeZone={VIETNAM_TIME} ticket={confirmed.ticket} />
          </div>
        </section>
      )}
    </div>
  );
}

interface TypedFormProps {
  typed: TypedCitizen;
  field: TypedField;
  errors: TypedErrors;
  onField(field: TypedField): void;
  onChange(next: TypedCitizen): void;
  onSubmit(): void;
}

/** The details typed on the touch keyboard: one field at a time takes the keys; the ID and date get digits. */
function TypedForm({ typed, field, errors, onField, onChange, onSubmit }: TypedFormProps) {
  const { t } = useTranslation();
  const text = (name: Exclude<TypedField, 'sex'>, testId: string, placeholder?: string) => (
    <label className="prereg-field">
      <span>{t(`prereg.who.fields.${name}`)}</span>
      <input
        className={`prereg-input${field === name ? ' target' : ''}${errors[name] ? ' invalid' : ''}`}
        value={typed[name]}
        onChange={(e) => onChange({ ...typed, [name]: e.target.value })}
        onFocus={() => onField(name)}
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={errors[name] ? true : undefined}
        placeholder={placeholder}
        data-testid={testId}
      />
      {errors[name] && <span className="prereg-field-error">{t(errors[name].key, errors[name].params)}</span>}
    </label>
  );
  const current = field === 'sex' ? 'fullName' : field;
  return (
    <form
      className="prereg-typed"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="prereg-typed-fields">
        {text('fullName', 'prereg-name')}
        {text('idNumber', 'prereg-id')}
        {text('birthDate', 'prereg-birth', t('prereg.who.birthPlaceholder'))}
        <fieldset className="prereg-sex">
          <legend>{t('prereg.who.fields.sex')}</legend>
          {(['male', 'female'] as const).map((s) => (
            <button key={s} type="button" className={`button big${typed.sex === s ? ' active' : ''}`} aria-pressed={typed.sex === s} onClick={() => onChange({ ...typed, sex: s })} data-sex={s}>
              {t(`counter.register.sexes.${s}`)}
            </button>
          ))}
          {errors.sex && <span className="prereg-field-error">{t(errors.sex.key)}</span>}
        </fieldset>
        <button type="submit" className="button primary big" data-testid="prereg-typed-next">
          {t('prereg.next')}
        </button>
      </div>
      <OnScreenKeyboard
        key={current === 'fullName' ? 'letters' : 'digits'}
        value={typed[current]}
        onChange={(value) => onChange({ ...typed, [current]: value })}
        layout={current === 'fullName' ? NAME_LAYOUT : DIGIT_LAYOUT}
      />
    </form>
  );
}
