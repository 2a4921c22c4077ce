import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { shortUnitName, type AdminUnits } from '../../shared/address/adminUnits.ts';
import { createAddressMatcher, toneAgreement, type AddressMatcher } from '../../shared/address/addressMatcher.ts';
import { ADMIN_UNITS_DIR, readAdminUnits } from '../../server/address/readAdminUnits.ts';
import { sharedDataDir } from '../../server/catalog/readCatalogSource.ts';

const dataDir = join(sharedDataDir(), ADMIN_UNITS_DIR);
let units: AdminUnits;
let matcher: AddressMatcher;

beforeAll(async () => {
  const read = await readAdminUnits(dataDir);
  if (!read.ok) throw new Error(read.error);
  units = read.value.units;
  matcher = createAddressMatcher(units);
});

const codes = (query: string, limit = 5) => matcher.match(query, { limit }).map((h) => h.code);

describe('the administrative units table', () => {
  it('holds the 34 provinces, 3,321 new communes and 10,052 old units with their districts', () => {
    expect(units.provinces).toHaveLength(34);
    expect(units.communes).toHaveLength(3321);
    expect(units.oldUnits).toHaveLength(10052);
    expect(units.oldUnits.filter((u) => u.split)).toHaveLength(460);
    expect(units.oldDistricts).toHaveLength(696);
    expect(units.oldUnits.filter((u) => u.level === 'ward' && u.district === null)).toHaveLength(0);
  });

  it('names a broken source file instead of building a partial table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-units-'));
    try {
      for (const f of ['provinces_2025.json', 'old_to_new_2025.json', 'pre2025_units.json']) await copyFile(join(dataDir, f), join(dir, f));
      await writeFile(join(dir, 'communes_2025.json'), '{"communes": [{"code": 1}]}');
      const read = await readAdminUnits(dir);
      expect(read.ok).toBe(false);
      expect(read.ok ? '' : read.error).toMatch(/communes_2025\.json has an unexpected shape at communes\.0\.code/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps numbered wards whole and strips the type from other names', () => {
    expect(shortUnitName('Phường 12')).toBe('Phường 12');
    expect(shortUnitName('Thị trấn Mèo Vạc')).toBe('Mèo Vạc');
    expect(shortUnitName('Thành phố Hà Nội')).toBe('Hà Nội');
  });
});

describe('old → new addresses', () => {
  it('finds an old commune typed without tones with its old district, and names the new commune', () => {
    const [hit] = matcher.match('xa yen thanh huyen yen mo');
    expect(hit).toMatchObject({ code: '14746', name: 'Xã Đồng Thái', province: 'Tỉnh Ninh Bình' });
    expect(hit!.old).toMatchObject({ name: 'Xã Yên Thành', district: 'Huyện Yên Mô', province: 'Tỉnh Ninh Bình', split: false });
  });

  it('lists every new commune a split unit went to, marked as split', () => {
    const hits = matcher.match('Phường Cống Vị, quận Ba Đình');
    const split = hits.filter((h) => h.old?.name === 'Phường Cống Vị');
    expect(split.map((h) => h.code).sort()).toEqual(['00008', '00025']);
    expect(split.every((h) => h.old!.split)).toBe(true);
  });

  it('reads the abbreviations of envelopes: P.12, Q.3', () => {
    expect(codes('P.12, Q.3', 1)).toEqual(['27142']);
    expect(codes('phuong 12 quan 3', 1)).toEqual(['27142']);
  });

  it('tells apart same-named communes by the old district or province given', () => {
    expect(codes('tan lap huyen dan phuong ha noi', 2).sort()).toEqual(['09817', '09832']);
    expect(codes('Xã Tân Lập, Huyện Đầm Hà', 1)).toEqual(['06895']);
  });

  it('answers for an old town whose new commune kept its name, with the old unit named', () => {
    const [hit] = matcher.match('TT. Mèo Vạc, Hà Giang');
    expect(hit).toMatchObject({ code: '00769', name: 'Xã Mèo Vạc' });
    expect(hit!.old?.name).toBe('Thị trấn Mèo Vạc');
  });

  it('finds a new commune by its own name and province, without tones', () => {
    expect(codes('phuong ba dinh ha noi', 1)).toEqual(['00004']);
  });

  it('counts tones when typed: "Ba Đình" puts the two Ba Đình before Ba Dinh', () => {
    expect(codes('Ba Đình', 2).sort()).toEqual(['00004', '16171']);
    expect(codes('ba dinh', 3).sort()).toEqual(['00004', '16171', '21499']);
    expect(toneAgreement('lào', 'lao')).toBe(-1);
    expect(toneAgreement('lao', 'lào')).toBe(0);
    expect(toneAgreement('thuý', 'thúy')).toBe(1);
    expect(toneAgreement('nôi', 'nội')).toBe(0);
  });

  it('forgives one slip of a letter in a longer word', () => {
    expect(codes('xa yen thnah huyen yen mo', 1)).toEqual(['14746']);
  });

  it('completes a half-typed last word', () => {
    expect(codes('ha noi phuc x', 3)).toContain('00097');
  });

  it('answers nothing for words that name no unit', () => {
    expect(matcher.match('qwzx vbnm')).toEqual([]);
    expect(matcher.match('   ')).toEqual([]);
  });
});

describe('npm run address', () => {
  it('prints one JSON line per stdin query with code, name, province, the old unit and split', async () => {
    const run = promisify(execFile);
    const root = resolve(import.meta.dirname, '../..');
    const child = run(process.execPath, ['--import', 'tsx', 'server/cli/address.ts', '--json', '--limit', '3'], { cwd: root });
    child.child.stdin!.end('xa yen thanh huyen yen mo\nPhường Cống Vị quận Ba Đình\n');
    const { stdout } = await child;
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; results: Array<Record<string, unknown>> });
    expect(lines).toHaveLength(2);
    expect(lines[0]!.results[0]).toEqual({
      code: '14746',
      name: 'Xã Đồng Thái',
      province: 'Tỉnh Ninh Bình',
      old: { code: expect.any(String), name: 'Xã Yên Thành', district: 'Huyện Yên Mô', province: 'Tỉnh Ninh Bình' },
      split: false,
    });
    expect(lines[1]!.results.filter((r) => r.split === true).map((r) => r.code).sort()).toEqual(['00008', '00025']);
  }, 30_000);
});
