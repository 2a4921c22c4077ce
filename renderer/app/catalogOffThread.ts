/**
 * The catalog worker's jobs (catalogWorker.ts) as promises: a second of work on an old PC for a
 * big catalog never freezes the screen. Failures are values; where workers are not available the
 * caller does the job on the page's thread instead.
 */
import { err, ok, type Result } from '../../shared/result.ts';
import type { PreparedCatalogData } from '../../shared/catalog/preparedCatalog.ts';
import type { CatalogJob, CatalogJobAnswer } from './catalogWorker.ts';
import type { CatalogTexts } from '../data/catalogTexts.ts';

function runInWorker(job: CatalogJob): Promise<Result<CatalogJobAnswer & { ok: true }>> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./catalogWorker.ts', import.meta.url), { type: 'module', name: 'catalog' });
    } catch (e) {
      resolve(err(`no worker: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    worker.onmessage = (event: MessageEvent<CatalogJobAnswer>) => {
      worker.terminate();
      resolve(event.data.ok ? ok(event.data) : err(event.data.reason));
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve(err(`the catalog worker failed: ${event.message}`));
    };
    worker.postMessage(job);
  });
}

/** The search index of the stored procedures, prepared off the page's thread. */
export async function prepareOffThread(texts: CatalogTexts): Promise<Result<PreparedCatalogData>> {
  const answer = await runInWorker({ job: 'prepare', texts });
  if (!answer.ok) return answer;
  return answer.value.job === 'prepare' ? ok(answer.value.prepared) : err('the worker answered another job');
}

/** The stored records that fail the schema (codes), checked off the page's thread. */
export async function checkOffThread(texts: CatalogTexts): Promise<Result<string[]>> {
  const answer = await runInWorker({ job: 'check', texts });
  if (!answer.ok) return answer;
  return answer.value.job === 'check' ? ok(answer.value.failing) : err('the worker answered another job');
}
