import { describe, expect, it } from 'vitest';
import { demoCenterList } from '../../server/centers/demoCenterList.ts';
import type { CenterEntryValues } from '../../shared/centerList/centerList.ts';
import { centerListToCsv, centerListToXlsx } from '../../shared/centerList/centerListFiles.ts';
import { importCenterListTable, readClock, readFee, readTime } from '../../shared/centerList/centerListTable.ts';
import { readTableFile } from '../../shared/centerList/readTableFile.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import type { Cell } from '../../shared/stats/statsTable.ts';

const byCode = new Map(demoCatalog.procedures.map((p) => [p.code, p]));
const lookup = (code: string) => byCode.get(code);
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('reading a time cell', () => {
  it('reads the words centers write', () => {
    expect(readTime('03 ngày làm việc', null)).toEqual({ ok: true, time: { unit: 'working_day', value: 3 }, warnings: [] });
    expect(readTime('5 ngày', null)).toMatchObject({ time: { unit: 'day', value: 5 } });
    expect(readTime('4 giờ', null)).toMatchObject({ time: { unit: 'hour', value: 4 } });
    expect(readTime('1 tháng', null)).toMatchObject({ time: { unit: 'month', value: 1 } });
    expect(readTime('0,5 ngày làm việc', null)).toMatchObject({ time: { unit: 'working_day', value: 0.5 } });
    expect(readTime('Trong ngày', '15:00')).toEqual({ ok: true, time: { unit: 'same_day', cutoff: '15:00' }, warnings: [] });
    expect(readTime('Trong ngày (trước 15 giờ)', null)).toMatchObject({ time: { unit: 'same_day', cutoff: '15:00' } });
    expect(readTime('trong ngay, truoc 14h30', null)).toMatchObject({ time: { unit: 'same_day', cutoff: '14:30' } });
    expect(readTime('', null)).toEqual({ ok: true, time: null, warnings: [] });
  });

  it('takes an Excel time (a fraction of a day) as the cut-off', () => {
    expect(readTime('Trong ngày', 0.625)).toMatchObject({ time: { unit: 'same_day', cutoff: '15:00' } });
  });

  it('says when it assumed the 16:00 cut-off for a same-day row', () => {
    expect(readTime('Trong ngày', null)).toEqual({
      ok: true,
      time: { unit: 'same_day', cutoff: '16:00' },
      warnings: [{ key: 'defaultCutoff', params: { cutoff: '16:00' } }],
    });
  });

  it('refuses a bare number, unknown words and a stray cut-off', () => {
    expect(readTime('1', null)).toEqual({ ok: false, reason: { key: 'timeWithoutUnit', params: { value: '1' } } });
    expect(readTime(3, null)).toMatchObject({ ok: false, reason: { key: 'timeWithoutUnit' } });
    expect(readTime('ba tuần', null)).toMatchObject({ ok: false, reason: { key: 'badTime' } });
    expect(readTime('3 ngày làm việc', '15:00')).toMatchObject({ ok: false, reason: { key: 'cutoffWithoutSameDay' } });
    expect(readTime('Trong ngày', 'chiều')).toMatchObject({ ok: false, reason: { key: 'badCutoff' } });
  });

  it('reads hours as offices write them', () => {
    expect(['15:00', '15h', '15 giờ', '15h30', '9:05', '15'].map(readClock)).toEqual(['15:00', '15:00', '15:00', '15:30', '09:05', '15:00']);
    expect(['25:00', '1500', 'chiều', ''].map(readClock)).toEqual([null, null, null, null]);
  });
});

describe('reading a fee cell', () => {
  it('reads free, amounts and keeps any other text', () => {
    expect(readFee('Miễn phí').fee).toEqual({ kind: 'free' });
    expect(readFee('Không thu').fee).toEqual({ kind: 'free' });
    expect(readFee('50.000 đồng').fee).toEqual({ kind: 'amount', amount: 50000 });
    expect(readFee('50,000 VND').fee).toEqual({ kind: 'amount', amount: 50000 });
    expect(readFee('8000đ').fee).toEqual({ kind: 'amount', amount: 8000 });
    expect(readFee(10000).fee).toEqual({ kind: 'amount', amount: 10000 });
    expect(readFee('2.000 đồng/trang').fee).toEqual({ kind: 'text', text: '2.000 đồng/trang' });
    expect(readFee('').fee).toBeNull();
  });
});

