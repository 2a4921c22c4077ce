/**
 * i18next set-up: Vietnamese first, read before the first screen; English complete, in its own
 * chunk (precached, so it works offline) read the first time someone switches to it. The
 * Vietnamese texts travel as a JSON file beside the scripts (precached too), not inside them: an
 * old PC parses 70 KB of JSON several times faster than the same texts as JavaScript, and the first
 * screen's scripts stay small. Should that file not come, its copy as a script does.
 */
import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import viUrl from '../locales/vi.json?url';
import { readAppJson } from './offline/appFile.ts';

async function vietnameseTexts(): Promise<ResourceKey> {
  const texts = await readAppJson(viUrl);
  if (typeof texts === 'object' && texts !== null && !Array.isArray(texts)) return texts as ResourceKey;
  return (await import('../locales/vi.json')).default as ResourceKey;
}

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** i18next's backend interface over the bundler's chunks: a language's texts, imported when first asked for. */
const chunkedLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = language === 'en' ? import('../locales/en.json').then((m) => m.default as ResourceKey) : vietnameseTexts();
    load.then(
      (texts) => callback(null, texts),
      (e: unknown) => callback(e instanceof Error ? e : new Error(String(e)), null),
    );
  },
};

export async function initI18n(language: Language = 'vi') {
  const vi = await vietnameseTexts();
  await i18next
    .use(chunkedLanguages)
    .use(initReactI18next)
    .init({
      resources: { vi: { translation: vi } },
      // Vietnamese is here already; other languages come through the backend above.
      partialBundledLanguages: true,
      lng: language,
      fallbackLng: 'vi',
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}
