/**
 * A catalog import checks the question flows against what it loaded: an import that removes a
 * procedure or renames a document a flow relies on reports the flow, and at the kiosk that outcome
 * falls back to the plain list. Real commune file, real SQLite store.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeImport, importCatalog } from '../../server/catalog/importCatalog.ts';
import { COMMUNE_CATALOG, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { walkFlow } from '../../shared/guidance/flowEngine.ts';
import { shippedFlows } from '../../shared/guidance/flowLibrary.ts';
import { resolveOutcome } from '../../shared/guidance/resolveOutcome.ts';
import { openTempStore, type TempStore } from '../support/tempStore.ts';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(async () => {
  await temp.dispose();
});

/** The commune catalog with an edit, as a motcua catalog file in the temp folder. */
async function editedCommuneFile(edit: (procedures: Procedure[]) => void): Promise<string> {
  const read = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
  if (!read.ok) throw new Error(read.error);
  const procedures = structuredClone(read.value.procedures);
  edit(procedures);
  const path = join(temp.dir, 'edited.json');
  await writeFile(path, JSON.stringify({ format: 'motcua-catalog', version: 0, source: 'edited', generatedAt: '', procedures }));
  return path;
}

describe('the catalog import and the question flows', () => {
  it('reports nothing broken for the commune file, and names the flows an import breaks', async () => {
    const first = await importCatalog(temp.store, join(sharedDataDir(), COMMUNE_CATALOG));
    if (!first.ok) throw new Error(first.error);
    expect(first.value.flows.checked).toBe(shippedFlows().flows.length);
    expect(first.value.flows.broken).toEqual([]);
    expect(first.value.flows.issues.filter((i) => i.kind !== 'missing-code' && i.kind !== 'missing-family-code')).toEqual([]);

    const edited = await editedCommuneFile((ps) => {
      ps.splice(ps.findIndex((p) => p.code === '1.000656'), 1);
      const border = ps.find((p) => p.code === '1.000094')!;
      for (const d of border.documents) d.name = d.name.replace(/Tờ khai đăng ký kết hôn/g, 'Đơn đề nghị');
    });
    const second = await importCatalog(temp.store, edited);
    if (!second.ok) throw new Error(second.error);
    expect(second.value.changes).toMatchObject({ removed: 1, changed: 1 });
    expect(second.value.flows.broken.map((i) => [i.flow, i.node, i.kind])).toEqual([
      ['khai-tu', 'plain', 'missing-code'],
      ['khai-tu', 'plain-late', 'missing-code'],
      ['ket-hon', 'foreign-border', 'missing-document'],
    ]);
    const text = describeImport(second.value);
    expect(text).toContain('BROKEN BY THIS IMPORT: flow khai-tu (plain): procedure 1.000656 is not in the catalog');
    expect(text).toContain('BROKEN BY THIS IMPORT: flow ket-hon (foreign-border)');

    // At the kiosk, with the new catalog, that outcome falls back to the family's plain list.
    const flow = shippedFlows().flows.find((f) => f.id === 'khai-tu')!;
    const walked = walkFlow(flow, [
      { question: 'status', answer: 'new' },
      { question: 'who', answer: 'vn' },
      { question: 'paper', answer: 'yes' },
    ]);
    if (!walked.ok || walked.value.node.kind !== 'outcome') throw new Error('the path does not end on an outcome');
    const byCode = new Map(second.value.catalog.procedures.map((p) => [p.code, p]));
    const resolved = resolveOutcome(flow, walked.value.node.outcome, (code) => byCode.get(code));
    expect(resolved.kind).toBe('fallback');
    expect(resolved.kind === 'fallback' && resolved.family.map((p) => p.code)).toEqual(expect.arrayContaining(['1.001766', '1.004827']));
  });

  it('counts nothing as broken on a first import', async () => {
    const edited = await editedCommuneFile((ps) => ps.splice(ps.findIndex((p) => p.code === '1.000656'), 1));
    const first = await importCatalog(temp.store, edited);
    if (!first.ok) throw new Error(first.error);
    expect(first.value.flows.broken).toEqual([]);
    expect(first.value.flows.issues.map((i) => i.node)).toEqual(expect.arrayContaining(['plain', 'plain-late']));
  });
});
