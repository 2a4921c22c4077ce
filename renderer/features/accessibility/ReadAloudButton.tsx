/**
 * "Đọc to" for the question, its answers and the checklist. Shown only when the system has a voice
 * for the interface language; reading stops when the screen changes.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Speech } from '../../platform/speech.ts';

const never = () => () => {};

export function ReadAloudButton({ speech, lines }: { speech: Speech | undefined; lines: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const available = useSyncExternalStore(speech?.subscribe ?? never, () => speech?.hasVoice(language) ?? false);
  const speaking = useSyncExternalStore(speech?.subscribe ?? never, () => speech?.speaking ?? false);
  // Whatever was being read belongs to this screen: leaving it (or a new text) stops the voice.
  const text = lines.join('\n');
  useEffect(() => () => speech?.stop(), [speech, text, language]);
  if (!speech || !available) return null;
  return (
    <button
      type="button"
      className={`button read-aloud${speaking ? ' active' : ''}`}
      aria-pressed={speaking}
      onClick={() => (speaking ? speech.stop() : speech.speak(lines, language))}
      data-testid="read-aloud"
    >
      <span aria-hidden="true">{speaking ? '■' : '🔊'}</span> {speaking ? t('accessibility.stopReading') : t('accessibility.readAloud')}
    </button>
  );
}
