/**
 * The kiosk's on-screen Vietnamese keyboard: Latin letters, the shaped vowels and đ as keys of
 * their own, and a tone row that marks the last syllable (see vietnameseTone.ts). Five rows, so
 * it fits under the results on a 1366x768 screen.
 */
import { applyTone, type Tone } from './vietnameseTone.ts';

export const TONE_KEYS: Record<string, Tone> = {
  '{sac}': 'sac',
  '{huyen}': 'huyen',
  '{hoi}': 'hoi',
  '{nga}': 'nga',
  '{nang}': 'nang',
};

export const KEYBOARD_LAYOUT = {
  default: [
    '1 2 3 4 5 6 7 8 9 0 . {bksp}',
    'q w e r t y u i o p â ă',
    'a s d f g h j k l ê ô đ',
    'z x c v b n m ơ ư {clear}',
    '{sac} {huyen} {hoi} {nga} {nang} {space}',
  ],
};

/** What a key press does to the search text. Pure, so it is tested without a browser. */
export function applyKey(value: string, key: string): string {
  const tone = TONE_KEYS[key];
  if (tone) return applyTone(value, tone);
  switch (key) {
    case '{bksp}':
      return [...value].slice(0, -1).join('');
    case '{clear}':
      return '';
    case '{space}':
      return value === '' || value.endsWith(' ') ? value : `${value} `;
    default:
      return key.startsWith('{') ? value : (value + key).normalize('NFC');
  }
}
