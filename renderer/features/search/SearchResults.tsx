/**
 * Results as the person types; "nothing found" still offers the nearest matches and the fields to
 * browse. When the best answer is done elsewhere (province, ministry), that comes first with where
 * to go. Each card says which of the person's words it matched.
 *
 * A key costs one search and the cards that come into view: the first few cards are drawn with the
 * key, the rest (below the fold, under the keyboard) once that frame is on screen and the page is
 * idle, in a render the next key can interrupt; a card that stays from one key to the next is not
 * drawn again.
 */
import { startTransition, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../shared/catalog/searchTypes.ts';
import { RESULTS_LIMIT, type CachedSearch } from './cachedSearch.ts';
import { ProcedureCard } from './ProcedureCard.tsx';
import { ElsewhereAnswer } from './ElsewhereAnswer.tsx';
import './search.css';

interface Props {
  search: CachedSearch;
  query: string;
  onOpen(code: string): void;
  onBrowse(): void;
  /** Told what is on screen for each query (the kiosk's search recorder). */
  onShown?(query: string, result: SearchResult): void;
}

/**
 * Cards drawn with the key itself: as many as the screen can show above the keyboard, and one more.
 * A card is about 118 px high and the header, the search box and the keyboard take about half of
 * the height: one card and a half in view on a 1366x768 kiosk, seven and a half on a 1080x1920 one.
 */
function firstCards(viewportHeight: number): number {
  return Math.max(2, Math.ceil(viewportHeight / 2 / 118) + 1);
}

/**
 * `value` as it was when the page last went idle: it follows `value` only after the frame that
 * shows the urgent render has been painted and the page is idle (at the latest `within` ms later),
 * and not at all while it keeps changing (keys coming fast). `initial` until then, on the first
 * render too: the first key mounts the results, and draws only its first cards as every key does.
 */
function useValueAfterPaint<T>(value: T, within: number, initial: T): T {
  const [settled, setSettled] = useState(initial);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    const follow = () => startTransition(() => setSettled(value));
    if (typeof globalThis.requestIdleCallback !== 'function') {
      const timer = globalThis.setTimeout(follow, 0);
      return () => globalThis.clearTimeout(timer);
    }
    const idle = globalThis.requestIdleCallback(follow, { timeout: within });
    return () => globalThis.cancelIdleCallback(idle);
  }, [value, settled, within]);
  return settled;
}

export function SearchResults({ search, query, onOpen, onBrowse, onShown }: Props) {
  const { t, i18n } = useTranslation();
  const [field, setField] = useState<string | null>(null);
  const language = i18n.language.startsWith('en') ? 'en' : 'vi';
  const all = useMemo(() => search(query, { limit: RESULTS_LIMIT, language }), [search, query, language]);
  // The query the rest of the cards are drawn for: it lags behind while keys come fast.
  const settled = useValueAfterPaint<string | null>(query, 250, null);
  const elsewhere = all.elsewhere ?? [];
  // What was shown, for learning from what citizens type (the kiosk's recorder; nothing at the counter).
  useEffect(() => onShown?.(query, all), [onShown, query, all]);
  const fields = useMemo(() => [...new Set(all.hits.map((h) => h.procedure.field))], [all]);
  const activeField = field && fields.includes(field) ? field : null;
  const hits = activeField ? all.hits.filter((h) => h.procedure.field === activeField) : all.hits;
  const drawn = settled === query ? hits : hits.slice(0, firstCards(window.innerHeight));

  return (
    <section className="results" aria-live="polite" data-testid="results" data-kind={all.kind} data-query={query} data-complete={drawn.length === hits.length}>
      {elsewhere.map((hit) => (
        <ElsewhereAnswer key={hit.code} hit={hit} onOpen={onOpen} />
      ))}
      {elsewhere.length > 0 && all.hits.length > 0 && <p className="results-summary">{t('search.elsewhereOwnBelow')}</p>}
      {elsewhere.length === 0 && all.kind === 'match' && (
        <p className="results-summary">{t('search.found', { count: all.hits.length })}</p>
      )}
      {elsewhere.length === 0 && all.kind !== 'match' && (
        <div className="notice" data-testid="no-result">
          <p>
            <strong>{t('search.noneTitle', { query })}</strong>
          </p>
          <p>{all.kind === 'nearest' ? t('search.nearestHint') : t('search.noneHint')}</p>
          <button type="button" className="button" onClick={onBrowse}>
            {t('search.browseFields')}
          </button>
        </div>
      )}
      {(all.unread ?? []).length > 0 && all.hits.length > 0 && (
        <p className="results-summary" data-testid="unread">
          {t('search.unread', { words: (all.unread ?? []).map((w) => `“${w}”`).join(', ') })}
        </p>
      )}
      {fields.length > 1 && (
        <div className="filter-row" role="group" aria-label={t('search.filterByField')}>
          <button type="button" className={`chip-button${activeField ? '' : ' active'}`} onClick={() => setField(null)}>
            {t('search.allFields')}
          </button>
          {fields.map((f) => (
            <button key={f} type="button" className={`chip-button${activeField === f ? ' active' : ''}`} onClick={() => setField(f)}>
              {f}
            </button>
          ))}
        </div>
      )}
      <ol className="result-list">
        {drawn.map((h) => (
          <ProcedureCard key={h.code} procedure={h.procedure} matched={h.matched} onOpen={onOpen} t={t} language={i18n.language} />
        ))}
      </ol>
    </section>
  );
}
