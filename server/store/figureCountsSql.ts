/**
 * The figures' counts computed by the database, per center and field, for a province (hundreds of
 * thousands of files a year): one aggregate with a COUNT(*) FILTER per count, the same SQL on SQLite
 * and PostgreSQL, over a per-store source of the files received in the period.
 *
 * This is the center's definition (shared/stats/centerStats.ts: `add` and
 * shared/files/timeliness.ts: `timelinessOfMs`) written as SQL predicates, every count as of `asOf`:
 * - ready = the result's time (done, else returned) is at or before asOf; done counts the ready;
 * - returned = returned at or before asOf;
 * - early / on time / overdue compare the Vietnam civil days of the ready and due times;
 * - a file not ready: closed (rejected, withdrawn) counts as such; without a due date as pending
 *   without one; else within the period while asOf <= due, overdue after;
 * - rated = a counted rating; satisfied = rating >= SATISFIED_MIN_RATING.
 * tests/integration/store/provinceFiguresSql.test.ts checks, on both stores, that these counts equal
 * what computeCenterStats gives for the same files, so the two cannot drift apart unseen.
 */
import { DAY_MS, VIETNAM_UTC_OFFSET_MS } from '../../shared/calendar/civilDay.ts';
import { centerFieldCountsSchema, FIGURE_COUNT_KEYS, type CenterFieldCounts, type FigureCountKey } from '../../shared/stats/figureCounts.ts';
import { SATISFIED_MIN_RATING } from '../../shared/stats/fileSummary.ts';

/**
 * The Vietnam civil day of an epoch-ms column (shared/calendar/civilDay.ts dayNumberOf). Integer
 * division truncates, which is the floor for every instant after 1970: the server refuses times
 * before 2020 (shared/files/fileChecks.ts FILE_TIME_RULES.earliest).
 */
const day = (column: string) => `((${column} + ${VIETNAM_UTC_OFFSET_MS}) / ${DAY_MS})`;

/** What each count counts, over the columns of the source (and `ready`, `closed`); null counts every file. */
function predicates(asOf: string): Record<FigureCountKey, string | null> {
  return {
    received: null,
    receivedInPerson: `channel = 'in_person'`,
    receivedOnline: `channel = 'online'`,
    // Whatever is neither (postal today), as the center's count reads it.
    receivedPostal: `CASE WHEN channel IN ('in_person', 'online') THEN 0 ELSE 1 END = 1`,
    done: 'ready',
    returned: `returned_ms <= ${asOf}`,
    early: `ready AND ${day('ready_ms')} < ${day('due_ms')}`,
    onTime: `ready AND ${day('ready_ms')} = ${day('due_ms')}`,
    overdue: `ready AND ${day('ready_ms')} > ${day('due_ms')}`,
    withinPeriod: `NOT ready AND NOT closed AND ${asOf} <= due_ms`,
    pendingOverdue: `NOT ready AND NOT closed AND ${asOf} > due_ms`,
    noDueDate: 'due_ms IS NULL AND (ready OR NOT closed)',
    doneNoDueDate: 'due_ms IS NULL AND ready',
    pendingNoDueDate: 'due_ms IS NULL AND NOT ready AND NOT closed',
    rejected: `NOT ready AND status = 'rejected'`,
    withdrawn: `NOT ready AND status = 'withdrawn'`,
    rated: 'rating > 0',
    satisfied: `rating >= ${SATISFIED_MIN_RATING}`,
  };
}

export interface FigureCountsDialect {
  /** The moment the figures are taken, epoch ms (`$4::int8`, `@asOf`). */
  asOf: string;
  /** The field of a procedure the catalog does not know ("Khác"). */
  unknownField: string;
  /** The procedure's field, from the catalog's row `p` (NULL when it has none). */
  procedureField: string;
  /** More conditions on joining the catalog's row `p` (e.g. not a deleted procedure), or ''. */
  procedureJoin: string;
}

/**
 * The query: `source` is a SELECT giving, for each file of the asked centers received in the
 * period, `center_code`, `procedure_code`, `channel`, `status`, `rating` (the counted one, or
 * NULL), and as epoch ms `due_ms`, `returned_ms` and `ready_ms` (done, else returned; not cut at
 * asOf). The files are counted per center and procedure (a few integers per file, no lookup), then
 * those few rows get their procedure's field from the catalog and are summed per center and field.
 * Rows: center, field, then the counts in FIGURE_COUNT_KEYS order.
 */
export function figureCountsSql(source: string, d: FigureCountsDialect): string {
  const counted = predicates(d.asOf);
  const counts = FIGURE_COUNT_KEYS.map((key, i) => {
    const where = counted[key];
    return `${where === null ? 'count(*)' : `count(*) FILTER (WHERE ${where})`} AS n${i}`;
  });
  const sums = FIGURE_COUNT_KEYS.map((_key, i) => `CAST(sum(c.n${i}) AS bigint)`);
  return `SELECT c.center_code, coalesce(${d.procedureField}, ${d.unknownField}) AS field,
       ${sums.join(', ')}
FROM (
  SELECT center_code, procedure_code,
         ${counts.join(',\n         ')}
  FROM (
    SELECT center_code, procedure_code, channel, status, rating, due_ms, returned_ms, ready_ms,
           coalesce(ready_ms <= ${d.asOf}, FALSE) AS ready, status IN ('rejected', 'withdrawn') AS closed
    FROM (${source}) source
  ) counted
  GROUP BY 1, 2
) c LEFT JOIN procedures p ON p.code = c.procedure_code${d.procedureJoin ? ` AND ${d.procedureJoin}` : ''}
GROUP BY 1, 2`;
}

/** One row of figureCountsSql's answer, checked. */
export function readCenterFieldCounts(row: readonly unknown[]): CenterFieldCounts {
  const [centerCode, field, ...values] = row;
  return centerFieldCountsSchema.parse({ centerCode, field, counts: Object.fromEntries(FIGURE_COUNT_KEYS.map((k, i) => [k, values[i]])) });
}
