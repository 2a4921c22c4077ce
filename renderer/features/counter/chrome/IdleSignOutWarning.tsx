/** The "still there?" overlay shown before the counter signs its staff member out (like the kiosk's reset warning). */
import { useTranslation } from 'react-i18next';

export function IdleSignOutWarning({ seconds, onStay }: { seconds: number; onStay(): void }) {
  const { t } = useTranslation();
  return (
    <div className="overlay" role="alertdialog" aria-labelledby="idle-sign-out-title" data-testid="idle-sign-out-warning">
      <div className="overlay-card">
        <h2 id="idle-sign-out-title">{t('counter.idle.title')}</h2>
        <p>{t('counter.idle.body', { count: seconds })}</p>
        <button type="button" className="button primary big" autoFocus onClick={onStay} data-testid="idle-stay">
          {t('counter.idle.stay')}
        </button>
      </div>
    </div>
  );
}
