/** The catalog API of the real server over a real SQLite file, through Fastify's inject (no mocks). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp as createServerApp } from '../../server/app.ts';
import { nextCatalogVersion } from '../../server/catalog/catalogVersion.ts';
import { describeImport, importCatalog } from '../../server/catalog/importCatalog.ts';
import { COMMUNE_CATALOG, FULL_CATALOG_DIR, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { catalogSchema } from '../../shared/catalog/procedure.ts';
import { catalogChangesSchema } from '../../shared/sync/protocol.ts';
import { openTempStore, type TempStore } from '../support/tempStore.ts';

let temp: TempStore;
/** Every app a test creates, closed after it (before its store goes away). */
let apps: FastifyInstance[] = [];
async function createApp(...args: Parameters<typeof createServerApp>): Promise<FastifyInstance> {
  const app = await createServerApp(...args);
  apps.push(app);
  return app;
}
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(async () => {
  await Promise.all(apps.map((app) => app.close()));
  apps = [];
  await temp.dispose();
});

/** The commune catalog file with some edits, written to the temp folder for a re-import. */
async function editedCommuneFile(edit: (procedures: { code: string; name: string }[]) => void): Promise<string> {
  const source = JSON.parse(await readFile(join(sharedDataDir(), COMMUNE_CATALOG), 'utf8'));
  const read = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
  if (!read.ok) throw new Error(read.error);
  // Re-import as a motcua catalog file, so the edit is exactly what the store sees.
  const procedures = read.value.procedures.map((p) => ({ ...p }));
  edit(procedures);
  const path = join(temp.dir, 'edited.json');
  await writeFile(path, JSON.stringify({ ...source, format: 'motcua-catalog', version: 0, source: 'edited', generatedAt: '', procedures }));
  return path;
}

