/**
 * Asks the server whether its catalog differs from the local one and downloads it if so, through
 * the one API client. Each record is validated; bad records are counted and skipped, never stored.
 * Network trouble is a value (`offline`, `server`), not an exception.
 */
import { z } from 'zod';
import { catalogVersionInfoSchema } from '../../shared/catalog/catalogApi.ts';
import { catalogSchema, procedureSchema, type Catalog } from '../../shared/catalog/procedure.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { createApiClient, noAnswer, type ApiFailure } from './apiClient.ts';

export type FetchCatalogError = 'offline' | 'server' | 'invalid';

export type FetchCatalogOutcome =
  | { status: 'unchanged' }
  | { status: 'updated'; catalog: Catalog; rejected: number };

/** The envelope is checked whole; records one by one below, so one bad record does not cost the rest. */
const envelopeSchema = catalogSchema.omit({ procedures: true }).extend({ procedures: z.array(z.unknown()) });

const errorOf = (failure: ApiFailure): FetchCatalogError => (noAnswer(failure) ? 'offline' : failure.kind === 'invalid' ? 'invalid' : 'server');

export async function fetchCatalogIfChanged(serverUrl: string, localVersion: number | null, fetchFn?: typeof fetch): Promise<Result<FetchCatalogOutcome, FetchCatalogError>> {
  const api = createApiClient({ serverUrl, ...(fetchFn ? { fetchFn } : {}) });
  const info = await api.send({ path: API_PATHS.catalog.version, auth: false, schema: catalogVersionInfoSchema });
  if (!info.ok) return err(errorOf(info.error));
  if (info.value.version === localVersion) return ok({ status: 'unchanged' });

  const body = await api.send({ path: API_PATHS.catalog.full, auth: false, weight: 'bulk', schema: envelopeSchema });
  if (!body.ok) return err(errorOf(body.error));
  const { procedures: records, ...envelope } = body.value;
  const procedures = [];
  for (const record of records) {
    const parsed = procedureSchema.safeParse(record);
    if (parsed.success) procedures.push(parsed.data);
  }
  if (procedures.length === 0) return err('invalid');
  return ok({ status: 'updated', catalog: { ...envelope, procedures }, rejected: records.length - procedures.length });
}
