/**
 * A province's figures counted by SQLite (store/figureCountsSql.ts): the files of the centers
 * received in the period, read as in sqliteFileSummaries.ts (done/returned from the history, the
 * counted rating, the field from the catalog), counted per center and field in one statement.
 */
import type Database from 'better-sqlite3';
import { DAY_MS } from '../../shared/calendar/civilDay.ts';
import { instantMs } from '../../shared/files/timeliness.ts';
import type { CenterFieldCounts } from '../../shared/stats/figureCounts.ts';
import { figureCountsSql, readCenterFieldCounts } from './figureCountsSql.ts';
import { UNKNOWN_FIELD } from './sqliteFileSummaries.ts';
import type { FigureCountsQuery } from './store.ts';

/**
 * Epoch ms of a stored ISO time (any offset), read by the very function the center's figures read
 * times with (shared/files/timeliness.ts instantMs), as an integer so days divide as integers.
 */
const ms = (column: string) => `motcua_instant_ms(${column})`;

// MATERIALIZED: each file's history and rating are read once, not once per count that uses them.
const SOURCE = `WITH period AS MATERIALIZED (
    SELECT f.center_code, f.procedure_code, json_extract(f.record, '$.channel') AS channel, f.status,
           f.received_at, f.due_at,
           (SELECT min(h.at) FROM status_history h WHERE h.file_id = f.id AND h.status = 'done') AS done_at,
           (SELECT min(h.at) FROM status_history h WHERE h.file_id = f.id AND h.status = 'returned') AS returned_at,
           (SELECT r.score FROM ratings r WHERE r.center_code = f.center_code AND r.file_number = f.number AND r.counted = 1
             ORDER BY r.rowid LIMIT 1) AS rating
    FROM files f
    WHERE f.center_code IN (SELECT value FROM json_each(@centers)) AND f.received_at >= @fromText AND f.received_at < @toText
  )
  SELECT center_code, procedure_code, channel, status, rating, ${ms('due_at')} AS due_ms, ${ms('returned_at')} AS returned_ms,
         ${ms('coalesce(done_at, returned_at)')} AS ready_ms
  FROM period WHERE ${ms('received_at')} >= @fromMs AND ${ms('received_at')} < @toMs`;

export function createSqliteFigureCounts(db: Database.Database): (query: FigureCountsQuery) => CenterFieldCounts[] {
  db.function('motcua_instant_ms', { deterministic: true }, (value: unknown) => {
    const parsed = typeof value === 'string' ? instantMs(value) : NaN;
    return Number.isNaN(parsed) ? null : BigInt(parsed);
  });
  const select = db.prepare(
    figureCountsSql(SOURCE, { asOf: '@asOf', unknownField: '@unknownField', procedureField: "json_extract(p.data, '$.field')", procedureJoin: 'p.data IS NOT NULL' }),
  );
  select.raw(true);
  return ({ centerCodes, fromMs, toMs, asOfMs }) =>
    select
      .all({
        centers: JSON.stringify(centerCodes),
        // Times are stored as sent (any UTC offset): the text range, which the index serves, is
        // widened by a day; the exact period is kept in milliseconds.
        fromText: new Date(fromMs - DAY_MS).toISOString(),
        toText: new Date(toMs + DAY_MS).toISOString(),
        fromMs,
        toMs,
        asOf: asOfMs,
        unknownField: UNKNOWN_FIELD,
      })
      .map((row) => readCenterFieldCounts(row as unknown[]));
}
