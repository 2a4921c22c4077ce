/**
 * Reads the public administrative-unit files (../shared/data/admin_units, see SOURCES.md) and builds
 * the compact table devices keep (shared/address/adminUnits.ts). Each source file is checked with a
 * schema; a broken file is an error naming it, and a row that cannot be joined is reported, not dropped
 * silently.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { adminUnitsSchema, type AdminUnits, type OldUnit } from '../../shared/address/adminUnits.ts';
import { err, ok, type Result } from '../../shared/result.ts';

export const ADMIN_UNITS_DIR = 'admin_units';

const provincesFile = z.object({
  meta: z.object({ effective_date: z.string(), source_commit: z.string().optional() }).loose(),
  provinces: z.array(z.object({ code: z.string(), name: z.string(), type: z.string() }).loose()),
});
const communesFile = z.object({
  communes: z.array(z.object({ code: z.string(), name: z.string(), type: z.string(), province_code: z.string() }).loose()),
});
const oldToNewFile = z.object({
  mappings: z.array(
    z
      .object({
        old_code: z.string(),
        old_name: z.string(),
        old_level: z.enum(['ward', 'district']),
        old_province_code: z.string(),
        new: z.array(z.object({ code: z.string() }).loose()),
        is_split: z.boolean(),
      })
      .loose(),
  ),
});
const pre2025File = z.object({
  provinces: z.array(
    z
      .object({
        code: z.string(),
        name: z.string(),
        districts: z.array(
          z.object({ code: z.string(), name: z.string(), wards: z.array(z.object({ code: z.string() }).loose()) }).loose(),
        ),
      })
      .loose(),
  ),
});

export interface AdminUnitsReport {
  units: AdminUnits;
  /** Old units whose district the older file does not know (kept, with district null). */
  withoutDistrict: string[];
}

async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<Result<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return err(`cannot read ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(`${path} is not JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return err(`${path} has an unexpected shape at ${first?.path.join('.') ?? '?'}: ${first?.message ?? 'invalid'}`);
  }
  return ok(parsed.data);
}

/** Builds the table from the four files in `dir` (the admin_units folder). */
export async function readAdminUnits(dir: string): Promise<Result<AdminUnitsReport>> {
  const [provinces, communes, oldToNew, pre2025] = await Promise.all([
    readJson(join(dir, 'provinces_2025.json'), provincesFile),
    readJson(join(dir, 'communes_2025.json'), communesFile),
    readJson(join(dir, 'old_to_new_2025.json'), oldToNewFile),
    readJson(join(dir, 'pre2025_units.json'), pre2025File),
  ]);
  if (!provinces.ok) return provinces;
  if (!communes.ok) return communes;
  if (!oldToNew.ok) return oldToNew;
  if (!pre2025.ok) return pre2025;

  const districtOfWard = new Map<string, string>();
  const oldDistricts: AdminUnits['oldDistricts'] = [];
  for (const p of pre2025.value.provinces) {
    for (const d of p.districts) {
      oldDistricts.push({ code: d.code, name: d.name, province: p.code });
      for (const w of d.wards) districtOfWard.set(w.code, d.code);
    }
  }
  const withoutDistrict: string[] = [];
  const oldUnits: OldUnit[] = oldToNew.value.mappings.map((m) => {
    const district = m.old_level === 'ward' ? (districtOfWard.get(m.old_code) ?? null) : null;
    if (m.old_level === 'ward' && district === null) withoutDistrict.push(m.old_code);
    return {
      code: m.old_code,
      name: m.old_name,
      level: m.old_level,
      district,
      province: m.old_province_code,
      to: m.new.map((n) => n.code),
      split: m.is_split,
    };
  });
  const meta = provinces.value.meta;
  const candidate = {
    version: `${meta.effective_date} ${meta.source_commit ? meta.source_commit.slice(0, 7) : 'unknown'}`,
    effectiveDate: meta.effective_date,
    provinces: provinces.value.provinces.map((p) => ({ code: p.code, name: p.name, type: p.type })),
    communes: communes.value.communes.map((c) => ({ code: c.code, name: c.name, type: c.type, province: c.province_code })),
    oldProvinces: pre2025.value.provinces.map((p) => ({ code: p.code, name: p.name })),
    oldDistricts,
    oldUnits,
  };
  const parsed = adminUnitsSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return err(`the administrative units do not form a valid table at ${first?.path.join('.') ?? '?'}: ${first?.message ?? 'invalid'}`);
  }
  const communeCodes = new Set(parsed.data.communes.map((c) => c.code));
  const dangling = parsed.data.oldUnits.filter((u) => u.to.some((c) => !communeCodes.has(c)));
  if (dangling.length > 0) return err(`${dangling.length} old units point to unknown new communes, e.g. ${dangling[0]!.code}`);
  return ok({ units: parsed.data, withoutDistrict });
}
