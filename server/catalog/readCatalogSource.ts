/**
 * Reads procedures from disk for the server, the importer, the search CLI and the benchmarks:
 * a portal file (procedures_commune.json), a folder of them (procedures_by_ministry/) or a
 * motcua catalog file. Failures come back as values with a reason; a bad record is an issue, not a stop.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { procedureSchema } from '../../shared/catalog/procedure.ts';
import { importPortalRecords, type ImportIssue, type ImportReport } from '../../shared/catalog/importPortalRecords.ts';
import { err, ok, type Result } from '../../shared/result.ts';

export interface SourceReport extends ImportReport {
  files: string[];
}

/** The shared data folder beside the project root, overridable with MOTCUA_DATA_DIR. */
export function sharedDataDir(): string {
  return resolve(process.env.MOTCUA_DATA_DIR ?? resolve(import.meta.dirname, '../../../shared/data'));
}

export const COMMUNE_CATALOG = 'tthc/procedures_commune.json';
export const FULL_CATALOG_DIR = 'tthc/procedures_by_ministry';

function importMotcuaCatalog(json: { procedures?: unknown }, startIndex: number): ImportReport {
  const records = Array.isArray(json.procedures) ? json.procedures : [];
  const issues: ImportIssue[] = [];
  const procedures = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const [i, raw] of records.entries()) {
    const parsed = procedureSchema.safeParse(raw);
    if (!parsed.success) {
      const code = (raw as { code?: unknown } | null)?.code;
      issues.push({
        index: startIndex + i,
        code: typeof code === 'string' ? code : null,
        reason: parsed.error.issues.slice(0, 3).map((x) => `${x.path.join('.')}: ${x.message}`).join('; '),
      });
    } else if (seen.has(parsed.data.code)) {
      duplicates += 1;
    } else {
      seen.add(parsed.data.code);
      procedures.push(parsed.data);
    }
  }
  return { procedures, issues, total: records.length, duplicates };
}

async function readOne(path: string, startIndex: number): Promise<Result<ImportReport>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return err(`cannot read ${path}: ${(e as Error).message}`);
  }
  if (json && typeof json === 'object' && (json as { format?: unknown }).format === 'motcua-catalog') {
    return ok(importMotcuaCatalog(json as { procedures?: unknown }, startIndex));
  }
  const report = importPortalRecords(json, startIndex);
  if (report.total === 0 && report.issues.length > 0) return err(`${path}: ${report.issues[0]?.reason}`);
  return ok(report);
}

/** Reads a file or every *.json in a folder (sorted, so the result is stable), merging by code. */
export async function readCatalogSource(path: string): Promise<Result<SourceReport>> {
  let files: string[];
  try {
    const info = await stat(path);
    files = info.isDirectory()
      ? (await readdir(path)).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f))
      : [path];
  } catch {
    return err(`no catalog at ${path}`);
  }
  if (files.length === 0) return err(`no .json files in ${path}`);
  const merged: SourceReport = { procedures: [], issues: [], total: 0, duplicates: 0, files };
  const seen = new Set<string>();
  for (const file of files) {
    const one = await readOne(file, merged.total);
    if (!one.ok) return one;
    merged.total += one.value.total;
    merged.issues.push(...one.value.issues);
    merged.duplicates += one.value.duplicates;
    for (const p of one.value.procedures) {
      if (seen.has(p.code)) {
        merged.duplicates += 1;
        continue;
      }
      seen.add(p.code);
      merged.procedures.push(p);
    }
  }
  return ok(merged);
}
