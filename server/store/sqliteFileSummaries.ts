/**
 * Reads the slice of each file the center's figures need (shared/stats/fileSummary.ts) in one
 * query: the procedure's field from the catalog ("Khác" when the catalog does not know it), the
 * done/returned stamps from the status history and the one rating that counts for the file's number
 * (the first from the center's own devices or with the receipt's lookup code; see store.ts StoredRating).
 */
import type Database from 'better-sqlite3';
import { DAY_MS } from '../../shared/calendar/civilDay.ts';
import { fileSummarySchema, type FileSummary } from '../../shared/stats/fileSummary.ts';
import type { SummaryQuery } from './store.ts';

/** The field a file is counted under when its procedure is not in the catalog. */
export const UNKNOWN_FIELD = 'Khác';

export function createSqliteFileSummaries(db: Database.Database): (query: SummaryQuery) => FileSummary[] {
  const select = db.prepare(
    `SELECT f.center_code, f.location_code, f.received_at, json_extract(f.record, '$.channel') AS channel,
            json_extract(p.data, '$.field') AS field, f.procedure_code, json_extract(f.record, '$.procedureName') AS procedure_name,
            f.status, f.due_at,
            (SELECT min(h.at) FROM status_history h WHERE h.file_id = f.id AND h.status = 'done') AS done_at,
            (SELECT min(h.at) FROM status_history h WHERE h.file_id = f.id AND h.status = 'returned') AS returned_at,
            (SELECT r.score FROM ratings r WHERE r.center_code = f.center_code AND r.file_number = f.number AND r.counted = 1
              ORDER BY r.rowid LIMIT 1) AS rating
     FROM files f LEFT JOIN procedures p ON p.code = f.procedure_code AND p.data IS NOT NULL
     WHERE f.center_code = ? AND f.received_at >= ? AND f.received_at < ?`,
  );
  select.raw(true);

  return ({ centerCode, fromMs, toMs }) => {
    // Times are stored as sent (any UTC offset), so text comparison is only right to within a day:
    // widen the range by one and let computeCenterStats keep exactly the period.
    const from = new Date(fromMs - DAY_MS).toISOString();
    const to = new Date(toMs + DAY_MS).toISOString();
    return select.all(centerCode, from, to).map((raw) => {
      const [center, location, receivedAt, channel, field, procedureCode, procedureName, status, dueAt, doneAt, returnedAt, rating] = raw as unknown[];
      return fileSummarySchema.parse({
        centerCode: center,
        locationCode: location,
        receivedAt,
        channel,
        field: field ?? UNKNOWN_FIELD,
        procedureCode,
        procedureName,
        status,
        dueAt,
        doneAt,
        returnedAt,
        rating,
      });
    });
  };
}
