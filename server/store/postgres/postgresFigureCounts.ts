/**
 * A province's figures counted by PostgreSQL (store/figureCountsSql.ts): the files of the centers
 * received in exactly the period, read from one index (files_figures: center, reception time in
 * milliseconds, and every column the count needs; migration 3), counted per center and field.
 */
import type pg from 'pg';
import { ok, type Result } from '../../../shared/result.ts';
import type { CenterFieldCounts } from '../../../shared/stats/figureCounts.ts';
import { figureCountsSql, readCenterFieldCounts } from '../figureCountsSql.ts';
import { UNKNOWN_FIELD } from '../sqliteFileSummaries.ts';
import type { FigureCountsQuery, StorageFailure } from '../store.ts';
import type { PostgresGuard } from './postgresGuard.ts';
import { PostgresFailure } from './postgresSql.ts';

const SOURCE = `SELECT f.center_code, f.procedure_code, f.channel, f.status, f.rating, f.due_ms, f.returned_ms, coalesce(f.done_ms, f.returned_ms) AS ready_ms
  FROM files f
  WHERE f.center_code = ANY($1::text[]) AND f.received_ms >= $2::int8 AND f.received_ms < $3::int8`;

const QUERY = figureCountsSql(SOURCE, { asOf: '$4::int8', unknownField: '$5::text', procedureField: 'p.field', procedureJoin: '' });

export function createPostgresFigureCounts(
  pool: pg.Pool,
  guard: PostgresGuard,
): { figureCounts(query: FigureCountsQuery): Promise<Result<CenterFieldCounts[], StorageFailure>> } {
  return {
    figureCounts: async ({ centerCodes, fromMs, toMs, asOfMs }) =>
      guard(async () => {
        const result = await pool
          .query({ text: QUERY, values: [centerCodes, fromMs, toMs, asOfMs, UNKNOWN_FIELD], rowMode: 'array' })
          .catch((e: unknown) => {
            throw new PostgresFailure(e);
          });
        return ok(result.rows.map((row: unknown[]) => readCenterFieldCounts(row)));
      }),
  };
}
