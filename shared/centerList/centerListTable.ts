/**
 * The center's list as the table centers already keep in Excel (STT, mã thủ tục, tên, thời hạn,
 * phí, địa điểm, quầy, ghi chú): rows for export, and an import that reads such a table back row
 * by row. Every row gets a verdict with its spreadsheet row number and reasons (i18n keys): good
 * rows are taken, bad ones are reported, none is dropped silently.
 */
import type { Procedure } from '../catalog/procedure.ts';
import { foldVietnamese } from '../catalog/foldVietnamese.ts';
import type { Cell } from '../stats/statsTable.ts';
import {
  centerEntryValuesSchema,
  DEFAULT_SAME_DAY_CUTOFF,
  MAX_CENTER_ENTRIES,
  type CenterEntryValues,
  type CenterFee,
  type CenterTime,
} from './centerList.ts';

export type TableColumn = 'no' | 'code' | 'name' | 'field' | 'time' | 'cutoff' | 'fee' | 'location' | 'counter' | 'note';

/** Export headers, in order, as a Vietnamese office writes them. */
export const TABLE_HEADERS: readonly (readonly [TableColumn, string])[] = [
  ['no', 'STT'],
  ['code', 'Mã thủ tục'],
  ['name', 'Tên thủ tục'],
  ['field', 'Lĩnh vực'],
  ['time', 'Thời hạn giải quyết'],
  ['cutoff', 'Giờ nhận hồ sơ trả trong ngày'],
  ['fee', 'Phí, lệ phí'],
  ['location', 'Địa điểm tiếp nhận'],
  ['counter', 'Quầy'],
  ['note', 'Ghi chú'],
];

/** Header spellings an import recognises (folded: no tones, lower case), beyond the export's own. */
const HEADER_ALIASES: Record<TableColumn, string[]> = {
  no: ['stt', 'so thu tu', 'tt', 'no'],
  code: ['ma thu tuc', 'ma tthc', 'ma so', 'ma', 'code', 'procedure code'],
  name: ['ten thu tuc', 'ten tthc', 'thu tuc', 'ten thu tuc hanh chinh', 'name', 'procedure'],
  field: ['linh vuc', 'field'],
  time: ['thoi han giai quyet', 'thoi han', 'thoi gian giai quyet', 'thoi gian', 'processing time', 'time'],
  cutoff: ['gio nhan ho so tra trong ngai', 'gio chot', 'gio chot trong ngai', 'cutoff', 'cut off'],
  fee: ['phi le phi', 'phi', 'le phi', 'fee', 'fees'],
  location: ['dia diem tiep nhan', 'dia diem', 'noi tiep nhan', 'noi nop', 'location', 'where'],
  counter: ['quai', 'quai tiep nhan', 'so quai', 'counter'],
  note: ['ghi chu', 'note', 'notes'],
};

const headerKey = (cell: Cell): TableColumn | null => {
  if (typeof cell !== 'string') return null;
  const folded = foldVietnamese(cell);
  for (const [column, aliases] of Object.entries(HEADER_ALIASES) as [TableColumn, string[]][]) {
    if (aliases.includes(folded) || folded === foldVietnamese(TABLE_HEADERS.find(([c]) => c === column)![1])) return column;
  }
  return null;
};

// ---- reading values --------------------------------------------------------------------------

/** A reason for the report: an i18n key under centerList.import.reason, with its values. */
export interface RowReason {
  key: string;
  params?: Record<string, string | number>;
}

/** Text of a cell as a person typed it; a leading apostrophe that defused a formula on export is taken off. */
function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  const s = String(cell).trim();
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

const UNIT_WORDS: [RegExp, Exclude<CenterTime['unit'], 'same_day'>][] = [
  [/^ngai lam viec$|^ngai lv$|^working days?$/, 'working_day'],
  [/^ngai$|^days?$/, 'day'],
  [/^gio$|^hours?$/, 'hour'],
  [/^thang$|^months?$/, 'month'],
];

