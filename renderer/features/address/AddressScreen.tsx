/**
 * "Địa chỉ mới" at the kiosk: since July 2025 many know only their old commune and district. The
 * citizen types an old or a new name (tones optional) and sees where it belongs now; a unit that was
 * split lists every new commune it went to, and says the village decides.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitNameInSentence } from '../../../shared/address/adminUnits.ts';
import type { AddressHit } from '../../../shared/address/addressMatcher.ts';
import type { MotcuaDb } from '../../data/db.ts';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard.tsx';
import { useAddressMatcher } from './useAddressMatcher.ts';
import './address.css';

interface Props {
  db: MotcuaDb;
  serverUrl: string;
}

/** One answer card: a new commune named directly, or an old unit with every commune it went to. */
interface Answer {
  key: string;
  old: AddressHit['old'];
  now: AddressHit[];
}

const RESULT_LIMIT = 12;

function groupAnswers(hits: AddressHit[]): Answer[] {
  const answers: Answer[] = [];
  for (const hit of hits) {
    const last = answers[answers.length - 1];
    if (hit.old && last?.old?.code === hit.old.code) last.now.push(hit);
    else answers.push({ key: `${hit.old?.code ?? 'new'}:${hit.code}`, old: hit.old, now: [hit] });
  }
  return answers;
}

export function AddressScreen({ db, serverUrl }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const state = useAddressMatcher(db, serverUrl);
  const answers = useMemo(
    () => (state.phase === 'ready' && query.trim() !== '' ? groupAnswers(state.matcher.match(query, { limit: RESULT_LIMIT })) : []),
    [state, query],
  );

  return (
    <div className="address" data-testid="address">
      <h2 className="address-title">{t('address.title')}</h2>
      <p className="address-hint">{t('address.hint')}</p>
      <label htmlFor="address-input" className="visually-hidden">
        {t('address.label')}
      </label>
      <input
        id="address-input"
        className="address-input"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('address.placeholder')}
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        data-testid="address-input"
      />
      {state.phase === 'loading' && <p className="address-message" role="status">{t('address.loading')}</p>}
      {state.phase === 'unavailable' && (
        <p className="address-message problem" role="alert" data-testid="address-unavailable">
          {t('address.unavailable')}
        </p>
      )}
      {state.phase === 'ready' && query.trim() !== '' && answers.length === 0 && (
        <p className="address-message problem" role="status" data-testid="address-none">
          {t('address.none')}
        </p>
      )}
      <ul className="address-answers" data-testid="address-answers">
        {answers.map((a) => (
          <li key={a.key} className="address-answer" data-testid="address-answer">
            {a.old ? <OldAnswer answer={a} /> : <NewAnswer hit={a.now[0]!} />}
          </li>
        ))}
      </ul>
      <OnScreenKeyboard value={query} onChange={setQuery} />
    </div>
  );
}

function placeOf(hit: AddressHit): string {
  return `${unitNameInSentence(hit.name)}, ${unitNameInSentence(hit.province)}`;
}

function NewAnswer({ hit }: { hit: AddressHit }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="address-now">{placeOf(hit)}</p>
      <p className="address-note">{t('address.isNew', { code: hit.code })}</p>
    </>
  );
}

function OldAnswer({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const old = answer.old!;
  const was = [unitNameInSentence(old.name), old.district ? unitNameInSentence(old.district) : null, unitNameInSentence(old.province)]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <p className="address-was">{t('address.was', { place: was })}</p>
      {old.split ? (
        <>
          <p className="address-arrow">{t('address.splitInto', { count: answer.now.length })}</p>
          <ul className="address-split">
            {answer.now.map((hit) => (
              <li key={hit.code} className="address-now">
                {placeOf(hit)}
              </li>
            ))}
          </ul>
          <p className="address-note">{t('address.villageDecides')}</p>
        </>
      ) : (
        <p className="address-now">
          <span className="address-arrow">{t('address.nowIs')}</span> {placeOf(answer.now[0]!)}
        </p>
      )}
    </>
  );
}
