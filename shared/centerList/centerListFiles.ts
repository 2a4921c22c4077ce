/**
 * The center's list as files an office opens in Excel, with the same columns the import reads:
 * CSV (UTF-8 BOM, CRLF, RFC 4180, formulas defused, as the figures' CSV) and XLSX (write-excel-file,
 * its universal build, so the browser and the tests write the very same file).
 */
import type { Procedure } from '../catalog/procedure.ts';
import { CSV_BOM, csvCell } from '../stats/statsTable.ts';
import type { CenterEntryValues } from './centerList.ts';
import { centerListRows, TABLE_HEADERS } from './centerListTable.ts';

type Lookup = (code: string) => Procedure | undefined;

export function centerListToCsv(entries: Record<string, CenterEntryValues>, procedureByCode: Lookup): string {
  const rows = [TABLE_HEADERS.map(([, title]) => title), ...centerListRows(entries, procedureByCode)];
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const WIDTHS = [6, 11, 60, 24, 20, 14, 28, 28, 18, 40];

export async function centerListToXlsx(entries: Record<string, CenterEntryValues>, procedureByCode: Lookup): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const header = TABLE_HEADERS.map(([, value]) => ({ value, fontWeight: 'bold' as const, wrap: true }));
  const body = centerListRows(entries, procedureByCode).map((row) => row.map((value) => ({ value: value ?? '', wrap: typeof value === 'string' })));
  return writeXlsxFile([header, ...body], { columns: WIDTHS.map((width) => ({ width })), sheet: 'Danh mục niêm yết' }).toBlob();
}

export const centerListFileName = (centerCode: string, version: number, ext: 'csv' | 'xlsx') => `danh-muc-niem-yet-${centerCode}-v${version}.${ext}`;
