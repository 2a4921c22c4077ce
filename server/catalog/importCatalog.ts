/** Loads a catalog file or folder into a store and says, in words, what happened. */
import type { Catalog } from '../../shared/catalog/procedure.ts';
import { findSourceProblems, type SourceProblem } from '../../shared/catalog/sourceProblems.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { CatalogReplaceOutcome, CatalogStore } from '../store/store.ts';
import { readCatalogSource, type SourceReport } from './readCatalogSource.ts';

export interface ImportOutcome {
  catalog: Catalog;
  /** What moved compared with the catalog the store held before. */
  changes: Omit<CatalogReplaceOutcome, 'catalog'>;
  report: SourceReport;
  /** Records kept but broken in the source (see sourceProblems.ts), for admins to check; search ranks them last. */
  flagged: { code: string; name: string; problems: SourceProblem[] }[];
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
  const problems = findSourceProblems(read.value.procedures);
  const flagged = read.value.procedures.filter((p) => problems.has(p.code)).map((p) => ({ code: p.code, name: p.name, problems: problems.get(p.code)! }));
  return ok({ catalog, changes, report: read.value, flagged });
}

const PROBLEM_WORDS: Record<SourceProblem['kind'], string> = {
  'shared-portal-page': 'shares its portal page with',
  'same-text': 'has the same name and papers as',
  'not-a-procedure-name': "has a decision's title as its name",
  'district-twin': 'is the district-level twin of',
};

export function describeImport({ catalog, changes, report, flagged }: ImportOutcome): string {
  const lines = [
    `imported ${report.procedures.length} procedures (catalog version ${catalog.version}) from ${report.files.length} file(s)`,
    `added ${changes.added}, changed ${changes.changed}, removed ${changes.removed}, unchanged ${changes.unchanged}`,
    `records read: ${report.total}, rejected: ${report.issues.length}, duplicate codes skipped: ${report.duplicates}`,
  ];
  for (const issue of report.issues.slice(0, 10)) {
    lines.push(`  record #${issue.index}${issue.code ? ` (${issue.code})` : ''}: ${issue.reason}`);
  }
  if (report.issues.length > 10) lines.push(`  ... and ${report.issues.length - 10} more`);
  if (flagged.length > 0) {
    lines.push(`kept but broken in the source (ranked last in search; please check): ${flagged.length}`);
    for (const f of flagged) {
      const why = f.problems.map((p) => `${PROBLEM_WORDS[p.kind]}${p.with.length > 0 ? ` ${p.with.slice(0, 4).join(', ')}${p.with.length > 4 ? ', …' : ''}` : ''}`).join('; ');
      lines.push(`  ${f.code} ${f.name.replace(/\s+/g, ' ').slice(0, 60)}: ${why}`);
    }
  }
  return lines.join('\n');
}
