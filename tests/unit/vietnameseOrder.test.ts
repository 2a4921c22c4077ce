/**
 * Vietnamese order without Intl (shared/text/vietnameseOrder.ts) against Intl.Collator('vi') over
 * the national catalog's fields and names, and over the letters and tones one by one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FULL_CATALOG_DIR, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { compareDigits, compareVietnamese } from '../../shared/text/vietnameseOrder.ts';

const collator = new Intl.Collator('vi');
const source = await readCatalogSource(join(sharedDataDir(), FULL_CATALOG_DIR));
if (!source.ok) throw new Error(source.error);
const procedures = source.value.procedures;

describe('Vietnamese order without Intl', () => {
  it('orders the letters, the tones and the case as Intl does', () => {
    const words = ['a', 'à', 'ả', 'ã', 'á', 'ạ', 'ă', 'ằ', 'â', 'ấ', 'b', 'c', 'd', 'đ', 'Đ', 'e', 'ê', 'ế', 'g', 'h', 'i', 'o', 'ô', 'ơ', 'ờ', 'u', 'ư', 'ữ', 'y', 'A', 'Ă', 'ab', 'a b', 'a-b', 'a1', 'anh', 'ánh', 'Anh', 'ăn', 'đa', 'da', 'dă'];
    const shuffled = [...words].reverse();
    expect([...shuffled].sort(compareVietnamese)).toEqual([...shuffled].sort(collator.compare));
  });

  it("orders every field and every name of the national catalog as Intl.Collator('vi')", () => {
    const fields = [...new Set(procedures.map((p) => p.field))];
    const names = procedures.map((p) => p.name);
    expect(fields.length).toBeGreaterThan(20);
    expect(names.length).toBeGreaterThan(2_000);
    for (const list of [fields, names]) expect([...list].sort(compareVietnamese)).toEqual([...list].sort(collator.compare));
  });

  it('orders procedure codes digits as localeCompare does', () => {
    const digits = procedures.map((p) => p.code.replace(/\D/g, ''));
    expect([...digits].sort(compareDigits)).toEqual([...digits].sort((a, b) => a.localeCompare(b)));
  });
});
