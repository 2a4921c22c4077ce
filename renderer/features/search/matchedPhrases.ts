/**
 * What the result card shows as "why it matched": the person's words and, where the catalog says
 * it differently, its wording. Consecutive words found as typed read as one phrase ("khai sinh").
 */
import type { MatchedWords } from '../../../shared/catalog/searchTypes.ts';

export interface MatchedPhrase {
  typed: string;
  /** null when the catalog says it as typed. */
  found: string | null;
}

export function matchedPhrases(matched: readonly MatchedWords[]): MatchedPhrase[] {
  const out: MatchedPhrase[] = [];
  for (const m of matched) {
    // Vietnamese has no casing of its own (only Turkish, Azeri and Lithuanian do): the plain lower case, no ICU on a key's path.
    const same = m.typed.toLowerCase() === m.found.toLowerCase();
    const last = out.at(-1);
    if (same && last && last.found === null) last.typed = `${last.typed} ${m.typed}`;
    else out.push({ typed: m.typed, found: same ? null : m.found });
  }
  return out;
}
