/**
 * A large numeric PIN pad for touch screens; the digits are never shown. The keyboard's number
 * keys (top row and keypad) work too, with Backspace, Escape to clear and Enter to submit, except
 * while the focus is in a text field (a name being typed keeps its keys).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './staff.css';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

interface Props {
  value: string;
  onChange(next: string): void;
  /** Enter on the keyboard. */
  onSubmit?(): void;
  max?: number;
  disabled?: boolean;
}

/** What a key does to the PIN typed so far, or null when the key is not the pad's. */
export function pinAfterKey(value: string, key: string, max: number): string | null {
  if (/^[0-9]$/.test(key)) return value.length < max ? value + key : value;
  if (key === 'Backspace') return value.slice(0, -1);
  if (key === 'Escape' || key === 'Delete') return '';
  return null;
}

const typingInAField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function PinPad({ value, onChange, onSubmit, max = 8, disabled = false }: Props) {
  const { t } = useTranslation();
  const latest = useRef({ value, onChange, onSubmit, max, disabled });
  useEffect(() => {
    latest.current = { value, onChange, onSubmit, max, disabled };
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const pad = latest.current;
      if (pad.disabled || e.ctrlKey || e.altKey || e.metaKey || typingInAField(e.target)) return;
      if (e.key === 'Enter' && pad.onSubmit) {
        e.preventDefault();
        pad.onSubmit();
        return;
      }
      const next = pinAfterKey(pad.value, e.key, pad.max);
      if (next === null) return;
      e.preventDefault();
      // Keep the latest value at hand: keys typed fast arrive before React renders again.
      latest.current = { ...pad, value: next };
      pad.onChange(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="pin">
      <div className="pin-dots" aria-live="polite" aria-label={t('counter.staff.pinLength', { count: value.length })} data-testid="pin-dots" data-length={value.length}>
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
            disabled={disabled}
            onClick={() => onChange(k === 'clear' ? '' : k === 'back' ? value.slice(0, -1) : value.length < max ? value + k : value)}
          >
            {k === 'clear' ? t('counter.staff.pinClear') : k === 'back' ? '⌫' : k}
          </button>
        ))}
      </div>
    </div>
  );
}
