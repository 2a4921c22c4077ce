/** Loads a catalog file or folder into a store and says, in words, what happened. */
import type { Catalog } from '../../shared/catalog/procedure.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { CatalogStore } from './catalogStore.ts';
import { readCatalogSource, type SourceReport } from './readCatalogSource.ts';

export interface ImportOutcome {
  catalog: Catalog;
  report: SourceReport;
}

export async function importCatalog(store: CatalogStore, path: string): Promise<Result<ImportOutcome>> {
  const read = await readCatalogSource(path);
  if (!read.ok) return read;
  if (read.value.procedures.length === 0) {
    return err(`no valid procedure in ${path} (${read.value.issues.length} rejected)`);
  }
  const source = `import of ${read.value.files.length === 1 ? read.value.files[0] : path}`;
  const saved = await store.replace(read.value.procedures, source);
  if (!saved.ok) return saved;
  return ok({ catalog: saved.value, report: read.value });
}

export function describeImport({ catalog, report }: ImportOutcome): string {
  const lines = [
    `imported ${report.procedures.length} procedures (catalog version ${catalog.version}) from ${report.files.length} file(s)`,
    `records read: ${report.total}, rejected: ${report.issues.length}, duplicate codes skipped: ${report.duplicates}`,
  ];
  for (const issue of report.issues.slice(0, 10)) {
    lines.push(`  record #${issue.index}${issue.code ? ` (${issue.code})` : ''}: ${issue.reason}`);
  }
  if (report.issues.length > 10) lines.push(`  ... and ${report.issues.length - 10} more`);
  return lines.join('\n');
}
