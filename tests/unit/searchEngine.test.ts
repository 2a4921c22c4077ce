import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import type { SearchEngine } from '../../shared/catalog/searchTypes.ts';
import { COMMUNE_CATALOG, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';

let engine: SearchEngine;

beforeAll(async () => {
  const source = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
  if (!source.ok) throw new Error(source.error);
  engine = createSearchEngine(source.value.procedures);
});

const codes = (query: string, limit = 5, field?: string): string[] =>
  engine.search(query, { limit, field }).hits.map((h) => h.code);

describe('search engine on the commune catalog', () => {
  it('finds birth registration first for a toneless query', () => {
    expect(codes('dang ky khai sinh')[0]).toBe('1.001193');
  });

  it('corrects a typo ("khai xinh" -> khai sinh)', () => {
    expect(codes('khai xinh')[0]).toBe('1.001193');
  });

  it('goes straight to a code, with or without the dot, and by prefix', () => {
    expect(codes('1.001193')).toEqual(['1.001193']);
    expect(codes('1001193')).toEqual(['1.001193']);
    expect(codes('1.00119')).toContain('1.001193');
    expect(engine.byCode('1001193')?.name).toBe('Thủ tục đăng ký khai sinh');
    expect(engine.byCode('9.999999')).toBeUndefined();
  });

  it('understands "sổ đỏ" as the land-use right certificate', () => {
    const top = engine.search('so do', { limit: 3 }).hits;
    expect(top.length).toBeGreaterThan(0);
    for (const hit of top.slice(0, 2)) expect(hit.name).toMatch(/Giấy chứng nhận quyền sử dụng đất/i);
  });

  it('maps everyday words to catalog procedures', () => {
    expect(codes('làm cccd')).toEqual(expect.arrayContaining(['1.014063']));
    expect(codes('giấy độc thân')[0]).toBe('1.004873');
    expect(codes('người mất')[0]).toBe('1.000656');
    expect(codes('lấy vợ')[0]).toBe('1.000894');
    expect(codes('mở quán')[0]).toBe('1.001612');
    expect(codes('hộ khẩu')).toContain('1.004222');
  });

  it('ranks the plain procedure above its rare variants', () => {
    const ranked = codes('khai sinh', 20);
    expect(ranked[0]).toBe('1.001193');
    // Mobile, foreign-element and re-registration variants are still offered, each below the plain one.
    for (const variant of ['1.003583', '2.000528', '1.000110']) expect(ranked.indexOf(variant), variant).toBeGreaterThan(0);
  });

  it('puts the variant first when the query asks for it', () => {
    expect(codes('khai sinh lưu động')[0]).toBe('1.003583');
    expect(codes('đăng ký lại khai sinh')[0]).toBe('1.004884');
    expect(codes('khai sinh có yếu tố nước ngoài')[0]).toBe('2.000528');
  });

  it('does not read "lấy" (folded "lai") as asking for "đăng ký lại"', () => {
    expect(codes('lấy chồng')[0]).toBe('1.000894');
  });

  it('reads dialect spellings (ch/tr, s/x) and doubled letters as the catalog word', () => {
    expect(codes('tạm chú')).toEqual(expect.arrayContaining(['1.004194']));
    expect(codes('khai tuu').slice(0, 2)).toContain('1.000656');
  });

  it('does not require the person a procedure is for ("... cho con")', () => {
    expect(codes('nhập hộ khẩu cho con')).toContain('1.004222');
    expect(engine.search('đổi tên cho con', { limit: 5 }).hits.map((h) => h.code)).toContain('1.004859');
  });

  it('updates while the last word is being typed', () => {
    expect(codes('khai si')[0]).toBe('1.001193');
    expect(codes('đăng ký kết h')[0]).toBe('1.000894');
  });

  it('filters by field', () => {
    const hits = engine.search('đăng ký', { limit: 50, field: 'Hộ tịch' }).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.procedure.field === 'Hộ tịch')).toBe(true);
    expect(codes('khai sinh', 5, 'Chứng thực')).not.toContain('1.001193');
  });

  it('filters by agency text', () => {
    const hits = engine.search('đất', { limit: 50, agency: 'văn phòng đăng ký đất đai' }).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => /văn phòng đăng ký đất đai/i.test(JSON.stringify(h.procedure.agencies)))).toBe(true);
  });

  it("answers 'nearest' when no procedure has every word", () => {
    const result = engine.search('khai sinh hợp tác xã', { limit: 5 });
    expect(result.kind).toBe('nearest');
    expect(result.hits[0]?.score).toBeGreaterThan(0);
  });

  it('leaves out a word nothing in the catalog matches, and says which', () => {
    const result = engine.search('khai sinh qwxzv', { limit: 5 });
    expect(result.kind).toBe('match');
    expect(result.hits[0]?.code).toBe('1.001193');
    expect(result.unread).toEqual(['qwxzv']);
  });

  it("answers 'match' with scores from 0 (best) to 1", () => {
    const result = engine.search('kết hôn', { limit: 10 });
    expect(result.kind).toBe('match');
    expect(result.hits[0]?.score).toBe(0);
    for (const h of result.hits) {
      expect(h.score).toBeGreaterThanOrEqual(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
    const scores = result.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it('returns empty for a blank query and respects the limit', () => {
    expect(engine.search('   ')).toEqual({ kind: 'empty', hits: [], elsewhere: [] });
    expect(engine.search('').hits).toEqual([]);
    expect(engine.search('đăng ký', { limit: 3 }).hits).toHaveLength(3);
  });

  it('lists fields with counts, largest first', () => {
    const fields = engine.fields();
    expect(fields.reduce((s, f) => s + f.count, 0)).toBe(engine.size);
    for (let i = 1; i < fields.length; i += 1) expect(fields[i - 1]!.count).toBeGreaterThanOrEqual(fields[i]!.count);
  });
});

describe('warming the search before the first key', () => {
  it('changes no answer: a warmed engine answers as a cold one, in both languages', async () => {
    const source = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
    if (!source.ok) throw new Error(source.error);
    const cold = createSearchEngine(source.value.procedures);
    const warmed = createSearchEngine(source.value.procedures);
    warmed.warm('vi');
    warmed.warm('en');
    for (const [query, language] of [['k', 'vi'], ['khai sinh', 'vi'], ['so do', 'vi'], ['bố tôi mất rồi', 'vi'], ['birth', 'en'], ['t', 'en']] as const) {
      const answer = (e: SearchEngine) => e.search(query, { limit: 10, language });
      expect(answer(warmed), `${language}: ${query}`).toEqual(answer(cold));
    }
  });

  it('is harmless on an empty catalog', () => {
    const empty = createSearchEngine([]);
    expect(() => empty.warm('vi')).not.toThrow();
    expect(empty.search('khai sinh').hits).toEqual([]);
  });
});
