/**
 * Reading aloud, one capability of the platform seam. The browser (and Electron's Chromium) speak
 * through the Web Speech API with the operating system's voices: Windows ships "Microsoft An" for
 * vi-VN, many Linux kiosks have none. The kiosk only offers reading aloud when a voice for the
 * language exists. Text is queued line by line: Chromium cuts a single long utterance off.
 */
export interface Speech {
  /** Whether a voice for this language (e.g. "vi", "en") is installed right now. */
  hasVoice(language: string): boolean;
  /** Stops whatever is being read and reads these lines; false when no voice fits. */
  speak(lines: readonly string[], language: string): boolean;
  stop(): void;
  readonly speaking: boolean;
  /** Told when the voices arrive (they load late in Chromium) or reading starts or ends. */
  subscribe(listener: () => void): () => void;
}

/** The parts of the Web Speech API this module uses, so a test can stand in for it at its boundary. */
export interface SpeechSynthesisLike {
  getVoices(): readonly { lang: string; name: string; default?: boolean }[];
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  addEventListener(type: 'voiceschanged', listener: () => void): void;
}

export type UtteranceConstructor = new (text: string) => SpeechSynthesisUtterance;

const REGION: Record<string, string> = { vi: 'vi-VN', en: 'en-US' };

/** The best voice for a language: its main region first ("vi-VN"), then any of that language. */
export function pickVoice<V extends { lang: string }>(voices: readonly V[], language: string): V | undefined {
  const norm = (lang: string) => lang.replace('_', '-').toLowerCase();
  const exact = (REGION[language] ?? language).toLowerCase();
  return voices.find((v) => norm(v.lang) === exact) ?? voices.find((v) => norm(v.lang).split('-')[0] === language.toLowerCase());
}

export function createBrowserSpeech(synth: SpeechSynthesisLike, Utterance: UtteranceConstructor): Speech {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  let speaking = false;
  // Each speak() gets a number, so the end of an utterance that was cancelled does not end a newer reading.
  let reading = 0;
  synth.addEventListener('voiceschanged', notify);

  const setSpeaking = (value: boolean) => {
    if (speaking === value) return;
    speaking = value;
    notify();
  };

  return {
    hasVoice: (language) => pickVoice(synth.getVoices(), language) !== undefined,
    speak(lines, language) {
      const voice = pickVoice(synth.getVoices(), language);
      const parts = lines.map((l) => l.trim()).filter(Boolean);
      if (!voice || parts.length === 0) return false;
      synth.cancel();
      const mine = ++reading;
      parts.forEach((text, i) => {
        const u = new Utterance(text);
        u.voice = voice as SpeechSynthesisVoice;
        u.lang = voice.lang;
        u.rate = 0.9;
        const done = () => {
          if (mine === reading && i === parts.length - 1) setSpeaking(false);
        };
        u.onend = done;
        u.onerror = done;
        synth.speak(u);
      });
      setSpeaking(true);
      return true;
    },
    stop() {
      reading += 1;
      synth.cancel();
      setSpeaking(false);
    },
    get speaking() {
      return speaking;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Speech with no voice at all (a runtime without the Web Speech API, and the test double): nothing is offered. */
export const SILENT_SPEECH: Speech = {
  hasVoice: () => false,
  speak: () => false,
  stop: () => {},
  speaking: false,
  subscribe: () => () => {},
};

/** The browser's speech, or silence when the runtime has no Web Speech API. */
export function browserSpeech(w: Partial<Pick<Window & typeof globalThis, 'speechSynthesis' | 'SpeechSynthesisUtterance'>> = globalThis): Speech {
  const { speechSynthesis, SpeechSynthesisUtterance } = w;
  return speechSynthesis && SpeechSynthesisUtterance ? createBrowserSpeech(speechSynthesis, SpeechSynthesisUtterance) : SILENT_SPEECH;
}
