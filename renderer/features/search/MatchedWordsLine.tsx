/** One line under a result: the words it matched, and how the catalog says them. */
import type { TFunction } from 'i18next';
import type { MatchedWords } from '../../../shared/catalog/searchTypes.ts';
import { matchedPhrases } from './matchedPhrases.ts';

export function MatchedWordsLine({ matched, t }: { matched: readonly MatchedWords[] | undefined; t: TFunction }) {
  const phrases = matchedPhrases(matched ?? []);
  if (phrases.length === 0) return null;
  return (
    <span className="matched" data-testid="matched">
      <span className="matched-label">{t('search.matched')}</span>{' '}
      {phrases.map((p, i) => (
        <span key={i} className="matched-phrase">
          <q>{p.typed}</q>
          {p.found !== null && (
            <>
              {' → '}
              <span className="matched-found">{p.found}</span>
            </>
          )}
        </span>
      ))}
    </span>
  );
}
