/**
 * At the counter: the code on a citizen's pre-registration slip opens their details into the
 * registration form (when no queue brings the pre-registration with the called number).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchEngine } from '../../../../shared/catalog/searchTypes.ts';
import type { DeviceIdentity } from '../../../data/db.ts';
import { openPreregistration, type OpenedPrereg } from './openPreregistration.ts';
import './openPrereg.css';

interface Props {
  device: DeviceIdentity;
  engine: SearchEngine;
  onOpened(opened: OpenedPrereg): void;
}

export function OpenPreregistration({ device, engine, onOpened }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    setProblem(null);
    const opened = await openPreregistration(device, engine, { code }, t);
    setBusy(false);
    if (opened.ok) onOpened(opened.value);
    else setProblem(opened.error);
  };
  return (
    <section className="panel prereg-open" data-testid="prereg-open" aria-labelledby="prereg-open-title">
      <h2 id="prereg-open-title">{t('prereg.counter.title')}</h2>
      <form
        className="prereg-open-form"
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <label>
          <span>{t('prereg.counter.codeLabel')}</span>
          <input value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} placeholder={t('prereg.counter.codePlaceholder')} autoComplete="off" spellCheck={false} data-testid="prereg-open-code" />
        </label>
        <button type="submit" className="button primary" disabled={busy || code.trim() === ''} data-testid="prereg-open-submit">
          {busy ? t('prereg.counter.opening') : t('prereg.counter.submit')}
        </button>
      </form>
      {problem && (
        <p className="banner error" role="alert" data-testid="prereg-open-problem">
          {t(problem)}
        </p>
      )}
    </section>
  );
}