/** "15:00", "15h", "15 giờ", "15h30" → "15:00" / "15:30"; null when it is not an hour. */
export function readClock(raw: string): string | null {
  const trimmed = raw.trim();
  const m = /^(\d{1,2})(?:\s*(?::|\.|h|g|gio|giờ)\s*(\d{2})?)?\s*(?:phut|phút)?$/i.exec(trimmed);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function clockOfDayFraction(fraction: number): string {
  const minutes = Math.round(fraction * 1440);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A same-day cut-off written inside the time text: "trong ngày (trước 15 giờ)", "trong ngày, trước 15h". */
function cutoffInside(raw: string): string | null {
  const m = /(?:trước|truoc|before)\s*(\d{1,2}\s*(?::|h|g|giờ|gio)?\s*(?:\d{2})?)/i.exec(raw);
  return m ? readClock(m[1]!.trim().replace(/\s+/g, '')) : null;
}

export type TimeReading = { ok: true; time: CenterTime | null; warnings: RowReason[] } | { ok: false; reason: RowReason };

/**
 * The time cell (and the cut-off cell) of a row. Empty: the national time applies. A bare number
 * is refused: a time without a unit is exactly what the national data gets wrong.
 */
export function readTime(timeCell: Cell | undefined, cutoffCell: Cell | undefined): TimeReading {
  const raw = text(timeCell);
  // Excel keeps a typed 15:00 as a fraction of a day.
  const cutoffRaw = typeof cutoffCell === 'number' && cutoffCell > 0 && cutoffCell < 1 ? clockOfDayFraction(cutoffCell) : text(cutoffCell);
  if (raw === '') {
    return cutoffRaw === '' ? { ok: true, time: null, warnings: [] } : { ok: false, reason: { key: 'cutoffWithoutSameDay' } };
  }
  const folded = foldVietnamese(raw);
  if (/^(ngai )?trong ngai|^ngai trong ngai|^same day|^trong ngai lam viec/.test(folded)) {
    const written = cutoffRaw === '' ? cutoffInside(raw) : readClock(cutoffRaw);
    if (cutoffRaw !== '' && written === null) return { ok: false, reason: { key: 'badCutoff', params: { value: cutoffRaw } } };
    if (written === null) {
      return { ok: true, time: { unit: 'same_day', cutoff: DEFAULT_SAME_DAY_CUTOFF }, warnings: [{ key: 'defaultCutoff', params: { cutoff: DEFAULT_SAME_DAY_CUTOFF } }] };
    }
    return { ok: true, time: { unit: 'same_day', cutoff: written }, warnings: [] };
  }
  if (cutoffRaw !== '') return { ok: false, reason: { key: 'cutoffWithoutSameDay' } };
  if (typeof timeCell === 'number' || /^\d+([.,]\d+)?$/.test(raw)) return { ok: false, reason: { key: 'timeWithoutUnit', params: { value: raw } } };
  const m = /^(\d+(?:[.,]\d+)?)\s*(.+)$/.exec(raw);
  if (m) {
    const value = Number(m[1]!.replace(',', '.'));
    const unitWords = foldVietnamese(m[2]!);
    const unit = UNIT_WORDS.find(([pattern]) => pattern.test(unitWords))?.[1];
    if (unit) return { ok: true, time: { unit, value }, warnings: [] };
  }
  return { ok: false, reason: { key: 'badTime', params: { value: raw } } };
}

const FREE = /^(mien phi|mien le phi|khong thu phi|khong thu|khong|khong co|0|0 d|0 dong|free|none)$/;

/** "50.000", "50.000 đồng", "50,000 VND", "50000đ" → 50000; anything else is not a plain amount. */
function readAmount(raw: string): number | null {
  const m = /^(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(đ|d|đồng|dong|vnd|vnđ)?$/i.exec(raw.trim());
  if (!m) return null;
  return Number(m[1]!.replace(/[.,\s]/g, ''));
}

/** The fee cell: empty → national; free words → free; a plain amount → đồng; anything else → kept as text. */
export function readFee(cell: Cell | undefined): { ok: true; fee: CenterFee | null } {
  if (typeof cell === 'number') return { ok: true, fee: cell === 0 ? { kind: 'free' } : { kind: 'amount', amount: cell } };
  const raw = text(cell);
  if (raw === '') return { ok: true, fee: null };
  if (FREE.test(foldVietnamese(raw))) return { ok: true, fee: { kind: 'free' } };
  const amount = readAmount(raw);
  if (amount !== null) return { ok: true, fee: amount === 0 ? { kind: 'free' } : { kind: 'amount', amount } };
  return { ok: true, fee: { kind: 'text', text: raw } };
}

// ---- import ----------------------------------------------------------------------------------

export type RowVerdict = 'imported' | 'warning' | 'error';

export interface RowReport {
  /** The row's number as the spreadsheet shows it (1 = first row of the sheet). */
  row: number;
  code: string | null;
  verdict: RowVerdict;
  reasons: RowReason[];
}

export interface ImportReport {
  /** The good rows, keyed by procedure code, ready to merge into the list. */
  entries: Record<string, CenterEntryValues>;
  rows: RowReport[];
  /** Header cells that name no column this import reads (shown, so nothing is silently ignored). */
  ignoredColumns: string[];
  /** A problem with the whole table (no header row, too many rows); then no row is read. */
  tableProblem: RowReason | null;
  counts: { imported: number; warnings: number; errors: number; blank: number };
}

const HEADER_SEARCH_ROWS = 15;

const blankRow = (row: Cell[]) => row.every((c) => text(c) === '');

/** Why a checked value failed, as a report reason naming the column. */
function schemaReason(path: PropertyKey[], message: string): RowReason {
  const column = path[0] === 'place' ? (path[1] === 'counter' ? 'counter' : 'location') : String(path[0] ?? '');
  return { key: 'invalidValue', params: { column, message } };
}

/**
 * Reads a table (rows of cells, as from a CSV or XLSX sheet) into center-list entries. The header
 * row is found by its "Mã thủ tục" cell within the first rows (titles above it are skipped).
 * `procedureByCode` says which codes the catalog knows: an unknown code is an error for its row.
 */
export function importCenterListTable(rows: Cell[][], procedureByCode: (code: string) => Procedure | undefined): ImportReport {
  const report: ImportReport = { entries: {}, rows: [], ignoredColumns: [], tableProblem: null, counts: { imported: 0, warnings: 0, errors: 0, blank: 0 } };
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.some((cell) => headerKey(cell) === 'code'));
  if (headerIndex < 0) {
    report.tableProblem = { key: 'noHeader' };
    return report;
  }
  const columns = new Map<TableColumn, number>();
  rows[headerIndex]!.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key && !columns.has(key)) columns.set(key, i);
    else if (text(cell) !== '') report.ignoredColumns.push(text(cell));
  });
  const body = rows.slice(headerIndex + 1);
  if (body.length > MAX_CENTER_ENTRIES) {
    report.tableProblem = { key: 'tooManyRows', params: { max: MAX_CENTER_ENTRIES } };
    return report;
  }
  const cell = (row: Cell[], column: TableColumn) => {
    const i = columns.get(column);
    return i === undefined ? undefined : row[i];
  };
  const seen = new Map<string, number>();

  body.forEach((row, i) => {
    const rowNumber = headerIndex + 2 + i;
    if (blankRow(row)) {
      report.counts.blank += 1;
      return;
    }
    const code = text(cell(row, 'code'));
    const reasons: RowReason[] = [];
    const fail = (reason: RowReason) => {
      report.rows.push({ row: rowNumber, code: code || null, verdict: 'error', reasons: [reason, ...reasons] });
      report.counts.errors += 1;
    };
    if (code === '') return fail({ key: 'noCode' });
    if (!/^\d\.\d{6}$/.test(code)) return fail({ key: 'badCode', params: { value: code } });
    if (!procedureByCode(code)) return fail({ key: 'unknownCode', params: { code } });
    const earlier = seen.get(code);
    if (earlier !== undefined) return fail({ key: 'duplicate', params: { row: earlier } });

    const time = readTime(cell(row, 'time'), cell(row, 'cutoff'));
    if (!time.ok) return fail(time.reason);
    reasons.push(...time.warnings);
    const { fee } = readFee(cell(row, 'fee'));
    const location = text(cell(row, 'location'));
    const counter = text(cell(row, 'counter'));
    if (location === '' && counter !== '') return fail({ key: 'counterWithoutLocation' });
    const note = text(cell(row, 'note'));

    const checked = centerEntryValuesSchema.safeParse({
      time: time.time,
      fee,
      place: location === '' ? null : { location, counter: counter === '' ? null : counter },
      note: note === '' ? null : note,
    });
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return fail(schemaReason(issue.path, issue.message));
    }
    seen.set(code, rowNumber);
    report.entries[code] = checked.data;
    const verdict: RowVerdict = reasons.length > 0 ? 'warning' : 'imported';
    report.rows.push({ row: rowNumber, code, verdict, reasons });
    report.counts[verdict === 'warning' ? 'warnings' : 'imported'] += 1;
  });
  return report;
}

