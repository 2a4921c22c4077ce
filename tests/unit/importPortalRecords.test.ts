import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPortalRecords } from '../../shared/catalog/importPortalRecords.ts';
import { COMMUNE_CATALOG, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';

const commune = JSON.parse(readFileSync(join(sharedDataDir(), COMMUNE_CATALOG), 'utf8')) as { procedures: Record<string, unknown>[] };

describe('the portal importer', () => {
  it('imports every record of the real commune file', () => {
    const report = importPortalRecords(commune);
    expect(report.total).toBe(588);
    expect(report.procedures).toHaveLength(588);
    expect(report.issues).toEqual([]);
  });

  it('maps channels, units and fees, and keeps unknowns unknown', () => {
    const { procedures } = importPortalRecords(commune);
    const birth = procedures.find((p) => p.code === '1.001193')!;
    expect(birth.name).toBe('Thủ tục đăng ký khai sinh');
    expect(birth.methods.map((m) => m.channel).sort()).toEqual(['in_person', 'online', 'postal']);
    expect(birth.methods.every((m) => m.fee.free === true)).toBe(true);
    // The portal gave a bare "1" for this one: the unit stays null rather than a guess.
    expect(birth.methods[0]!.time).toEqual({ value: 1, unit: null });
    expect(birth.documents.some((d) => d.name.startsWith('Giấy chứng sinh') && d.originals === 1)).toBe(true);
    expect(birth.portalUrl).toMatch(/^https:\/\/dichvucong\.gov\.vn\//);
    const units = new Set(procedures.flatMap((p) => p.methods.map((m) => m.time.unit)));
    expect(units).toEqual(new Set(['working_day', 'day', 'hour', null]));
    const unreadFees = procedures.flatMap((p) => p.methods).filter((m) => m.fee.free === null);
    expect(unreadFees.length).toBeGreaterThan(100);
    expect(unreadFees.every((m) => m.fee.amount === null || m.fee.amount >= 0)).toBe(true);
  });

  it('reports malformed records with their position and a reason, and imports the rest', () => {
    const good = commune.procedures.slice(0, 3);
    const input = {
      procedures: [
        good[0],
        { code: '1.000001' },
        'not an object',
        { ...good[1], code: 'ABC' },
        { ...good[2], documents: 'many' },
        good[0],
      ],
    };
    const report = importPortalRecords(input);
    expect(report.total).toBe(6);
    expect(report.procedures.map((p) => p.code)).toEqual([good[0]!.code]);
    expect(report.duplicates).toBe(1);
    expect(report.issues.map((i) => i.index)).toEqual([1, 2, 3, 4]);
    expect(report.issues[0]!.reason).toMatch(/name/);
    expect(report.issues[2]!.reason).toMatch(/code/);
    expect(report.issues[3]!.reason).toMatch(/documents/);
    expect(report.issues[0]!.code).toBe('1.000001');
  });

  it('refuses a file that is not a procedure list, with a reason', () => {
    const report = importPortalRecords({ hello: 'world' });
    expect(report.procedures).toEqual([]);
    expect(report.issues[0]!.reason).toMatch(/not a procedure file/);
  });
});
