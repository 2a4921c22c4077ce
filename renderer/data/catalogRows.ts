/**
 * The stored catalog's text read back as procedures checked against the schema record by record:
 * loaded when a check is asked for (catalogRepository.ts), so the first screen, whose check is done
 * in a worker, does without the schema library.
 */
import { procedureSchema, type Procedure } from '../../shared/catalog/procedure.ts';
import { fullRows, type CatalogTexts } from './catalogTexts.ts';

/** Procedures from stored text, each checked again (anything read back from storage is); `failing`: codes (or positions) of those left out. */
export function readProcedures(texts: CatalogTexts): { procedures: Procedure[]; dropped: number; failing: string[] } {
  const rows = fullRows(texts);
  const procedures: Procedure[] = [];
  const failing: string[] = [];
  rows.forEach((row, i) => {
    const parsed = procedureSchema.safeParse(row);
    if (parsed.success) procedures.push(parsed.data);
    else failing.push(typeof (row as { code?: unknown } | null)?.code === 'string' ? (row as { code: string }).code : `#${i}`);
  });
  return { procedures, dropped: failing.length, failing };
}
