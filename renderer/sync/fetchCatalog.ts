/**
 * Asks the server whether its catalog differs from the local one and downloads it if so.
 * Each record is validated; bad records are counted and skipped, never stored.
 * Network trouble is a value (`offline`, `server`), not an exception.
 */
import { CATALOG_PATH, CATALOG_VERSION_PATH, catalogVersionInfoSchema } from '../../shared/catalog/catalogApi.ts';
import { catalogSchema, procedureSchema, type Catalog } from '../../shared/catalog/procedure.ts';
import { err, ok, type Result } from '../../shared/result.ts';

export type FetchCatalogError = 'offline' | 'server' | 'invalid';

export type FetchCatalogOutcome =
  | { status: 'unchanged' }
  | { status: 'updated'; catalog: Catalog; rejected: number };

async function getJson(url: string, timeoutMs: number): Promise<Result<unknown, FetchCatalogError>> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
  } catch {
    return err('offline');
  }
  if (!response.ok) return err('server');
  try {
    return ok(await response.json());
  } catch {
    return err('invalid');
  }
}

export async function fetchCatalogIfChanged(
  serverUrl: string,
  localVersion: number | null,
  timeoutMs = 15_000,
): Promise<Result<FetchCatalogOutcome, FetchCatalogError>> {
  const info = await getJson(new URL(CATALOG_VERSION_PATH, serverUrl).href, timeoutMs);
  if (!info.ok) return info;
  const version = catalogVersionInfoSchema.safeParse(info.value);
  if (!version.success) return err('invalid');
  if (version.data.version === localVersion) return ok({ status: 'unchanged' });

  const body = await getJson(new URL(CATALOG_PATH, serverUrl).href, timeoutMs * 4);
  if (!body.ok) return body;
  const envelope = catalogSchema.omit({ procedures: true }).safeParse(body.value);
  const records = (body.value as { procedures?: unknown }).procedures;
  if (!envelope.success || !Array.isArray(records)) return err('invalid');
  const procedures = [];
  for (const record of records) {
    const parsed = procedureSchema.safeParse(record);
    if (parsed.success) procedures.push(parsed.data);
  }
  if (procedures.length === 0) return err('invalid');
  return ok({
    status: 'updated',
    catalog: { ...envelope.data, procedures },
    rejected: records.length - procedures.length,
  });
}
