/** The kiosk's top bar: home, back, the center's name, the link state and the language switch. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n.ts';
import { useOnline } from './useOnline.ts';

interface Props {
  onHome(): void;
  onBack: (() => void) | null;
  /** The citizen's display switches (large text, high contrast). */
  display?: ReactNode;
}

export function KioskHeader({ onHome, onBack, display }: Props) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  return (
    <header className="kiosk-header">
      <div className="header-left">
        <button type="button" className="button header-button" onClick={onHome} data-testid="home-button">
          ⌂ {t('nav.home')}
        </button>
        {onBack && (
          <button type="button" className="button header-button" onClick={onBack} data-testid="back-button">
            ← {t('nav.back')}
          </button>
        )}
      </div>
      <div className="header-title">
        <img src="./icon.svg" alt="" width={40} height={40} />
        <div>
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
      </div>
      <div className="header-right">
        {display}
        <span className={`link-badge ${online ? 'online' : 'offline'}`} data-testid="link-state" role="status">
          {online ? t('link.online') : t('link.offline')}
        </span>
        <div className="language-switch" role="group" aria-label={t('language.label')}>
          {LANGUAGES.map((lng) => (
            <button
              key={lng}
              type="button"
              lang={lng}
              className={`button lang-button${i18n.language === lng ? ' active' : ''}`}
              aria-pressed={i18n.language === lng}
              onClick={() => void i18n.changeLanguage(lng)}
              data-testid={`lang-${lng}`}
            >
              {t(`language.${lng}`)}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
