import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import type { SearchEngine } from '../../shared/catalog/searchTypes.ts';
import { FULL_CATALOG_DIR, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';

let engine: SearchEngine;

beforeAll(async () => {
  const source = await readCatalogSource(join(sharedDataDir(), FULL_CATALOG_DIR));
  if (!source.ok) throw new Error(source.error);
  engine = createSearchEngine(source.value.procedures);
}, 60_000);

describe('answers not done at the commune', () => {
  it('offers the province procedure for a lost land certificate, with where to go and why', () => {
    const result = engine.search('mất sổ đỏ', { limit: 5 });
    expect(result.elsewhere?.[0]).toMatchObject({ code: '1.012786', level: 'province', where: expect.stringMatching(/Văn phòng đăng ký đất đai/) });
    expect(result.elsewhere?.[0]?.matched).toEqual(expect.arrayContaining([expect.objectContaining({ typed: 'sổ đỏ' }), expect.objectContaining({ typed: 'mất' })]));
    // The center's own list never contains what is done elsewhere.
    expect(result.hits.every((h) => h.procedure.communeLevel)).toBe(true);
  });

  it('offers nothing elsewhere when the commune does it', () => {
    for (const q of ['khai sinh', 'đăng ký kết hôn', 'bố tôi mất rồi', 'xin giấy xác nhận độc thân']) {
      expect(engine.search(q, { limit: 5, finished: true }).elsewhere, q).toEqual([]);
    }
  });

  it('counts only its own procedures in size and fields', () => {
    expect(engine.size).toBe(588);
    expect(engine.fields().reduce((s, f) => s + f.count, 0)).toBe(588);
  });

  it('reads English when the kiosk is in English', () => {
    expect(engine.search('my father passed away', { limit: 3, language: 'en', finished: true }).hits[0]?.code).toBe('1.000656');
    expect(engine.search('birth certificate for my son', { limit: 3, language: 'en', finished: true }).hits.slice(0, 2).map((h) => h.code)).toContain('1.001193');
  });
});
