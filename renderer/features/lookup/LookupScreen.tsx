/**
 * The kiosk's status lookup: the citizen scans the receipt's QR code (USB scanner or camera) or
 * types the file number and the lookup code printed beside it (numbers are sequential, so the
 * number alone finds nothing), and sees the state in plain words, the due date and when it was checked.
 * Only what the receipt holder may see: never a name or an ID number. Offline, the last known answer.
 */
import { useCallback, useState, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { parseFileNumber } from '../../../shared/files/fileNumber.ts';
import { formatLookupCode, normaliseLookupCode, readReceiptText } from '../../../shared/files/lookupCode.ts';
import type { PublicFileStatus } from '../../../shared/sync/publicApi.ts';
import type { MotcuaDb } from '../../data/db.ts';
import { lastKnownLookup, rememberLookup } from '../../data/lookupCache.ts';
import { fetchFileStatus } from '../../sync/publicClient.ts';
import { CameraScanner } from '../counter/register/CameraScanner.tsx';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { FILE_NUMBER_LAYOUT } from './fileNumberKeyboard.ts';
import { formatDay, formatMoment } from './lookupTimes.ts';
import { useReceiptScanner } from './useReceiptScanner.ts';
import './lookup.css';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'checking'; number: string }
  /** `live`: the server's answer now; else the last known one, with why there is no live one. */
  | { kind: 'found'; answer: PublicFileStatus; code: string; checkedAt: string; live: boolean; why?: 'offline' | 'server' }
  | { kind: 'not_found'; number: string }
  /** No live answer and none known: the link is down, or the server failed. */
  | { kind: 'unreachable'; number: string; why: 'offline' | 'server' }
  | { kind: 'invalid' | 'need_code' | 'invalid_code' | 'busy' };

type Field = 'number' | 'code';

interface Props {
  db: MotcuaDb;
  serverUrl: string;
  /** The citizen chose to rate the file they looked up (with its code, so the rating can count). */
  onRate(number: string, lookupCode: string): void;
}

export function LookupScreen({ db, serverUrl, onRate }: Props) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const [typedCode, setTypedCode] = useState('');
  const [field, setField] = useState<Field>('number');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [camera, setCamera] = useState(false);
  // Only the latest lookup may answer: a slow one for an earlier number must not overwrite it.
  const latest = useRef(0);

  const lookUp = useCallback(
    async (text: string, codeText: string) => {
      const parsed = parseFileNumber(text);
      if (!parsed.ok) return setOutcome({ kind: 'invalid' });
      if (codeText.trim() === '') {
        setField('code');
        return setOutcome({ kind: 'need_code' });
      }
      const code = normaliseLookupCode(codeText);
      if (code === null) {
        setField('code');
        return setOutcome({ kind: 'invalid_code' });
      }
      const number = text.trim().toUpperCase();
      const request = ++latest.current;
      const answerWith = (next: Outcome) => {
        if (request === latest.current) setOutcome(next);
      };
      setTyped(number);
      setTypedCode(formatLookupCode(code));
      setOutcome({ kind: 'checking', number });
      const answer = await fetchFileStatus({ serverUrl }, number, code);
      if (answer.ok) {
        const checkedAt = new Date().toISOString();
        await rememberLookup(db, answer.value, code, checkedAt);
        return answerWith({ kind: 'found', answer: answer.value, code, checkedAt, live: true });
      }
      if (answer.error === 'not_found') return answerWith({ kind: 'not_found', number });
      if (answer.error === 'invalid_number') return answerWith({ kind: 'invalid' });
      if (answer.error === 'invalid_code') return answerWith({ kind: 'invalid_code' });
      if (answer.error === 'busy') return answerWith({ kind: 'busy' });
      // A server that failed is not a kiosk without network: the citizen is told which.
      const why = answer.error;
      const known = await lastKnownLookup(db, number, code);
      answerWith(known ? { kind: 'found', answer: known.answer, code, checkedAt: known.checkedAt, live: false, why } : { kind: 'unreachable', number, why });
    },
    [db, serverUrl],
  );

  const scanned = useCallback(
    (text: string) => {
      setCamera(false);
      // The receipt's QR holds "NUMBER CODE"; an older receipt only the number (then the code is asked for).
      const read = readReceiptText(text);
      setTyped(read.number);
      setTypedCode(read.code ? formatLookupCode(read.code) : '');
      void lookUp(read.number, read.code ?? '');
    },
    [lookUp],
  );
  // A scanner burst works anywhere on the screen, no field needs the focus.
  useReceiptScanner(scanned);

  const setCurrent = (value: string) => (field === 'number' ? setTyped(value.toUpperCase()) : setTypedCode(value.toUpperCase()));
  // While an answer is on screen the keyboard steps aside; after a problem the number stays to be corrected.
  const showKeyboard = outcome.kind !== 'found' && outcome.kind !== 'checking';
  return (
    <div className="lookup" data-testid="lookup">
      <h2 className="lookup-title">{t('lookup.title')}</h2>
      <p className="lookup-hint">{t('lookup.hint')}</p>
      <form
        className="lookup-form"
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp(typed, typedCode);
        }}
      >
        <input
          className={`lookup-input${field === 'number' ? ' target' : ''}`}
          value={typed}
          onChange={(e) => setTyped(e.target.value.toUpperCase())}
          onFocus={() => setField('number')}
          placeholder={t('lookup.placeholder')}
          aria-label={t('lookup.numberLabel')}
          inputMode="none"
          autoComplete="off"
          spellCheck={false}
          data-testid="lookup-input"
        />
        <input
          className={`lookup-input lookup-code${field === 'code' ? ' target' : ''}`}
          value={typedCode}
          onChange={(e) => setTypedCode(e.target.value.toUpperCase())}
          onFocus={() => setField('code')}
          placeholder={t('lookup.codePlaceholder')}
          aria-label={t('lookup.codeLabel')}
          inputMode="none"
          autoComplete="off"
          spellCheck={false}
          data-testid="lookup-code"
        />
        <button type="submit" className="button primary big" data-testid="lookup-submit">
          {t('lookup.submit')}
        </button>
        <button type="button" className="button big" onClick={() => setCamera(true)} data-testid="lookup-camera">
          {t('lookup.camera')}
        </button>
      </form>

      <LookupOutcome outcome={outcome} language={i18n.language} onRate={onRate} onAgain={() => setOutcome({ kind: 'idle' })} />

      {showKeyboard && <OnScreenKeyboard value={field === 'number' ? typed : typedCode} onChange={setCurrent} layout={FILE_NUMBER_LAYOUT} />}
      {camera && <CameraScanner onText={scanned} onClose={() => setCamera(false)} title={t('lookup.cameraTitle')} hint={t('lookup.cameraHint')} />}
    </div>
  );
}

