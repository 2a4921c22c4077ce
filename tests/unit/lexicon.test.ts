/**
 * The language layer is data: these tests hold every entry of the bundled lexicons to its contract
 * (a general concept: two phrasings at least, and an example that finds its procedure) and check
 * that the validation refuses what an admin's edit or a server could get wrong.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import type { SearchEngine } from '../../shared/catalog/searchTypes.ts';
import { parseLexicon, type Lexicon } from '../../shared/catalog/language/lexicon.ts';
import { BUNDLED_LEXICONS } from '../../shared/catalog/language/bundledLexicons.ts';
import { answersInOrder } from '../../shared/catalog/searchAnswers.ts';
import { FULL_CATALOG_DIR, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';

let national: Procedure[];
let engine: SearchEngine;

beforeAll(async () => {
  const source = await readCatalogSource(join(sharedDataDir(), FULL_CATALOG_DIR));
  if (!source.ok) throw new Error(source.error);
  national = source.value.procedures;
  // The kiosk's setup: the whole national catalog, the commune-level procedures as its own.
  engine = createSearchEngine(national);
}, 60_000);

const top5 = (query: string, language: 'vi' | 'en'): string[] =>
  answersInOrder(engine.search(query, { limit: 5, language, finished: true }), 5).map((a) => a.hit.code);

describe.each(['vi', 'en'] as const)('the bundled %s lexicon', (language) => {
  const lexicon: Lexicon = BUNDLED_LEXICONS[language];

  it('is valid and versioned, and kept as the schema leaves it (so the app uses the file as it is)', () => {
    // Parsing changes nothing: every default is written out, every text already trimmed.
    expect(parseLexicon(lexicon)).toEqual({ ok: true, value: lexicon });
    expect(lexicon.version).toBeGreaterThan(0);
    expect(lexicon.language).toBe(language);
  });

  it('has general entries: two phrasings at least, an example each, codes that exist', () => {
    const codes = new Set(national.map((p) => p.code));
    for (const entry of lexicon.entries) {
      expect(entry.say.length, entry.id).toBeGreaterThanOrEqual(2);
      expect(entry.examples.length, entry.id).toBeGreaterThanOrEqual(1);
      for (const example of entry.examples) for (const code of example.expect) expect(codes.has(code), `${entry.id}: ${code}`).toBe(true);
      for (const code of entry.procedures) expect(codes.has(code), `${entry.id}: ${code}`).toBe(true);
    }
  });

  it("finds each entry's example procedure in the first five answers", () => {
    const failures: string[] = [];
    for (const entry of lexicon.entries) {
      for (const example of entry.examples) {
        const found = top5(example.query, language);
        if (!example.expect.some((code) => found.includes(code))) failures.push(`${entry.id}: "${example.query}" gave ${found.join(' ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('lexicon validation', () => {
  const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(BUNDLED_LEXICONS.vi)) as Record<string, unknown>;
  const entries = (l: Record<string, unknown>): Record<string, unknown>[] => l.entries as Record<string, unknown>[];

  it('refuses an entry with a single phrasing (that would be an entry for one query)', () => {
    const l = base();
    entries(l)[0]!.say = ['chỉ một cách nói'];
    const parsed = parseLexicon(l);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(/entries\.0\.say/);
  });

  it('refuses an entry without an example to test it', () => {
    const l = base();
    entries(l)[0]!.examples = [];
    expect(parseLexicon(l).ok).toBe(false);
  });

  it('refuses duplicate ids, an unknown sameAs, an unknown slot and a malformed procedure code', () => {
    const dup = base();
    entries(dup)[1]!.id = entries(dup)[0]!.id;
    expect(parseLexicon(dup)).toMatchObject({ ok: false, error: expect.stringMatching(/duplicate id/) });
    const same = base();
    entries(same)[0]!.sameAs = 'no.such.entry';
    expect(parseLexicon(same)).toMatchObject({ ok: false, error: expect.stringMatching(/no entry no\.such\.entry/) });
    const slot = base();
    entries(slot)[0]!.say = ['{animal} chết', 'qua đời'];
    expect(parseLexicon(slot)).toMatchObject({ ok: false, error: expect.stringMatching(/unknown slot/) });
    const code = base();
    entries(code)[0]!.procedures = ['1001193'];
    expect(parseLexicon(code).ok).toBe(false);
  });

  it('refuses something that is not a lexicon at all', () => {
    expect(parseLexicon({ format: 'motcua-catalog' }).ok).toBe(false);
    expect(parseLexicon(null).ok).toBe(false);
  });
});

describe('a lexicon replaced at run time', () => {
  it('takes an admin-taught phrase as one more entry of the same shape', () => {
    // A local name for the Vietnam–Laos border pass that the bundled lexicon does not know.
    const query = 'làm sổ thông quan đi bản bên kia';
    const first = (e: SearchEngine): string | undefined => answersInOrder(e.search(query, { limit: 5, finished: true }), 5)[0]?.hit.code;
    expect(first(engine)).not.toBe('1.012680');
    const taught: Lexicon = {
      ...BUNDLED_LEXICONS.vi,
      version: BUNDLED_LEXICONS.vi.version + 1,
      entries: [
        ...BUNDLED_LEXICONS.vi.entries,
        {
          id: 'learned.border-pass-laos',
          kind: 'learned',
          say: ['sổ thông quan', 'sổ qua bản bên kia'],
          means: [],
          asks: [],
          procedures: ['1.012680'],
          examples: [{ query, expect: ['1.012680'] }],
        },
      ],
    };
    expect(parseLexicon(taught).ok).toBe(true);
    const after = createSearchEngine(national, { lexicons: { vi: taught, en: BUNDLED_LEXICONS.en } });
    expect(after.lexiconVersions?.vi).toBe(taught.version);
    expect(first(after)).toBe('1.012680');
  });
});
