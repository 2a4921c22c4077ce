/**
 * Before a taught entry goes out, the server searches as a kiosk would: the catalog it serves, the
 * bundled lexicon plus the center's entries plus the new one. Each of the entry's examples (the
 * citizen's own search, the admin's phrase) must then bring its procedure into the first five
 * answers, both read as finished and as the kiosk reads it while the last word may still be being
 * typed; or the teaching is refused with the search that still fails: an admin never ships a
 * mapping the kiosk cannot use.
 */
import type { Lexicon } from '../../shared/catalog/language/lexicon.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { answersInOrder } from '../../shared/catalog/searchAnswers.ts';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import { mergeVocabulary, type LearnedEntry } from '../../shared/learning/centerVocabulary.ts';
import type { TeachProblem } from '../../shared/learning/learningApi.ts';
import { err, ok, type Result } from '../../shared/result.ts';

/** The kiosk's first screen shows about this many answers. */
export const PROOF_DEPTH = 5;

export function proveTeaching(procedures: readonly Procedure[], lexicons: { vi: Lexicon; en: Lexicon }, taught: readonly LearnedEntry[], entry: LearnedEntry): Result<null, TeachProblem> {
  const merged = mergeVocabulary(lexicons.vi, { version: 1, entries: [...taught, entry] });
  const engine = createSearchEngine(procedures, { lexicons: { vi: merged.lexicon, en: lexicons.en } });
  for (const example of entry.examples) for (const finished of [true, false]) {
    const answers = answersInOrder(engine.search(example.query, { limit: PROOF_DEPTH, finished }), PROOF_DEPTH).map((a) => a.hit.code);
    if (!example.expect.some((code) => answers.includes(code))) {
      return err({
        error: 'teach_refused',
        code: 'not_found_after',
        subject: example.query,
        reason: `even with this phrase taught, "${example.query}" does not bring ${example.expect.join(' or ')} into the first ${PROOF_DEPTH} answers (it gives ${answers.join(', ') || 'nothing'}); try a shorter phrase, the words that matter`,
      });
    }
  }
  return ok(null);
}