// ---- export ----------------------------------------------------------------------------------

/** A time as the table writes it ("3 ngày làm việc", "Trong ngày"), the same words the import reads. */
export function timeCell(time: CenterTime | null): string {
  if (!time) return '';
  if (time.unit === 'same_day') return 'Trong ngày';
  const words = { working_day: 'ngày làm việc', day: 'ngày', hour: 'giờ', month: 'tháng' }[time.unit];
  return `${String(time.value).replace('.', ',')} ${words}`;
}

export function feeCell(fee: CenterFee | null): Cell {
  if (!fee) return '';
  if (fee.kind === 'free') return 'Miễn phí';
  if (fee.kind === 'amount') return fee.amount;
  return fee.text;
}

/** The export's rows under the header, in the catalog's order of fields and names. */
export function centerListRows(entries: Record<string, CenterEntryValues>, procedureByCode: (code: string) => Procedure | undefined): Cell[][] {
  const codes = Object.keys(entries).sort((a, b) => {
    const pa = procedureByCode(a);
    const pb = procedureByCode(b);
    return (pa?.field ?? '').localeCompare(pb?.field ?? '', 'vi') || (pa?.name ?? a).localeCompare(pb?.name ?? b, 'vi');
  });
  return codes.map((code, i) => {
    const e = entries[code]!;
    const p = procedureByCode(code);
    return [
      i + 1,
      code,
      p?.name ?? '',
      p?.field ?? '',
      timeCell(e.time),
      e.time?.unit === 'same_day' ? e.time.cutoff : '',
      feeCell(e.fee),
      e.place?.location ?? '',
      e.place?.counter ?? '',
      e.note ?? '',
    ];
  });
}
