/**
 * The admin's list of searches that found nothing or were abandoned, from the store's counts per
 * (folded query, spelling, outcome): one line per folded query, shown in the spelling most citizens
 * used (among equals the latest), most frequent first. The same in every store.
 */
import type { UnmatchedQuery } from '../../shared/learning/learningApi.ts';

export interface UnmatchedGroup {
  key: string;
  query: string;
  outcome: 'none' | 'abandoned';
  n: number;
  last: string;
}

export function unmatchedQueries(groups: Iterable<UnmatchedGroup>, limit: number): UnmatchedQuery[] {
  const byKey = new Map<string, UnmatchedQuery & { spellings: Map<string, { n: number; last: string }> }>();
  for (const row of groups) {
    const line = byKey.get(row.key) ?? { key: row.key, text: row.query, count: 0, none: 0, abandoned: 0, lastSeen: row.last, spellings: new Map() };
    line.count += row.n;
    line[row.outcome] += row.n;
    if (row.last > line.lastSeen) line.lastSeen = row.last;
    const spelling = line.spellings.get(row.query) ?? { n: 0, last: row.last };
    spelling.n += row.n;
    if (row.last > spelling.last) spelling.last = row.last;
    line.spellings.set(row.query, spelling);
    byKey.set(row.key, line);
  }
  return [...byKey.values()]
    .map(({ spellings, ...line }) => {
      const [text] = [...spellings].sort((a, b) => b[1].n - a[1].n || b[1].last.localeCompare(a[1].last))[0]!;
      return { ...line, text };
    })
    .sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen) || a.key.localeCompare(b.key))
    .slice(0, limit);
}
