/** Loads a catalog file or folder into a store and says, in words, what happened. */
import type { Catalog } from '../../shared/catalog/procedure.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { CatalogReplaceOutcome, CatalogStore } from '../store/store.ts';
import { readCatalogSource, type SourceReport } from './readCatalogSource.ts';

export interface ImportOutcome {
  catalog: Catalog;
  /** What moved compared with the catalog the store held before. */
  changes: Omit<CatalogReplaceOutcome, 'catalog'>;
  report: SourceReport;
}

export async function importCatalog(store: CatalogStore, path: string): Promise<Result<ImportOutcome>> {
  const read = await readCatalogSource(path);
  if (!read.ok) return read;
  if (read.value.procedures.length === 0) {
    return err(`no valid procedure in ${path} (${read.value.issues.length} rejected)`);
  }
  const source = `import of ${read.value.files.length === 1 ? read.value.files[0] : path}`;
  const saved = await store.replaceCatalog(read.value.procedures, source);
  if (!saved.ok) return err(saved.error.reason);
  const { catalog, ...changes } = saved.value;
  return ok({ catalog, changes, report: read.value });
}

export function describeImport({ catalog, changes, report }: ImportOutcome): string {
  const lines = [
    `imported ${report.procedures.length} procedures (catalog version ${catalog.version}) from ${report.files.length} file(s)`,
    `added ${changes.added}, changed ${changes.changed}, removed ${changes.removed}, unchanged ${changes.unchanged}`,
    `records read: ${report.total}, rejected: ${report.issues.length}, duplicate codes skipped: ${report.duplicates}`,
  ];
  for (const issue of report.issues.slice(0, 10)) {
    lines.push(`  record #${issue.index}${issue.code ? ` (${issue.code})` : ''}: ${issue.reason}`);
  }
  if (report.issues.length > 10) lines.push(`  ... and ${report.issues.length - 10} more`);
  return lines.join('\n');
}
