/**
 * The center's figures for a period: received by channel, done, returned, early / on time /
 * overdue, still within the processing period, and the online, on-time and satisfaction rates, in
 * total and per center, field and procedure, with a day or week series. One pass over the files and
 * a few counters per group, so 100,000 files take milliseconds (npm run bench:stats).
 *
 * What counts (the monthly report's reading):
 * - the files are those received in [from, to) (Vietnam civil dates) at the chosen center/location;
 * - everything is as of `asOf` = min(now, end of period): a result ready or returned later is not
 *   counted yet, and "within period" means not ready at asOf and asOf <= due;
 * - done = result ready (done or returned stamp); returned ⊆ done;
 * - early / on time / overdue / doneNoDueDate split the done files by day (shared/files/timeliness.ts);
 * - every file received stands in exactly one of: done, withinPeriod, pendingOverdue (not ready and
 *   past due at asOf), pendingNoDueDate (not ready, no date was promised), rejected, withdrawn
 *   (closed before a result), so the screen's tiles always add up to what was received;
 * - onlineRate = online / received; onTimeRate = (early + onTime) / (early + onTime + overdue);
 *   satisfactionRate = ratings ≥ 3 / rated files. A rate with nothing to divide by is null.
 */
import { err, ok, type Result } from '../result.ts';
import { dayNumberFromIso, dayNumberOf, instantAt, isoFromDayNumber, weekdayOf, type IsoDate } from '../calendar/civilDay.ts';
import { instantMs, timelinessOfMs, type Instant } from '../files/timeliness.ts';
import { figuresFromCounts, sortedGroupFigures, type FigureCounts, type Figures, type GroupFigures } from './figureCounts.ts';
import { SATISFIED_MIN_RATING, type FileSummary } from './fileSummary.ts';

export interface StatsOptions {
  /** First day of the period (Vietnam civil date). */
  from: IsoDate;
  /** Day after the last day of the period. */
  to: IsoDate;
  /** The moment the figures are taken; later stamps are ignored. */
  now: Instant;
  /** Only this center's files; all centers when absent. */
  centerCode?: string;
  /** Only this location's files (null = files without a location); all locations when absent. */
  locationCode?: string | null;
  /** Chart buckets. Weeks start on Monday. Default 'day'. */
  series?: 'day' | 'week';
}

export type { Figures, GroupFigures } from './figureCounts.ts';

export interface SeriesPoint {
  /** First day of the bucket. */
  start: IsoDate;
  received: number;
  online: number;
  /** Results that became ready during the bucket (files of this period). */
  done: number;
}

export interface CenterStats {
  from: IsoDate;
  to: IsoDate;
  asOf: string;
  total: Figures;
  byCenter: GroupFigures[];
  byField: GroupFigures[];
  byProcedure: GroupFigures[];
  series: { bucket: 'day' | 'week'; points: SeriesPoint[] };
}

/** Mutable counters of one group; a class keeps every group the same shape for the engine. */
class Tally implements FigureCounts {
  received = 0;
  receivedInPerson = 0;
  receivedOnline = 0;
  receivedPostal = 0;
  done = 0;
  returned = 0;
  early = 0;
  onTime = 0;
  overdue = 0;
  withinPeriod = 0;
  pendingOverdue = 0;
  noDueDate = 0;
  doneNoDueDate = 0;
  pendingNoDueDate = 0;
  rejected = 0;
  withdrawn = 0;
  rated = 0;
  satisfied = 0;
  constructor(
    readonly key: string,
    readonly label: string,
    readonly field: string | null,
  ) {}
}

// Per-file facts, encoded as small ints so one file costs no allocation.
const CH_IN_PERSON = 0;
const CH_ONLINE = 1;
const CH_POSTAL = 2;
const T_EARLY = 0;
const T_ON_TIME = 1;
const T_OVERDUE = 2;
const T_WITHIN = 3;
const T_NO_DUE = 4;
const T_CLOSED = 5;

function add(t: Tally, channel: number, ready: boolean, returned: boolean, timeliness: number, status: string, rating: number): void {
  t.received += 1;
  if (channel === CH_ONLINE) t.receivedOnline += 1;
  else if (channel === CH_IN_PERSON) t.receivedInPerson += 1;
  else t.receivedPostal += 1;
  if (ready) t.done += 1;
  if (returned) t.returned += 1;
  switch (timeliness) {
    case T_EARLY: t.early += 1; break;
    case T_ON_TIME: t.onTime += 1; break;
    case T_OVERDUE: if (ready) t.overdue += 1; else t.pendingOverdue += 1; break;
    case T_WITHIN: t.withinPeriod += 1; break;
    case T_NO_DUE: t.noDueDate += 1; if (ready) t.doneNoDueDate += 1; else t.pendingNoDueDate += 1; break;
    // Closed before a result: only these count as rejected or withdrawn, so no file counts twice.
    case T_CLOSED: if (status === 'rejected') t.rejected += 1; else t.withdrawn += 1; break;
    default: break;
  }
  if (rating > 0) {
    t.rated += 1;
    if (rating >= SATISFIED_MIN_RATING) t.satisfied += 1;
  }
}

const groupsOf = (groups: Map<string, Tally>): GroupFigures[] => sortedGroupFigures([...groups.values()].map((t) => ({ key: t.key, label: t.label, field: t.field, counts: t })));

const TIMELINESS_CODE = { early: T_EARLY, on_time: T_ON_TIME, overdue: T_OVERDUE, within_period: T_WITHIN, no_due_date: T_NO_DUE, closed: T_CLOSED } as const;
const NO_FIELD = '';

