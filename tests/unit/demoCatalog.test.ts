import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { catalogSchema } from '../../shared/catalog/procedure.ts';
import { COMMUNE_CATALOG, FULL_CATALOG_DIR, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';

interface PortalRecord {
  code: string;
  name: string;
  source_url: string | null;
}

function readRecords(path: string): PortalRecord[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { procedures: PortalRecord[] }).procedures;
}

const communeRecords = new Map(readRecords(join(sharedDataDir(), COMMUNE_CATALOG)).map((r) => [r.code, r]));

/**
 * Demo codes that are not in procedures_commune.json but are in procedures_by_ministry/*.json (the portal
 * does not list them at commune level). Empty today: every demo procedure is a commune-level record.
 */
const CODES_ONLY_IN_MINISTRY_FILES: readonly string[] = [];

describe('the demo catalog', () => {
  it('is a valid catalog', () => {
    expect(catalogSchema.safeParse(demoCatalog).success).toBe(true);
  });

  it('holds between 10 and 15 procedures with unique codes', () => {
    const codes = demoCatalog.procedures.map((p) => p.code);
    expect(codes.length).toBeGreaterThanOrEqual(10);
    expect(codes.length).toBeLessThanOrEqual(15);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives every procedure at least one document and one way to submit', () => {
    for (const p of demoCatalog.procedures) {
      expect(p.documents.length, p.code).toBeGreaterThan(0);
      expect(p.methods.length, p.code).toBeGreaterThan(0);
    }
  });

  it('uses only real national codes from the portal snapshot', () => {
    const unknown = demoCatalog.procedures
      .map((p) => p.code)
      .filter((code) => !communeRecords.has(code) && !CODES_ONLY_IN_MINISTRY_FILES.includes(code));
    expect(unknown).toEqual([]);
  });

  it('allowlists exactly the demo codes missing from the commune file, each one in the ministry files', () => {
    const notCommune = demoCatalog.procedures.map((p) => p.code).filter((code) => !communeRecords.has(code));
    expect(notCommune).toEqual([...CODES_ONLY_IN_MINISTRY_FILES]);
    const ministryDir = join(sharedDataDir(), FULL_CATALOG_DIR);
    const ministryCodes = new Set(
      readdirSync(ministryDir)
        .filter((f) => f.endsWith('.json'))
        .flatMap((f) => readRecords(join(ministryDir, f)).map((r) => r.code)),
    );
    expect(ministryCodes.size).toBeGreaterThan(2000);
    expect(CODES_ONLY_IN_MINISTRY_FILES.filter((code) => !ministryCodes.has(code))).toEqual([]);
  });

  it('keeps the portal name and link of each commune record, so an import replaces it cleanly', () => {
    for (const p of demoCatalog.procedures) {
      const record = communeRecords.get(p.code);
      if (!record) continue;
      expect(p.name, p.code).toBe(record.name.trim().replace(/\s+/g, ' '));
      expect(p.portalUrl, p.code).toBe(record.source_url);
    }
  });
});