describe('the catalog server', () => {
  it('serves the demo catalog until one is imported', async () => {
    const app = await createApp({ store: temp.store, webRoot: null });
    const res = await app.inject('/api/catalog/version');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, source: expect.stringMatching(/^demo/) });
    const changes = catalogChangesSchema.parse((await app.inject('/api/catalog/changes?since=0')).json());
    expect(changes).toMatchObject({ version: 1, full: true });
  });

  it('imports the commune file and serves it with an ETag; only a changed re-import grows the version', async () => {
    const first = await importCatalog(temp.store, join(sharedDataDir(), COMMUNE_CATALOG));
    expect(first.ok).toBe(true);
    // Records broken in the source are kept and listed for admins.
    const flagged = first.ok ? first.value.flagged.map((f) => f.code) : [];
    expect(flagged).toEqual(expect.arrayContaining(['2.001428', '3.000226', '1.002544', '1.014208', '1.010385']));
    expect(first.ok && describeImport(first.value)).toMatch(/1\.010385 .*district-level twin of 1\.010386/);
    const app = await createApp({ store: temp.store, webRoot: null });
    const version = (await app.inject('/api/catalog/version')).json();
    expect(version.count).toBe(588);
    const full = await app.inject('/api/catalog');
    const catalog = catalogSchema.parse(full.json());
    expect(catalog.procedures).toHaveLength(588);
    expect(catalog.version).toBe(version.version);
    const etag = full.headers.etag as string;
    expect((await app.inject({ url: '/api/catalog', headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    // The same file again changes nothing, so devices are not sent the catalog again.
    const same = await importCatalog(temp.store, join(sharedDataDir(), COMMUNE_CATALOG));
    expect(same.ok && same.value.catalog.version).toBe(version.version);
    expect(same.ok && same.value.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 588 });

    const edited = await editedCommuneFile((ps) => {
      ps[0]!.name = `${ps[0]!.name} (sửa đổi)`;
    });
    const second = await importCatalog(temp.store, edited);
    expect(second.ok && second.value.catalog.version).toBeGreaterThan(version.version);
    // A new store over the same SQLite file (the server after the CLI import) reads what was written.
    const reread = await temp.reopen().currentCatalog();
    expect(reread.ok && reread.value?.version).toBe(second.ok ? second.value.catalog.version : -1);
  });

  it('answers what changed since a version: one procedure changed and one removed', async () => {
    await importCatalog(temp.store, join(sharedDataDir(), COMMUNE_CATALOG));
    const app = await createApp({ store: temp.store, webRoot: null });
    const v1 = (await app.inject('/api/catalog/version')).json().version as number;
    let changedCode = '';
    let removedCode = '';
    const edited = await editedCommuneFile((ps) => {
      changedCode = ps[10]!.code;
      ps[10]!.name = 'Thủ tục đã đổi tên';
      removedCode = ps.splice(20, 1)[0]!.code;
    });
    const second = await importCatalog(temp.store, edited);
    expect(second.ok && second.value.changes).toEqual({ added: 0, changed: 1, removed: 1, unchanged: 586 });

    const delta = catalogChangesSchema.parse((await app.inject(`/api/catalog/changes?since=${v1}`)).json());
    expect(delta.full).toBe(false);
    expect(delta.version).toBeGreaterThan(v1);
    expect(delta.upserts.map((p) => [p.code, p.name])).toEqual([[changedCode, 'Thủ tục đã đổi tên']]);
    expect(delta.deletions).toEqual([removedCode]);

    const upToDate = catalogChangesSchema.parse((await app.inject(`/api/catalog/changes?since=${delta.version}`)).json());
    expect(upToDate).toEqual({ version: delta.version, full: false, upserts: [], deletions: [] });
    // Unknown or older than anything kept (the demo's version 1): the whole catalog.
    for (const since of [0, 1, delta.version + 1000]) {
      const all = catalogChangesSchema.parse((await app.inject(`/api/catalog/changes?since=${since}`)).json());
      expect(all.full).toBe(true);
      expect(all.upserts).toHaveLength(587);
      expect(all.upserts.some((p) => p.code === removedCode)).toBe(false);
    }
    // The full catalog no longer has the removed procedure either.
    const full = catalogSchema.parse((await app.inject('/api/catalog')).json());
    expect(full.procedures).toHaveLength(587);
    expect(full.procedures.find((p) => p.code === changedCode)?.name).toBe('Thủ tục đã đổi tên');
    expect((await app.inject('/api/catalog/changes?since=abc')).statusCode).toBe(400);
  });

  it('reads the full 2,642-procedure folder', async () => {
    const read = await readCatalogSource(join(sharedDataDir(), FULL_CATALOG_DIR));
    expect(read.ok && read.value.procedures.length).toBe(2642);
    expect(read.ok && read.value.files).toHaveLength(7);
  });

  it('reports a file with bad records and imports the good ones', async () => {
    const source = JSON.parse(await readFile(join(sharedDataDir(), COMMUNE_CATALOG), 'utf8'));
    source.procedures = [...source.procedures.slice(0, 5), { code: 'x' }, null];
    const path = join(temp.dir, 'partial.json');
    await writeFile(path, JSON.stringify(source));
    const result = await importCatalog(temp.store, path);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.report.procedures).toHaveLength(5);
      expect(result.value.report.issues.map((i) => i.index)).toEqual([5, 6]);
    }
  });

  it('refuses a missing path or a file that is not a catalog, with a reason', async () => {
    const missing = await importCatalog(temp.store, join(temp.dir, 'nope.json'));
    expect(missing).toEqual({ ok: false, error: expect.stringMatching(/no catalog at/) });
    await writeFile(join(temp.dir, 'junk.json'), '{"not": "a catalog"');
    const junk = await importCatalog(temp.store, join(temp.dir, 'junk.json'));
    expect(junk.ok).toBe(false);
    expect(await temp.store.currentCatalog()).toEqual({ ok: true, value: null });
  });

  it('keeps versions growing even when the clock goes back', () => {
    expect(nextCatalogVersion(null, 1_700_000_000_000)).toBe(1_700_000_000);
    expect(nextCatalogVersion(1_800_000_000, 1_700_000_000_000)).toBe(1_800_000_001);
  });

  it('answers unknown API paths with 404 JSON', async () => {
    const app = await createApp({ store: temp.store, webRoot: null });
    const res = await app.inject('/api/nothing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('app updates for the shell', () => {
  it('serves releases dropped into the updates folder, latest.yml uncached', async () => {
    const temp = await openTempStore();
    const updatesDir = join(temp.dir, 'updates');
    await mkdir(updatesDir, { recursive: true });
    await writeFile(join(updatesDir, 'latest.yml'), 'version: 0.2.0\npath: motcua-0.2.0.AppImage\n');
    const app = await createApp({ store: temp.store, webRoot: null, updatesDir });
    const res = await app.inject('/updates/latest.yml');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('version: 0.2.0');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect((await app.inject('/updates/../motcua.sqlite')).statusCode).toBe(404);
    // Encoded traversals reach the static handler as they are: its folder guard must refuse them.
    for (const url of ['/updates/..%2fmotcua.sqlite', '/updates/%2e%2e/motcua.sqlite', '/updates/%2e%2e%2fmotcua.sqlite']) {
      const escaped = await app.inject(url);
      expect([403, 404], `${url}: ${escaped.statusCode}`).toContain(escaped.statusCode);
      expect(escaped.body).not.toContain('SQLite format');
    }
    // This test's store is its own: close the app before it goes.
    apps = apps.filter((a) => a !== app);
    await app.close();
    await temp.dispose();
  });
});
