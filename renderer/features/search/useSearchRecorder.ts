/**
 * The kiosk's search recorder: follows the search box, the results shown and the screen, and when
 * a search ends stores it on the device (scrubbed: no numbers of 6+ digits, no names) and asks the
 * sender to send it. Mounted by the kiosk only, never on the counter's screens; a device enrolled as
 * anything but a kiosk records nothing.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import type { SearchResult } from '../../../shared/catalog/searchTypes.ts';
import { SHOWN_RECORDED } from '../../../shared/learning/searchSessionLimits.ts';
import type { Route } from '../../app/route.ts';
import type { MotcuaDb } from '../../data/db.ts';
import { enrolledRole } from '../../data/deviceRepository.ts';
import { IDLE_RECORDER, stepRecorder, type RecorderEvent } from './searchRecorder.ts';
import type { TokenVault } from '../../security/dataKey.ts';

export interface SearchRecorder {
  /** SearchResults reports what it shows for a query. */
  shown(query: string, result: SearchResult): void;
  /** A guidance flow reports the path walked (flow id, then question=answer steps). */
  flow(path: string[]): void;
}

const NO_PROCEDURES: readonly Procedure[] = [];

export function useSearchRecorder(db: MotcuaDb, tokens: TokenVault, query: string, route: Route, procedures: readonly Procedure[] | null): SearchRecorder {
  const { i18n } = useTranslation();
  const state = useRef(IDLE_RECORDER);
  // Whether this device may record: a kiosk, or not enrolled yet (it sends once enrolled as a kiosk).
  const allowed = useRef<boolean | null>(null);
  useEffect(() => {
    void enrolledRole(db).then((r) => (allowed.current = r.ok && (r.value === null || r.value === 'kiosk')));
  }, [db]);
  const language = i18n.language === 'en' ? 'en' : 'vi';

  const step = useCallback(
    (event: RecorderEvent) => {
      const next = stepRecorder(state.current, event);
      state.current = next.state;
      if (!next.finished || allowed.current !== true) return;
      const finished = next.finished;
      const at = new Date();
      const id = crypto.randomUUID();
      // The scrubbing, the log and the sender (and their schemas) loaded when a search ends, not at start.
      void import('./searchSessions.ts')
        .then(async ({ knownWordIn, sessionOf, recordSearch }) => {
          const session = sessionOf(finished, knownWordIn(procedures ?? NO_PROCEDURES), language, at, id);
          if (session) await recordSearch(db, session);
          return session !== null;
        })
        .then(async (recorded) => (recorded ? import('../../sync/searchLogSender.ts') : null))
        .then((sender) => sender?.drainSearches(db, tokens))
        // A full or broken local store loses this one search, never the citizen's screen.
        .catch(() => undefined);
    },
    [db, tokens, procedures, language],
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
