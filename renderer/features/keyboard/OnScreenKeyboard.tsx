/**
 * The touch keyboard under the search box; it edits text, it never submits. Plain React over the
 * layout rows (keyboardLayout.ts): a key acts on pointer down, as on a phone, and keeps the focus
 * where it is. Its markup and class names are simple-keyboard's, the library it replaced (100 KB
 * of script for what is five rows of keys), so the styles, the high-contrast theme and the tests'
 * selectors (`.hg-button[data-skbtn="k"]`) carry over.
 */
import { memo, useCallback, useLayoutEffect, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applyKey, KEYBOARD_LAYOUT, TONE_KEYS } from './keyboardLayout.ts';
import './keyboard.css';

interface Props {
  value: string;
  onChange(next: string): void;
  /** Rows of keys; the Vietnamese search layout by default. */
  layout?: { default: string[] };
}

const TONE_MARKS: Record<string, string> = { '{sac}': 'á', '{huyen}': 'à', '{hoi}': 'ả', '{nga}': 'ã', '{nang}': 'ạ' };
const VOWELS = new Set(['â', 'ă', 'ê', 'ô', 'ơ', 'ư', 'đ']);

export function OnScreenKeyboard({ value, onChange, layout = KEYBOARD_LAYOUT }: Props) {
  // The latest text and handler, so the keys themselves need not render again at every letter.
  const latest = useRef({ value, onChange });
  useLayoutEffect(() => {
    latest.current = { value, onChange };
  }, [value, onChange]);
  const press = useCallback((key: string) => latest.current.onChange(applyKey(latest.current.value, key)), []);
  return <Keys rows={layout.default} press={press} />;
}

/** The keys: rendered once per layout and language, not per letter typed. */
const Keys = memo(function Keys({ rows, press }: { rows: string[]; press(key: string): void }) {
  const { t } = useTranslation();
  const label = (key: string): string => {
    if (TONE_MARKS[key]) return TONE_MARKS[key];
    if (key === '{bksp}') return t('keyboard.backspace');
    if (key === '{clear}') return t('keyboard.clear');
    if (key === '{space}') return t('keyboard.space');
    return key;
  };
  const ariaLabel = (key: string): string | undefined => {
    const tone = TONE_KEYS[key];
    if (tone) return t(`keyboard.tone.${tone}`);
    return key === '{bksp}' ? t('keyboard.backspace') : undefined;
  };
  const classes = (key: string): string => {
    const fn = key.startsWith('{') && key.endsWith('}') && key.length > 2;
    const kind = TONE_KEYS[key] ? ' key-tone' : key === '{bksp}' || key === '{clear}' ? ' key-action' : VOWELS.has(key) ? ' key-vowel' : '';
    return `hg-button ${fn ? `hg-functionBtn hg-button-${key.slice(1, -1)}` : 'hg-standardBtn'}${kind}`;
  };
  // Pressing must not take the focus from the text field the keys type into.
  const down = (key: string) => (event: PointerEvent) => {
    event.preventDefault();
    press(key);
  };
  return (
    <div className="keyboard" data-testid="keyboard" aria-label={t('keyboard.label')} role="group">
      <div className="simple-keyboard hg-theme-default motcua-keyboard hg-layout-default">
        <div className="hg-rows">
          {rows.map((row, r) => (
            <div className="hg-row" key={r}>
              {row.split(' ').map((key) => (
                <div key={key} className={classes(key)} data-skbtn={key} aria-label={ariaLabel(key)} onPointerDown={down(key)} onMouseDown={(e) => e.preventDefault()}>
                  <span>{label(key)}</span>
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
});
