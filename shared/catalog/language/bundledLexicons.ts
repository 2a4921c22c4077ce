/**
 * The lexicons shipped with the app. The server may send newer versions (an admin taught the kiosk
 * new phrases); those replace these once validated, see parseLexicon and createSearchEngine. Each is
 * read (and checked) when first used, not when the app starts: English only if someone searches in it.
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

const read: Partial<Record<'vi' | 'en', Lexicon>> = {};

export const BUNDLED_LEXICONS: Readonly<Record<'vi' | 'en', Lexicon>> = {
  get vi() {
    return (read.vi ??= bundled(vi, 'lexicon.vi.json'));
  },
  get en() {
    return (read.en ??= bundled(en, 'lexicon.en.json'));
  },
};
