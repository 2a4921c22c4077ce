/**
 * Opens a table file an admin picked (CSV or XLSX) as rows of cells, the same in the browser and in
 * Node. CSV: papaparse (quoted fields, a BOM, ";" from Vietnamese-locale Excel). XLSX:
 * read-excel-file's universal build (no Web Worker, so it runs under the app's strict CSP), by the
 * author of the write-excel-file the export already uses; small, maintained, reads only .xlsx.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { err, ok, type Result } from '../result.ts';
import type { Cell } from '../stats/statsTable.ts';

/** A center's table is a few hundred rows; anything this big is the wrong file. */
export const MAX_TABLE_FILE_BYTES = 5 * 1024 * 1024;

export type TableFileProblem = 'tooLarge' | 'unknownType' | 'unreadable' | 'empty';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Dates in a sheet: a time of day alone (Excel's 1899 epoch) as HH:MM, a real date as YYYY-MM-DD. */
function dateCell(d: Date): string {
  if (d.getUTCFullYear() < 1901) return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return d.toISOString().slice(0, 10);
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateCell(value);
  return String(value);
}

export async function readTableFile(name: string, bytes: ArrayBuffer): Promise<Result<Cell[][], TableFileProblem>> {
  if (bytes.byteLength > MAX_TABLE_FILE_BYTES) return err('tooLarge');
  if (bytes.byteLength === 0) return err('empty');
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  const isZip = ZIP_MAGIC.every((b, i) => head[i] === b);
  const lower = name.toLowerCase();
  if (isZip || lower.endsWith('.xlsx')) {
    if (!isZip) return err('unreadable');
    try {
      const rows = await readSheet(bytes);
      return rows.length === 0 ? err('empty') : ok(rows.map((row) => row.map(toCell)));
    } catch {
      return err('unreadable');
    }
  }
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt')) return err('unknownType');
  let textContent: string;
  try {
    textContent = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: an old Excel "CSV" in Windows-1258 would turn Vietnamese into mojibake; say so.
    return err('unreadable');
  }
  const parsed = Papa.parse<string[]>(textContent.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows = parsed.data.filter((row) => Array.isArray(row)).map((row) => row.map((c) => (c === '' ? null : c)));
  return rows.length === 0 ? err('empty') : ok(rows);
}
