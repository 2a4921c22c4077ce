/**
 * The admin's teaching dialog as plain data: the request it sends (checked here first, so the
 * admin hears at once that two real phrasings and a target are needed), the other unmatched
 * searches that look like the same need (offered as more phrasings), and concepts found by words.
 */
import { foldedWords, foldVietnamese } from '../../../shared/catalog/foldVietnamese.ts';
import type { Lexicon, LexiconEntry } from '../../../shared/catalog/language/lexicon.ts';
import type { TeachRequest, UnmatchedQuery } from '../../../shared/learning/learningApi.ts';
import { err, ok, type Result } from '../../../shared/result.ts';

export type TeachTargetDraft = { kind: 'procedures'; codes: string[] } | { kind: 'concept'; id: string | null };

export interface TeachForm {
  phrases: string[];
  target: TeachTargetDraft;
  /** The citizen's search the dialog was opened from. */
  query: string;
}

export type FormProblem = 'two_phrasings' | 'no_target';

export function requestOf(form: TeachForm, by: TeachRequest['by']): Result<TeachRequest, FormProblem> {
  const phrases: string[] = [];
  const seen = new Set<string>();
  for (const raw of form.phrases) {
    const phrase = raw.replace(/\s+/g, ' ').trim();
    const key = foldVietnamese(phrase);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  if (phrases.length < 2) return err('two_phrasings');
  if (form.target.kind === 'procedures' && form.target.codes.length === 0) return err('no_target');
  if (form.target.kind === 'concept' && form.target.id === null) return err('no_target');
  const target = form.target.kind === 'procedures' ? { kind: 'procedures' as const, codes: form.target.codes } : { kind: 'concept' as const, id: form.target.id! };
  return ok({ phrases, target, query: form.query.trim() || null, by });
}

/** Words that carry meaning: three letters or more and not filler words ("tôi", "muốn", "làm"). */
function meaningfulWords(text: string, fillers: ReadonlySet<string>): Set<string> {
  return new Set(foldedWords(text).filter((w) => w.length >= 3 && !fillers.has(w)));
}

/** Other unmatched searches sharing a meaningful word with this one, most frequent first. */
export function relatedQueries(query: UnmatchedQuery, all: readonly UnmatchedQuery[], lexicon: Lexicon, limit = 4): UnmatchedQuery[] {
  const fillers = new Set(lexicon.fillers.words.map(foldVietnamese));
  const words = meaningfulWords(query.text, fillers);
  return all
    .filter((q) => q.key !== query.key && [...meaningfulWords(q.text, fillers)].some((w) => words.has(w)))
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** Concepts of the lexicon whose phrasings or catalog wording contain the typed words. */
export function findConcepts(text: string, lexicon: Lexicon, limit = 8): LexiconEntry[] {
  const typed = foldVietnamese(text);
  if (typed.length < 2) return [];
  return lexicon.entries
    .filter((e) => e.kind !== 'learned' && [...e.say, ...e.means].some((p) => foldVietnamese(p.replace(/\{[a-z]+\}/g, ' ')).includes(typed)))
    .slice(0, limit);
}

/** A concept as a person recognises it: a few of the ways people say it. */
export const conceptLabel = (entry: LexiconEntry): string =>
  entry.say
    .slice(0, 4)
    .map((p) => p.replace(/\{[a-z]+\}/g, '…'))
    .join(', ');
