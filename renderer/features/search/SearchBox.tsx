/**
 * The big search box. It takes a USB keyboard as well as the on-screen one; the system's own
 * touch keyboard is suppressed (inputMode none) because ours has the Vietnamese tone row.
 */
import { useTranslation } from 'react-i18next';
import './search.css';

interface Props {
  value: string;
  onChange(next: string): void;
  keyboardVisible: boolean;
  onToggleKeyboard(): void;
}

export function SearchBox({ value, onChange, keyboardVisible, onToggleKeyboard }: Props) {
  const { t } = useTranslation();
  return (
    <div className="search-box">
      <label htmlFor="search-input" className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="search-input"
        data-testid="search-input"
        type="search"
        inputMode={keyboardVisible ? 'none' : 'text'}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {value !== '' && (
        <button type="button" className="button icon-button" onClick={() => onChange('')} aria-label={t('search.clear')}>
          ✕
        </button>
      )}
      <button type="button" className="button keyboard-toggle" onClick={onToggleKeyboard} aria-pressed={keyboardVisible}>
        {keyboardVisible ? t('keyboard.hide') : t('keyboard.show')}
      </button>
    </div>
  );
}
