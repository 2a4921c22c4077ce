/**
 * Runs the retention purge when the counter starts and then once a day, for counters that stay on
 * for weeks. A failed run (storage) is logged and tried again at the next tick; files stay as they were.
 */
import { useEffect } from 'react';
import type { MotcuaDb } from '../../../data/db.ts';
import { purgeExpiredFiles } from '../../../data/retention.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function useRetentionPurge(db: MotcuaDb) {
  useEffect(() => {
    const run = () =>
      void purgeExpiredFiles(db, new Date()).then((r) => {
        if (!r.ok) console.warn('retention purge failed', r.error.reason);
      });
    run();
    const timer = setInterval(run, DAY_MS);
    return () => clearInterval(timer);
  }, [db]);
}
