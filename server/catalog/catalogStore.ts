/**
 * Keeps the catalog the server hands out. For now a versioned JSON file in the data folder,
 * written atomically; the storage sits behind this small interface so the sync server's
 * SQLite/PostgreSQL stores can take over without touching routes.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogSchema, type Catalog, type Procedure } from '../../shared/catalog/procedure.ts';
import { err, ok, type Result } from '../../shared/result.ts';

export interface CatalogStore {
  /** The current catalog, or null when none has been imported. */
  current(): Promise<Catalog | null>;
  /** Replaces the catalog; the new version is always greater than the previous one. */
  replace(procedures: Procedure[], source: string): Promise<Result<Catalog>>;
}

/** A version that only grows: seconds since the epoch, bumped past the previous version if the clock is behind. */
export function nextCatalogVersion(previous: number | null, now = Date.now()): number {
  const candidate = Math.floor(now / 1000);
  return previous !== null && candidate <= previous ? previous + 1 : candidate;
}

export function createFileCatalogStore(dataDir: string): CatalogStore {
  const file = join(dataDir, 'catalog.json');
  let cached: Catalog | null | undefined;

  async function current(): Promise<Catalog | null> {
    if (cached !== undefined) return cached;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      cached = null;
      return null;
    }
    const parsed = catalogSchema.safeParse(JSON.parse(text));
    // A damaged file is treated as absent rather than served: clients keep their own copy.
    cached = parsed.success ? parsed.data : null;
    return cached;
  }

  async function replace(procedures: Procedure[], source: string): Promise<Result<Catalog>> {
    const previous = await current();
    const catalog: Catalog = {
      format: 'motcua-catalog',
      version: nextCatalogVersion(previous?.version ?? null),
      source,
      generatedAt: new Date().toISOString(),
      procedures,
    };
    try {
      await mkdir(dataDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(catalog));
      await rename(tmp, file);
    } catch (e) {
      return err(`cannot write the catalog to ${file}: ${(e as Error).message}`);
    }
    cached = catalog;
    return ok(catalog);
  }

  return { current, replace };
}
