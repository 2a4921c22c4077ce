/**
 * Loads a catalog file or folder into a store and says, in words, what happened: which records are
 * kept but broken in the source (ranked last in search), and which question flows the new catalog
 * leaves without a procedure or a document (those outcomes fall back to the plain list at the kiosk)
 * and which of those this import broke.
 */
import type { Catalog, Procedure } from '../../shared/catalog/procedure.ts';
import { findSourceProblems, type SourceProblem } from '../../shared/catalog/sourceProblems.ts';
import { checkFlowAgainstCatalog, describeFlowIssue, type FlowIssue } from '../../shared/guidance/checkFlows.ts';
import { shippedFlows } from '../../shared/guidance/flowLibrary.ts';
import type { Flow } from '../../shared/guidance/flowSchema.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { CatalogReplaceOutcome, CatalogStore } from '../store/store.ts';
import { readCatalogSource, type SourceReport } from './readCatalogSource.ts';

export interface ImportOutcome {
  catalog: Catalog;
  /** What moved compared with the catalog the store held before. */
  changes: Omit<CatalogReplaceOutcome, 'catalog'>;
  report: SourceReport;
  flows: FlowReport;
  /** Records kept but broken in the source (see sourceProblems.ts), for admins to check; search ranks them last. */
  flagged: { code: string; name: string; problems: SourceProblem[] }[];
}

export interface FlowReport {
  /** How many flows were checked. */
  checked: number;
  /** Everything the new catalog lacks for the flows. */
  issues: FlowIssue[];
  /** The issues this import caused: the catalog before it had what they need. */
  broken: FlowIssue[];
}

const issueKey = (i: FlowIssue) => `${i.flow}|${i.node}|${i.kind}|${i.message}`;

/** Checks the flows against the catalog after an import, and tells apart what this import broke. */
export function reportFlows(flows: readonly Flow[], before: readonly Procedure[], after: readonly Procedure[]): FlowReport {
  const lookupIn = (procedures: readonly Procedure[]) => {
    const byCode = new Map(procedures.map((p) => [p.code, p]));
    return (code: string) => byCode.get(code);
  };
  const check = (procedures: readonly Procedure[]) => flows.flatMap((f) => checkFlowAgainstCatalog(f, lookupIn(procedures)));
  const earlier = new Set(check(before).map(issueKey));
  const issues = check(after);
  // With no catalog before, nothing was broken by this import.
  const broken = before.length === 0 ? [] : issues.filter((i) => !earlier.has(issueKey(i)));
  return { checked: flows.length, issues, broken };
}

export async function importCatalog(store: CatalogStore, path: string): Promise<Result<ImportOutcome>> {
  const read = await readCatalogSource(path);
  if (!read.ok) return read;
  if (read.value.procedures.length === 0) {
    return err(`no valid procedure in ${path} (${read.value.issues.length} rejected)`);
  }
  const source = `import of ${read.value.files.length === 1 ? read.value.files[0] : path}`;
  const previous = await store.currentCatalog();
  if (!previous.ok) return err(previous.error.reason);
  const saved = await store.replaceCatalog(read.value.procedures, source);
  if (!saved.ok) return err(saved.error.reason);
  const { catalog, ...changes } = saved.value;
  const flows = reportFlows(shippedFlows().flows, previous.value?.procedures ?? [], catalog.procedures);
  const problems = findSourceProblems(read.value.procedures);
  const flagged = read.value.procedures.filter((p) => problems.has(p.code)).map((p) => ({ code: p.code, name: p.name, problems: problems.get(p.code)! }));
  return ok({ catalog, changes, report: read.value, flows, flagged });
}

const PROBLEM_WORDS: Record<SourceProblem['kind'], string> = {
  'shared-portal-page': 'shares its portal page with',
  'same-text': 'has the same name and papers as',
  'not-a-procedure-name': "has a decision's title as its name",
  'district-twin': 'is the district-level twin of',
};

export function describeImport({ catalog, changes, report, flows, flagged }: ImportOutcome): string {
  const lines = [
    `imported ${report.procedures.length} procedures (catalog version ${catalog.version}) from ${report.files.length} file(s)`,
    `added ${changes.added}, changed ${changes.changed}, removed ${changes.removed}, unchanged ${changes.unchanged}`,
    `records read: ${report.total}, rejected: ${report.issues.length}, duplicate codes skipped: ${report.duplicates}`,
  ];
  for (const issue of report.issues.slice(0, 10)) {
    lines.push(`  record #${issue.index}${issue.code ? ` (${issue.code})` : ''}: ${issue.reason}`);
  }
  if (report.issues.length > 10) lines.push(`  ... and ${report.issues.length - 10} more`);
  const missing = flows.issues.filter((i) => i.kind === 'missing-code').length;
  lines.push(`question flows: ${flows.checked} checked, ${flows.issues.length} issue(s), ${missing} outcome(s) fall back to the plain list`);
  for (const issue of flows.broken) lines.push(`  BROKEN BY THIS IMPORT: ${describeFlowIssue(issue)}`);
  for (const issue of flows.issues.filter((i) => !flows.broken.includes(i))) lines.push(`  ${describeFlowIssue(issue)}`);
  if (flagged.length > 0) {
    lines.push(`kept but broken in the source (ranked last in search; please check): ${flagged.length}`);
    for (const f of flagged) {
      const why = f.problems.map((p) => `${PROBLEM_WORDS[p.kind]}${p.with.length > 0 ? ` ${p.with.slice(0, 4).join(', ')}${p.with.length > 4 ? ', …' : ''}` : ''}`).join('; ');
      lines.push(`  ${f.code} ${f.name.replace(/\s+/g, ' ').slice(0, 60)}: ${why}`);
    }
  }
  return lines.join('\n');
}
