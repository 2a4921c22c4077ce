/**
 * The lexicons shipped with the app. The server may send newer versions (an admin taught the kiosk
 * new phrases); those replace these once validated, see parseLexicon and createSearchEngine.
 */
import { parseLexicon, type Lexicon } from './lexicon.ts';
import vi from './lexicon.vi.json';
import en from './lexicon.en.json';

function bundled(input: unknown, name: string): Lexicon {
  const parsed = parseLexicon(input);
  // The bundled files are checked by the unit tests; a broken one is a build error, not a user's problem.
  if (!parsed.ok) throw new Error(`bundled lexicon ${name} is invalid: ${parsed.error}`);
  return parsed.value;
}

export const BUNDLED_LEXICONS: Readonly<Record<'vi' | 'en', Lexicon>> = {
  vi: bundled(vi, 'lexicon.vi.json'),
  en: bundled(en, 'lexicon.en.json'),
};
