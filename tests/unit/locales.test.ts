import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
/** Plural forms (_one, _other) count as their base key. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(f) ? [path] : [];
  });
}

describe('translations', () => {
  it('has every Vietnamese key in English and no extra English key', () => {
    expect(new Set(flatten(en as Tree).map(base))).toEqual(new Set(flatten(vi as Tree).map(base)));
  });

  it('has every literal key the interface uses, in both languages', () => {
    const keys = new Set<string>();
    for (const file of sourceFiles(resolve(import.meta.dirname, '../../renderer'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(40);
    const known = new Set(flatten(vi as Tree).map(base));
    const knownEn = new Set(flatten(en as Tree).map(base));
    expect([...keys].filter((k) => !known.has(k))).toEqual([]);
    expect([...keys].filter((k) => !knownEn.has(k))).toEqual([]);
  });

  it('has the keys built at run time (units, channels, tones, tiles, update states)', () => {
    const known = new Set(flatten(vi as Tree).map(base));
    const dynamic = [
      ...['working_day', 'day', 'hour', 'month'].map((u) => `facts.time.${u}`),
      ...['in_person', 'online', 'postal', 'other'].map((c) => `facts.channel.${c}`),
      ...['sac', 'huyen', 'hoi', 'nga', 'nang'].map((x) => `keyboard.tone.${x}`),
      ...['checking', 'current', 'updated', 'offline', 'failed'].map((x) => `footer.update.${x}`),
      ...['quota', 'unavailable'].map((x) => `banner.storage.${x}`),
      ...['printed', 'preview', 'no-printer', 'failed'].map((x) => `guidance.printed.${x}`),
    ];
    expect(dynamic.filter((k) => !known.has(k))).toEqual([]);
  });

  it('addresses citizens as "Ông/bà", never "bạn", on every kiosk screen', () => {
    const staffOnly = new Set(['counter', 'admin', 'stats', 'receipt', 'status', 'fileStatus', 'crash']);
    const kioskTexts = Object.entries(vi as Tree)
      .filter(([k]) => !staffOnly.has(k))
      .flatMap(([k, v]) => (typeof v === 'string' ? [`${k}: ${v}`] : flattenValues(v, `${k}.`)));
    expect(kioskTexts.length).toBeGreaterThan(100);
    expect(kioskTexts.filter((x) => /(^|[^\p{L}])bạn([^\p{L}]|$)/iu.test(x))).toEqual([]);
  });
});

function flattenValues(tree: Tree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}: ${v}`] : flattenValues(v, `${prefix}${k}.`)));
}
