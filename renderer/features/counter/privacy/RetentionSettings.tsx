/**
 * Center admins set how many days citizens' personal data stays on this counter after a file is
 * finished (default 30), see when the purge last ran, and can run it now.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MotcuaDb } from '../../../data/db.ts';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, purgeExpiredFiles, readRetention, saveRetention, type RetentionState } from '../../../data/retention.ts';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';

export function RetentionSettings({ db }: { db: MotcuaDb }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<RetentionState | null>(null);
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const reload = async () => {
    const r = await readRetention(db);
    if (r.ok) {
      setState(r.value);
      setDays(String(r.value.settings.days));
    } else setMessage({ ok: false, text: t(`counter.errors.storage.${r.error.kind}`) });
  };
  useEffect(() => {
    void readRetention(db).then((r) => {
      if (!r.ok) return;
      setState(r.value);
      setDays(String(r.value.settings.days));
    });
  }, [db]);

  /** Runs the purge now; the message says how many files it emptied. */
  const purge = async (): Promise<{ ok: boolean; text: string }> => {
    const r = await purgeExpiredFiles(db, new Date());
    await reload();
    return r.ok ? { ok: true, text: t('atRest.retention.purged', { count: r.value.purged.length }) } : { ok: false, text: t(`counter.errors.storage.${r.error.kind}`) };
  };

  const save = async () => {
    const trimmed = days.trim();
    const saved = await saveRetention(db, /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed, new Date());
    if (!saved.ok) {
      setMessage({ ok: false, text: saved.error.kind === 'invalid' ? t('atRest.retention.invalid', { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS }) : t(`counter.errors.storage.${saved.error.kind}`) });
      return;
    }
    // A shorter period applies at once, not only at tomorrow's run.
    const purged = await purge();
    setMessage({ ok: purged.ok, text: `${t('atRest.retention.saved', { days: saved.value.days })} ${purged.text}` });
  };

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VIETNAM_TIME, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

  return (
    <section className="panel narrow retention-settings" data-testid="retention-settings">
      <h2>{t('atRest.retention.title')}</h2>
      <p className="muted">{t('atRest.retention.explain')}</p>
      {state?.storedInvalid && (
        <p className="banner warning" role="status">
          {t('atRest.retention.storedInvalid')}
        </p>
      )}
      <label className="field">
        <span>{t('atRest.retention.days', { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS })}</span>
        <input className="input" inputMode="numeric" data-testid="retention-days" value={days} onChange={(e) => setDays(e.target.value)} autoComplete="off" />
      </label>
      <p className="muted small" data-testid="retention-last-run">
        {state?.lastRun ? t('atRest.retention.lastRun', { time: when(state.lastRun.at), count: state.lastRun.purged }) : t('atRest.retention.neverRun')}
      </p>
      {message && (
        <p className={message.ok ? 'banner success' : 'field-error'} role="status" data-testid="retention-message">
          {message.text}
        </p>
      )}
      <div className="admin-actions">
        <button type="button" className="button" onClick={() => void purge().then(setMessage)} data-testid="retention-purge">
          {t('atRest.retention.purgeNow')}
        </button>
        <button type="button" className="button primary" onClick={() => void save()} data-testid="retention-save">
          {t('atRest.retention.save')}
        </button>
      </div>
    </section>
  );
}