/** The period of the figures as instants: files received in [fromMs, toMs), counted as of asOfMs. */
export interface StatsPeriod {
  fromDay: number;
  toDay: number;
  fromMs: number;
  toMs: number;
  /** min(now, toMs): a result ready later is not counted yet. */
  asOfMs: number;
}

/** Reads a period and the moment the figures are taken; a malformed period is an error. */
export function statsPeriod(options: Pick<StatsOptions, 'from' | 'to' | 'now'>): Result<StatsPeriod> {
  const fromDay = dayNumberFromIso(options.from);
  const toDay = dayNumberFromIso(options.to);
  if (fromDay === null || toDay === null || toDay <= fromDay) return err(`stats: the period ${options.from} – ${options.to} is not a valid range`);
  const fromMs = instantAt(fromDay).getTime();
  const toMs = instantAt(toDay).getTime();
  const nowMs = instantMs(options.now);
  if (Number.isNaN(nowMs)) return err('stats: `now` is not a valid time');
  return ok({ fromDay, toDay, fromMs, toMs, asOfMs: Math.min(nowMs, toMs) });
}

/** Computes the figures in one pass; a malformed period is an error, a file outside it is skipped. */
export function computeCenterStats(files: readonly FileSummary[], options: StatsOptions): Result<CenterStats> {
  const period = statsPeriod(options);
  if (!period.ok) return period;
  const { fromDay, toDay, fromMs, toMs, asOfMs } = period.value;
  const bucket = options.series ?? 'day';
  const filterCenter = options.centerCode !== undefined;
  const filterLocation = options.locationCode !== undefined;

  // Series buckets: days from `from`, or Monday-based weeks (the first one may start before `from`).
  const seriesStart = bucket === 'day' ? fromDay : fromDay - ((weekdayOf(fromDay) + 6) % 7);
  const width = bucket === 'day' ? 1 : 7;
  const bucketCount = Math.ceil((toDay - seriesStart) / width);
  const seriesReceived = new Int32Array(bucketCount);
  const seriesOnline = new Int32Array(bucketCount);
  const seriesDone = new Int32Array(bucketCount);
  const bucketOf = (ms: number) => Math.floor((dayNumberOf(ms) - seriesStart) / width);

  const total = new Tally('total', 'total', null);
  const byCenter = new Map<string, Tally>();
  const byField = new Map<string, Tally>();
  const byProcedure = new Map<string, Tally>();

  for (let i = 0; i < files.length; i += 1) {
    const f = files[i]!;
    if (filterCenter && f.centerCode !== options.centerCode) continue;
    if (filterLocation && f.locationCode !== options.locationCode) continue;
    const receivedMs = instantMs(f.receivedAt);
    if (!(receivedMs >= fromMs && receivedMs < toMs)) continue;

    const channel = f.channel === 'online' ? CH_ONLINE : f.channel === 'in_person' ? CH_IN_PERSON : CH_POSTAL;
    const dueMs = f.dueAt == null ? NaN : instantMs(f.dueAt);
    const doneMs = f.doneAt == null ? NaN : instantMs(f.doneAt);
    const returnedMs = f.returnedAt == null ? NaN : instantMs(f.returnedAt);
    let readyMs = Number.isNaN(doneMs) ? returnedMs : doneMs;
    if (readyMs > asOfMs) readyMs = NaN;
    const ready = !Number.isNaN(readyMs);
    const returned = returnedMs <= asOfMs;
    const closed = f.status === 'rejected' || f.status === 'withdrawn';
    const timeliness = TIMELINESS_CODE[timelinessOfMs(closed, dueMs, readyMs, asOfMs)];
    const rating = f.rating ?? 0;

    add(total, channel, ready, returned, timeliness, f.status, rating);

    let center = byCenter.get(f.centerCode);
    if (!center) byCenter.set(f.centerCode, (center = new Tally(f.centerCode, f.centerCode, null)));
    add(center, channel, ready, returned, timeliness, f.status, rating);

    const fieldKey = f.field ?? NO_FIELD;
    let field = byField.get(fieldKey);
    if (!field) byField.set(fieldKey, (field = new Tally(fieldKey, fieldKey, null)));
    add(field, channel, ready, returned, timeliness, f.status, rating);

    let procedure = byProcedure.get(f.procedureCode);
    if (!procedure) byProcedure.set(f.procedureCode, (procedure = new Tally(f.procedureCode, f.procedureName, f.field)));
    add(procedure, channel, ready, returned, timeliness, f.status, rating);

    const b = bucketOf(receivedMs);
    seriesReceived[b]! += 1;
    if (channel === CH_ONLINE) seriesOnline[b]! += 1;
    if (ready) {
      const d = bucketOf(readyMs);
      if (d >= 0 && d < bucketCount) seriesDone[d]! += 1;
    }
  }

  const points: SeriesPoint[] = [];
  for (let b = 0; b < bucketCount; b += 1) {
    points.push({ start: isoFromDayNumber(seriesStart + b * width), received: seriesReceived[b]!, online: seriesOnline[b]!, done: seriesDone[b]! });
  }
  return ok({
    from: options.from,
    to: options.to,
    asOf: new Date(asOfMs).toISOString(),
    total: figuresFromCounts(total),
    byCenter: groupsOf(byCenter),
    byField: groupsOf(byField),
    byProcedure: groupsOf(byProcedure),
    series: { bucket, points },
  });
}
