/** The touch keyboard under the search box, built on simple-keyboard; it edits text, it never submits. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SimpleKeyboard as Keyboard } from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import { applyKey, KEYBOARD_LAYOUT, TONE_KEYS } from './keyboardLayout.ts';

interface Props {
  value: string;
  onChange(next: string): void;
  /** Rows of keys, read once when the keyboard is built; the Vietnamese search layout by default. */
  layout?: { default: string[] };
}

export function OnScreenKeyboard({ value, onChange, layout = KEYBOARD_LAYOUT }: Props) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const keyboard = useRef<Keyboard | null>(null);
  const latest = useRef({ value, onChange });
  const rows = useRef(layout);
  useEffect(() => {
    latest.current = { value, onChange };
  }, [value, onChange]);

  useEffect(() => {
    if (!host.current) return;
    keyboard.current = new Keyboard(host.current, {
      layout: rows.current,
      theme: 'hg-theme-default motcua-keyboard',
      preventMouseDownDefault: true,
      disableButtonHold: true,
      onKeyPress: (button: string) => latest.current.onChange(applyKey(latest.current.value, button)),
    });
    return () => {
      keyboard.current?.destroy();
      keyboard.current = null;
    };
  }, []);

  // Labels follow the interface language; the tone keys show the mark on "a" so no reading is needed.
  useEffect(() => {
    const toneNames = Object.fromEntries(Object.entries(TONE_KEYS).map(([key, tone]) => [key, t(`keyboard.tone.${tone}`)]));
    keyboard.current?.setOptions({
      display: {
        '{bksp}': t('keyboard.backspace'),
        '{clear}': t('keyboard.clear'),
        '{space}': t('keyboard.space'),
        '{sac}': 'á',
        '{huyen}': 'à',
        '{hoi}': 'ả',
        '{nga}': 'ã',
        '{nang}': 'ạ',
      },
      buttonAttributes: [
        ...Object.entries(toneNames).map(([button, name]) => ({ attribute: 'aria-label', value: name, buttons: button })),
        { attribute: 'aria-label', value: t('keyboard.backspace'), buttons: '{bksp}' },
      ],
      buttonTheme: [
        { class: 'key-tone', buttons: Object.keys(TONE_KEYS).join(' ') },
        { class: 'key-action', buttons: '{bksp} {clear}' },
        { class: 'key-vowel', buttons: 'â ă ê ô ơ ư đ' },
      ],
    });
  }, [t, i18n.language]);

  // simple-keyboard owns the class list of its host, so our frame is a wrapper around it.
  return (
    <div className="keyboard" data-testid="keyboard" aria-label={t('keyboard.label')} role="group">
      <div ref={host} className="simple-keyboard" />
    </div>
  );
}
