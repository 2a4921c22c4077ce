/**
 * The kiosk's search recorder: follows the search box, the results shown and the screen, and when
 * a search ends stores it on the device (scrubbed: no numbers of 6+ digits, no names) and asks the
 * sender to send it. Mounted by the kiosk only, never on the counter's screens; a device enrolled as
 * anything but a kiosk records nothing.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { foldedWords } from '../../../shared/catalog/foldVietnamese.ts';
import { BUNDLED_LEXICONS } from '../../../shared/catalog/language/bundledLexicons.ts';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import type { SearchResult } from '../../../shared/catalog/searchTypes.ts';
import { queryKey, scrubQuery } from '../../../shared/learning/scrubQuery.ts';
import { SHOWN_RECORDED, type SearchSession } from '../../../shared/learning/searchSession.ts';
import type { Route } from '../../app/route.ts';
import type { MotcuaDb } from '../../data/db.ts';
import { enrolledRole } from '../../data/deviceRepository.ts';
import { recordSearch } from '../../data/searchLog.ts';
import { IDLE_RECORDER, stepRecorder, type FinishedSearch, type RecorderEvent } from './searchRecorder.ts';
import type { TokenVault } from '../../security/dataKey.ts';

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

export interface SearchRecorder {
  /** SearchResults reports what it shows for a query. */
  shown(query: string, result: SearchResult): void;
  /** A guidance flow reports the path walked (flow id, then question=answer steps). */
  flow(path: string[]): void;
}

export function useSearchRecorder(db: MotcuaDb, tokens: TokenVault, query: string, route: Route, procedures: readonly Procedure[] | null): SearchRecorder {
  const { i18n } = useTranslation();
  const state = useRef(IDLE_RECORDER);
  // Whether this device may record: a kiosk, or not enrolled yet (it sends once enrolled as a kiosk).
  const allowed = useRef<boolean | null>(null);
  useEffect(() => {
    void enrolledRole(db).then((r) => (allowed.current = r.ok && (r.value === null || r.value === 'kiosk')));
  }, [db]);
  // Worked out when the first search finishes, not while the kiosk starts.
  const knownWord = useMemo(() => {
    let words: Set<string> | null = null;
    return (w: string) => (words ??= kioskVocabulary(procedures ?? [])).has(w);
  }, [procedures]);
  const language = i18n.language === 'en' ? 'en' : 'vi';

  const step = useCallback(
    (event: RecorderEvent) => {
      const next = stepRecorder(state.current, event);
      state.current = next.state;
      if (!next.finished || allowed.current !== true) return;
      const session = sessionOf(next.finished, knownWord, language, new Date(), crypto.randomUUID());
      if (!session) return;
      void recordSearch(db, session)
        // The sender (and the learning protocol's schemas) loaded when a search is sent, not at start.
        .then(() => import('../../sync/searchLogSender.ts'))
        .then(({ drainSearches }) => drainSearches(db, tokens))
        // A full or broken local store loses this one search, never the citizen's screen.
        .catch(() => undefined);
    },
    [db, tokens, knownWord, language],
  );

  useEffect(() => step({ type: 'typed', query }), [step, query]);
  const code = route.screen === 'procedure' ? route.code : null;
  useEffect(() => {
    if (code) step({ type: 'opened', code });
  }, [step, code]);

  return useMemo(
    () => ({
      shown: (shownQuery, result) => step({ type: 'shown', query: shownQuery, shown: { found: result.kind, codes: result.hits.slice(0, SHOWN_RECORDED).map((h) => h.code) } }),
      flow: (path) => step({ type: 'flow', path }),
    }),
    [step],
  );
}
