/**
 * Shown instead of the app when the data key cannot be opened (no OS keystore, a keystore that
 * refuses, browser storage blocked): without it no citizen's data can be read or written, so the
 * app does not start half-way. The reason is shown as given, for IT staff.
 */
import { useTranslation } from 'react-i18next';

export function KeyUnavailable({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <div className="splash" role="alert" data-testid="key-unavailable">
      <div className="overlay-card">
        <h2>{t('atRest.keyUnavailable.title')}</h2>
        <p>{t('atRest.keyUnavailable.body')}</p>
        <p className="muted small" lang="en">
          {reason}
        </p>
        <button type="button" className="button primary big" onClick={() => window.location.reload()}>
          {t('atRest.keyUnavailable.retry')}
        </button>
      </div>
    </div>
  );
}