describe('importing a table', () => {
  const header: Cell[] = ['STT', 'Mã thủ tục', 'Tên thủ tục', 'Thời hạn giải quyết', 'Giờ nhận hồ sơ trả trong ngày', 'Phí, lệ phí', 'Địa điểm tiếp nhận', 'Quầy', 'Ghi chú', 'Người phụ trách'];

  it('imports good rows and reports every bad one with its row number and reason', () => {
    const rows: Cell[][] = [
      ['DANH MỤC THỦ TỤC HÀNH CHÍNH NIÊM YẾT'],
      [],
      header,
      [1, '1.001193', 'Khai sinh', 'Trong ngày', '15:00', 'Miễn phí', 'Điểm 1', 'Quầy 2', '', 'chị Lan'],
      [2, '1.000894', 'Kết hôn', 'Trong ngày', '', 'Miễn phí', 'Điểm 1', '', '', ''],
      [3, '1.000656', 'Khai tử', '1', '', '', '', '', '', ''],
      [4, '9.999999', 'Không có', '3 ngày làm việc', '', '', '', '', '', ''],
      [5, 'khai sinh', '', '', '', '', '', '', '', ''],
      [],
      [6, '1.001193', 'Khai sinh lần hai', '2 ngày làm việc', '', '', '', '', '', ''],
      [7, '2.000884', 'Chứng thực chữ ký', '', '', '', '', 'Quầy 3', '', ''],
      [8, '2.000815', 'Chứng thực bản sao', '', '', '2.000 đồng/trang', 'Điểm 1', 'Quầy 3', 'x'.repeat(301), ''],
      [9, '1.004873', 'Tình trạng hôn nhân', '3 ngày làm việc', '', '', '', '', '', ''],
    ];
    const report = importCenterListTable(rows, lookup);
    expect(report.tableProblem).toBeNull();
    expect(report.ignoredColumns).toEqual(['Người phụ trách']);
    expect(Object.keys(report.entries).sort()).toEqual(['1.000894', '1.001193', '1.004873']);
    expect(report.entries['1.001193']).toEqual({
      time: { unit: 'same_day', cutoff: '15:00' },
      fee: { kind: 'free' },
      place: { location: 'Điểm 1', counter: 'Quầy 2' },
      note: null,
    });
    expect(report.rows.map((r) => [r.row, r.verdict, r.reasons[0]?.key ?? null])).toEqual([
      [4, 'imported', null],
      [5, 'warning', 'defaultCutoff'],
      [6, 'error', 'timeWithoutUnit'],
      [7, 'error', 'unknownCode'],
      [8, 'error', 'badCode'],
      [10, 'error', 'duplicate'],
      [11, 'error', 'counterWithoutLocation'],
      [12, 'error', 'invalidValue'],
      [13, 'imported', null],
    ]);
    expect(report.rows.find((r) => r.row === 10)!.reasons[0]!.params).toEqual({ row: 4 });
    expect(report.rows.find((r) => r.row === 12)!.reasons[0]!.params).toMatchObject({ column: 'note' });
    expect(report.counts).toEqual({ imported: 2, warnings: 1, errors: 6, blank: 1 });
    // Every non-blank row under the header is in the report: nothing dropped silently.
    expect(report.rows.length + report.counts.blank).toBe(rows.length - 3);
  });

  it('says so when the table has no "Mã thủ tục" header', () => {
    const report = importCenterListTable([['Tên', 'Thời hạn'], ['Khai sinh', '1 ngày']], lookup);
    expect(report.tableProblem).toEqual({ key: 'noHeader' });
    expect(report.entries).toEqual({});
  });

  it('reads English and tone-less headers too', () => {
    const report = importCenterListTable([['code', 'thoi han', 'phi'], ['1.001193', '2 ngay lam viec', '0']], lookup);
    expect(report.entries['1.001193']).toMatchObject({ time: { unit: 'working_day', value: 2 }, fee: { kind: 'free' } });
  });
});

describe('export and import round trip', () => {
  const entries: Record<string, CenterEntryValues> = {
    ...demoCenterList.entries,
    '1.004859': { time: { unit: 'hour', value: 4 }, fee: { kind: 'text', text: '=HYPERLINK("x")' }, place: null, note: 'Ghi chú, có "ngoặc kép"' },
  };

  it('reads back its own CSV, formulas defused', async () => {
    const csv = centerListToCsv(entries, lookup);
    expect(csv.startsWith('\uFEFFSTT,Mã thủ tục')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const table = await readTableFile('danh-muc.csv', bytes(csv));
    expect(table.ok).toBe(true);
    const report = importCenterListTable(table.ok ? table.value : [], lookup);
    expect(report.counts.errors).toBe(0);
    expect(report.entries).toEqual(entries);
  });

  it('reads back its own XLSX', async () => {
    const blob = await centerListToXlsx(entries, lookup);
    const table = await readTableFile('danh-muc.xlsx', await blob.arrayBuffer());
    expect(table.ok).toBe(true);
    const report = importCenterListTable(table.ok ? table.value : [], lookup);
    expect(report.rows.filter((r) => r.verdict !== 'imported')).toEqual([]);
    expect(report.entries).toEqual(entries);
  });

  it('reads a semicolon CSV as Vietnamese-locale Excel saves it', async () => {
    const table = await readTableFile('x.csv', bytes('Mã thủ tục;Thời hạn giải quyết;Phí, lệ phí\r\n1.001193;2 ngày làm việc;"50.000 đồng"\r\n'));
    const report = importCenterListTable(table.ok ? table.value : [], lookup);
    expect(report.entries['1.001193']).toMatchObject({ time: { value: 2 }, fee: { kind: 'amount', amount: 50000 } });
  });

  it('refuses files it cannot read, with a reason', async () => {
    expect(await readTableFile('x.pdf', bytes('%PDF-1.4'))).toEqual({ ok: false, error: 'unknownType' });
    expect(await readTableFile('x.xlsx', bytes('not a zip'))).toEqual({ ok: false, error: 'unreadable' });
    expect(await readTableFile('x.csv', new Uint8Array([0x4d, 0xe3, 0x20, 0xff]).buffer)).toEqual({ ok: false, error: 'unreadable' });
    expect(await readTableFile('x.csv', new ArrayBuffer(0))).toEqual({ ok: false, error: 'empty' });
    expect(await readTableFile('x.csv', new ArrayBuffer(6 * 1024 * 1024))).toEqual({ ok: false, error: 'tooLarge' });
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(await readTableFile('x.xlsx', broken.buffer)).toEqual({ ok: false, error: 'unreadable' });
  });
});
