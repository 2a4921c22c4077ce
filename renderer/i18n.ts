/**
 * i18next set-up: Vietnamese first and bundled with the app; English complete, in its own chunk
 * (precached, so it works offline) read the first time someone switches to it.
 */
import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from '../locales/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** i18next's backend interface over the bundler's chunks: a language's texts, imported when first asked for. */
const chunkedLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = language === 'en' ? import('../locales/en.json') : Promise.resolve({ default: vi });
    load.then(
      (texts) => callback(null, texts.default as ResourceKey),
      (e: unknown) => callback(e instanceof Error ? e : new Error(String(e)), null),
    );
  },
};

export async function initI18n(language: Language = 'vi') {
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
