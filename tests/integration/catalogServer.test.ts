/** The catalog API of the real server with a real data folder, through Fastify's inject (no mocks). */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createFileCatalogStore, nextCatalogVersion } from '../../server/catalog/catalogStore.ts';
import { importCatalog } from '../../server/catalog/importCatalog.ts';
import { COMMUNE_CATALOG, FULL_CATALOG_DIR, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { catalogSchema } from '../../shared/catalog/procedure.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the catalog server', () => {
  it('serves the demo catalog until one is imported', async () => {
    const app = await createApp({ catalogStore: createFileCatalogStore(dir), webRoot: null });
    const res = await app.inject('/api/catalog/version');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, source: expect.stringMatching(/^demo/) });
  });

  it('imports the commune file and serves it with a growing version and an ETag', async () => {
    const store = createFileCatalogStore(dir);
    const first = await importCatalog(store, join(sharedDataDir(), COMMUNE_CATALOG));
    expect(first.ok).toBe(true);
    const app = await createApp({ catalogStore: store, webRoot: null });
    const version = (await app.inject('/api/catalog/version')).json();
    expect(version.count).toBe(588);
    const full = await app.inject('/api/catalog');
    const catalog = catalogSchema.parse(full.json());
    expect(catalog.procedures).toHaveLength(588);
    expect(catalog.version).toBe(version.version);
    const etag = full.headers.etag as string;
    expect((await app.inject({ url: '/api/catalog', headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    const second = await importCatalog(store, join(sharedDataDir(), COMMUNE_CATALOG));
    expect(second.ok && second.value.catalog.version).toBeGreaterThan(version.version);
    // A new store over the same folder reads what was written.
    const reread = await createFileCatalogStore(dir).current();
    expect(reread?.version).toBe(second.ok ? second.value.catalog.version : -1);
  });

  it('reads the full 2,642-procedure folder', async () => {
    const read = await readCatalogSource(join(sharedDataDir(), FULL_CATALOG_DIR));
    expect(read.ok && read.value.procedures.length).toBe(2642);
    expect(read.ok && read.value.files).toHaveLength(7);
  });

  it('reports a file with bad records and imports the good ones', async () => {
    const source = JSON.parse(await readFile(join(sharedDataDir(), COMMUNE_CATALOG), 'utf8'));
    source.procedures = [...source.procedures.slice(0, 5), { code: 'x' }, null];
    const path = join(dir, 'partial.json');
    await writeFile(path, JSON.stringify(source));
    const result = await importCatalog(createFileCatalogStore(join(dir, 'store')), path);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.report.procedures).toHaveLength(5);
      expect(result.value.report.issues.map((i) => i.index)).toEqual([5, 6]);
    }
  });

  it('refuses a missing path or a file that is not a catalog, with a reason', async () => {
    const store = createFileCatalogStore(dir);
    const missing = await importCatalog(store, join(dir, 'nope.json'));
    expect(missing).toEqual({ ok: false, error: expect.stringMatching(/no catalog at/) });
    await writeFile(join(dir, 'junk.json'), '{"not": "a catalog"');
    const junk = await importCatalog(store, join(dir, 'junk.json'));
    expect(junk.ok).toBe(false);
    expect(await store.current()).toBeNull();
  });

  it('keeps versions growing even when the clock goes back', () => {
    expect(nextCatalogVersion(null, 1_700_000_000_000)).toBe(1_700_000_000);
    expect(nextCatalogVersion(1_800_000_000, 1_700_000_000_000)).toBe(1_800_000_001);
  });

  it('answers unknown API paths with 404 JSON', async () => {
    const app = await createApp({ catalogStore: createFileCatalogStore(dir), webRoot: null });
    expect((await app.inject('/api/nothing')).statusCode).toBe(404);
  });
});
