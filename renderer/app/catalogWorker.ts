/**
 * A worker for the catalog's heavy jobs, off the page's thread so an old PC's screen stays
 * responsive: checking every stored record against the schema (at each start, after the kiosk is
 * already usable) and preparing the search index of a new catalog version (shared/catalog/
 * preparedCatalog.ts). Gets the procedures as stored (their summaries' and details' JSON texts); the index comes back as data,
 * its typed arrays transferred rather than copied.
 */
import { prepareCatalog, preparedCatalogData, type PreparedCatalogData } from '../../shared/catalog/preparedCatalog.ts';
import { readProcedures } from '../data/catalogRows.ts';
import type { CatalogTexts } from '../data/catalogTexts.ts';

export type CatalogJob = { job: 'prepare'; texts: CatalogTexts } | { job: 'check'; texts: CatalogTexts };

export type CatalogJobAnswer =
  | { ok: true; job: 'prepare'; prepared: PreparedCatalogData }
  /** The codes (or positions, for a record without one) of records that fail the schema. */
  | { ok: true; job: 'check'; failing: string[] }
  | { ok: false; reason: string };

function buffersOf(prepared: PreparedCatalogData): ArrayBuffer[] {
  const i = prepared.index;
  return [i.idf, i.postingStart, i.postingDocs, i.postingWeights, i.postingTones, i.postingStrong, i.pairKeys, i.pairStart, i.pairDocs].map((a) => a.buffer as ArrayBuffer);
}

function run(message: CatalogJob): CatalogJobAnswer {
  const { procedures, failing } = readProcedures(message.texts);
  if (message.job === 'check') return { ok: true, job: 'check', failing };
  return { ok: true, job: 'prepare', prepared: preparedCatalogData(prepareCatalog(procedures)) };
}

self.onmessage = (event: MessageEvent<CatalogJob>) => {
  let answer: CatalogJobAnswer;
  try {
    answer = run(event.data);
  } catch (e) {
    answer = { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  (self as unknown as Worker).postMessage(answer, answer.ok && answer.job === 'prepare' ? buffersOf(answer.prepared) : []);
};
