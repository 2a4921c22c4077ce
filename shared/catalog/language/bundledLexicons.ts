/**
 * The lexicons shipped with the app. The server may send newer versions (an admin taught the kiosk
 * new phrases); those replace these once validated, see parseLexicon and createSearchEngine.
 *
 * The files are kept as parseLexicon leaves them (every default written out; a unit test checks
 * that parsing them changes nothing), so they are used as they are: no schema is built or run for
 * them when a kiosk starts or searches for the first time.
 */
import type { Lexicon } from './lexicon.ts';
import vi from './lexicon.vi.json';
import en from './lexicon.en.json';

export const BUNDLED_LEXICONS: Readonly<Record<'vi' | 'en', Lexicon>> = { vi: vi as Lexicon, en: en as Lexicon };
