/** The header's two big switches: larger text, higher contrast. */
import { useTranslation } from 'react-i18next';
import type { DisplayModes } from './displayModes.ts';
import './accessibility.css';

export function DisplayToggles({ modes, onChange }: { modes: DisplayModes; onChange(modes: DisplayModes): void }) {
  const { t } = useTranslation();
  return (
    <div className="display-toggles" role="group" aria-label={t('accessibility.display')}>
      <button
        type="button"
        className="button header-button display-toggle"
        aria-pressed={modes.largeText}
        onClick={() => onChange({ ...modes, largeText: !modes.largeText })}
        data-testid="toggle-large-text"
      >
        <span aria-hidden="true" className="toggle-icon">A+</span> {t('accessibility.largeText')}
      </button>
      <button
        type="button"
        className="button header-button display-toggle"
        aria-pressed={modes.highContrast}
        onClick={() => onChange({ ...modes, highContrast: !modes.highContrast })}
        data-testid="toggle-high-contrast"
      >
        <span aria-hidden="true" className="toggle-icon">◐</span> {t('accessibility.highContrast')}
      </button>
    </div>
  );
}
