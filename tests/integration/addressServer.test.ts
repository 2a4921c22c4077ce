/**
 * The administrative units on the server, over a real SQLite file: imported from the public files,
 * a second import of the same files stores nothing new, and GET /api/address/units answers the table
 * with an ETag on its version (304 when the device has it) or 404 before any import.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { defaultAdminUnitsDir, importAdminUnits } from '../../server/address/importAdminUnits.ts';
import { adminUnitsResponseSchema, apiErrorSchema } from '../../shared/sync/protocol.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: [] }, (ready) => ({ app, temp } = ready));

describe('the administrative units on the server', () => {
  it('answers 404 with a reason before any import', async () => {
    const res = await app.inject({ url: API_PATHS.adminUnits });
    expect(res.statusCode).toBe(404);
    expect(apiErrorSchema.parse(res.json()).error).toBe('no_admin_units');
  });

  it('imports the public files once, serves them with an ETag, and answers 304 to a device that has them', async () => {
    const first = await importAdminUnits(temp.store, defaultAdminUnitsDir());
    expect(first.ok && first.value.changed).toBe(true);
    const again = await importAdminUnits(temp.store, defaultAdminUnitsDir());
    expect(again.ok && !again.value.changed && again.value.stored.version === 1).toBe(true);

    const res = await app.inject({ url: API_PATHS.adminUnits });
    expect(res.statusCode).toBe(200);
    const body = adminUnitsResponseSchema.parse(res.json());
    expect(body.version).toBe(1);
    expect(body.units.communes).toHaveLength(3321);
    expect(body.units.oldUnits).toHaveLength(10052);
    const etag = res.headers.etag as string;
    expect(etag).toBe('"admin-units-1"');

    const revalidated = await app.inject({ url: API_PATHS.adminUnits, headers: { 'if-none-match': etag } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it('refuses a folder that is not the administrative units, storing nothing', async () => {
    const outcome = await importAdminUnits(temp.store, temp.dir);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error).toMatch(/cannot read .*provinces_2025\.json/);
    const stored = await temp.store.currentAdminUnits();
    expect(stored.ok && stored.value).toBe(null);
  });
});