function LookupOutcome({ outcome, language, onRate, onAgain }: { outcome: Outcome; language: string; onRate(number: string, code: string): void; onAgain(): void }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'checking':
      return (
        <p className="lookup-message" role="status" data-testid="lookup-checking">
          {t('lookup.checking', { number: outcome.number })}
        </p>
      );
    case 'invalid':
      return (
        <p className="lookup-message problem" role="alert" data-testid="lookup-invalid">
          {t('lookup.invalid')}
        </p>
      );
    case 'need_code':
    case 'invalid_code':
      return (
        <p className="lookup-message problem" role="alert" data-testid={`lookup-${outcome.kind.replace('_', '-')}`}>
          {t(outcome.kind === 'need_code' ? 'lookup.needCode' : 'lookup.invalidCode')}
        </p>
      );
    case 'not_found':
      return (
        <p className="lookup-message problem" role="alert" data-testid="lookup-not-found">
          {t('lookup.notFound', { number: outcome.number })}
        </p>
      );
    case 'unreachable':
      return (
        <p className="lookup-message problem" role="alert" data-testid="lookup-unreachable" data-why={outcome.why}>
          {t(outcome.why === 'server' ? 'lookup.serverProblem' : 'lookup.unreachable')}
        </p>
      );
    case 'busy':
      return (
        <p className="lookup-message problem" role="alert" data-testid="lookup-busy">
          {t('lookup.busy')}
        </p>
      );
    default: {
      const { answer, code, checkedAt, live, why } = outcome;
      return (
        <section className={`lookup-result status-${answer.status}`} data-testid="lookup-result" data-status={answer.status} aria-live="polite">
          {!live && (
            <p className="lookup-stale" role="status" data-testid="lookup-stale">
              {t(why === 'server' ? 'lookup.staleServer' : 'lookup.stale', { time: formatMoment(checkedAt, language) })}
            </p>
          )}
          <p className="lookup-number">{t('lookup.fileNumber', { number: answer.number })}</p>
          <p className="lookup-status" data-testid="lookup-status">
            {t(`status.${answer.status}`)}
          </p>
          <p className="lookup-explain">{t(`lookup.explain.${answer.status}`)}</p>
          <dl className="lookup-facts">
            <dt>{t('lookup.dueAt')}</dt>
            <dd data-testid="lookup-due">{answer.dueAt ? formatDay(answer.dueAt, language) : t('lookup.noDueDate')}</dd>
            <dt>{t('lookup.changedAt')}</dt>
            <dd>{formatMoment(answer.changedAt, language)}</dd>
            <dt>{t('lookup.asOf')}</dt>
            <dd data-testid="lookup-as-of">{formatMoment(checkedAt, language)}</dd>
          </dl>
          <div className="lookup-actions">
            {answer.status === 'returned' && (
              <button type="button" className="button primary big" onClick={() => onRate(answer.number, code)} data-testid="lookup-rate">
                {t('lookup.rate')}
              </button>
            )}
            <button type="button" className="button big" onClick={onAgain} data-testid="lookup-again">
              {t('lookup.again')}
            </button>
          </div>
        </section>
      );
    }
  }
}
