/** A large numeric PIN pad for touch screens; the digits are never shown. */
import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

export function PinPad({ value, onChange, max = 8 }: { value: string; onChange(next: string): void; max?: number }) {
  const { t } = useTranslation();
  return (
    <div className="pin">
      <div className="pin-dots" aria-live="polite" aria-label={t('counter.staff.pinLength', { count: value.length })}>
        {Array.from({ length: Math.max(4, value.length) }, (_, i) => (
          <span key={i} className={i < value.length ? 'dot filled' : 'dot'} />
        ))}
      </div>
      <div className="pin-grid">
        {KEYS.map((k) => (
          <button
            key={k}
            type="button"
            className="button pin-key"
            data-pin={k}
            onClick={() => onChange(k === 'clear' ? '' : k === 'back' ? value.slice(0, -1) : value.length < max ? value + k : value)}
          >
            {k === 'clear' ? t('counter.staff.pinClear') : k === 'back' ? '⌫' : k}
          </button>
        ))}
      </div>
    </div>
  );
}
