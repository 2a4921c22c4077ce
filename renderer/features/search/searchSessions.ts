/**
 * A finished kiosk search made into what is stored and sent (scrubbed: no numbers of 6+ digits, no
 * names), loaded by useSearchRecorder.ts when the first search ends, not while the kiosk starts.
 */
import { foldedWords } from '../../../shared/catalog/foldVietnamese.ts';
import { BUNDLED_LEXICONS } from '../../../shared/catalog/language/bundledLexicons.ts';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import { queryKey, scrubQuery } from '../../../shared/learning/scrubQuery.ts';
import { SHOWN_RECORDED, type SearchSession } from '../../../shared/learning/searchSession.ts';
import type { FinishedSearch } from './searchRecorder.ts';

export { recordSearch } from '../../data/searchLog.ts';

/** A search needs this many letters (folded) once scrubbed to say anything. */
const MIN_KEY_LENGTH = 2;

/** Folded words the catalog's names and the lexicon use: a capitalised word outside them may be a name. */
export function kioskVocabulary(procedures: readonly Procedure[]): Set<string> {
  const words = new Set<string>();
  for (const p of procedures) for (const w of foldedWords(p.name)) words.add(w);
  const lexicon = BUNDLED_LEXICONS.vi;
  for (const text of [...lexicon.fillers.words, ...lexicon.fillers.phrases, ...lexicon.entries.flatMap((e) => [...e.say, ...e.means])]) {
    for (const w of foldedWords(text)) words.add(w);
  }
  return words;
}

const vocabularies = new WeakMap<readonly Procedure[], Set<string>>();

/** Whether a folded word is one the kiosk knows: its vocabulary worked out once per catalog, when the first search ends. */
export function knownWordIn(procedures: readonly Procedure[]): (folded: string) => boolean {
  let words = vocabularies.get(procedures);
  if (!words) {
    words = kioskVocabulary(procedures);
    vocabularies.set(procedures, words);
  }
  const known = words;
  return (w) => known.has(w);
}

/** A finished search as stored, or null when nothing worth keeping is left once scrubbed. */
export function sessionOf(finished: FinishedSearch, knownWord: (folded: string) => boolean, language: 'vi' | 'en', at: Date, id: string): SearchSession | null {
  const query = scrubQuery(finished.query, { knownWord }).text;
  if (queryKey(query).replace(/ /g, '').length < MIN_KEY_LENGTH) return null;
  return {
    id,
    query,
    found: finished.found,
    shown: finished.shown.slice(0, SHOWN_RECORDED),
    outcome: finished.outcome,
    chosen: finished.chosen,
    flowPath: finished.flowPath,
    language,
    at: at.toISOString(),
  };
}
