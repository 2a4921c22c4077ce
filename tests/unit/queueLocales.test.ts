/**
 * Every code the queue can answer with (the reducer's, the server's, the settings checks') and every
 * key the queue screens build at run time has words in both languages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import { pauseReasonSchema } from '../../shared/queue/queueEvents.ts';
import { PRIORITY_CATEGORIES } from '../../shared/queue/queueSettings.ts';

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const known = { vi: new Set(flatten(vi as Tree).map(base)), en: new Set(flatten(en as Tree).map(base)) };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(f) ? [path] : [];
  });
}

describe('queue words', () => {
  it('has every refusal code the code can produce', () => {
    const root = resolve(import.meta.dirname, '../..');
    const codes = new Set<string>();
    for (const dir of ['shared', 'server', 'renderer']) {
      for (const file of files(join(root, dir))) {
        for (const m of readFileSync(file, 'utf8').matchAll(/queue\.(?:settings\.)?error\.[A-Za-z]+/g)) codes.add(m[0]);
      }
    }
    expect(codes.size).toBeGreaterThan(20);
    for (const lang of ['vi', 'en'] as const) expect([...codes].filter((c) => !known[lang].has(c))).toEqual([]);
  });

  it('has the keys built at run time', () => {
    const dynamic = [
      ...PRIORITY_CATEGORIES.map((c) => `queue.priority.${c}`),
      ...pauseReasonSchema.options.map((r) => `queue.pause.${r}`),
      ...['connecting', 'live', 'offline'].map((s) => `queue.link.${s}`),
      ...['no_service', 'storage', 'refused'].map((k) => `queue.kiosk.failed.${k}`),
      ...['printing', 'printed', 'notPrinted'].map((k) => `queue.kiosk.print.${k}`),
      ...['storage', 'offline', 'nobody', 'badNumber'].map((k) => `queue.counter.problem.${k}`),
      ...['called', 'serving'].map((k) => `queue.counter.status.${k}`),
      ...['duplicateService', 'duplicatePrefix', 'procedureTwice', 'fieldTwice', 'duplicateCounter', 'unknownService', 'unservedService'].map((k) => `queue.settings.error.${k}`),
    ];
    for (const lang of ['vi', 'en'] as const) expect(dynamic.filter((k) => !known[lang].has(k))).toEqual([]);
  });

  it('announces a call in the words of the brief', () => {
    expect((vi as Tree & { queue: { display: { announce: string } } }).queue.display.announce).toBe('Mời số {{number}} đến quầy số {{counter}}');
  });
});
