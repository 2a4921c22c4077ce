/**
 * Vietnam's administrative units after the 1 July 2025 reform, in the compact form devices keep and
 * the address matcher reads: the 34 provinces, the 3,321 new communes, and every pre-2025 unit with
 * the new commune(s) it went to. Built on the server from the public data files
 * (server/address/readAdminUnits.ts); one schema checks it on every side.
 */
import { z } from 'zod';

const code = z.string().regex(/^\d{2,5}$/, 'unit codes are GSO digit codes');
const name = z.string().trim().min(1).max(120);

export const newProvinceSchema = z.object({ code, name, type: z.string().max(40) });
export type NewProvince = z.infer<typeof newProvinceSchema>;

export const newCommuneSchema = z.object({
  code,
  /** Full name with its type, e.g. "Phường Ba Đình". */
  name,
  /** "Xã", "Phường" or "Đặc khu". */
  type: z.string().max(40),
  province: code,
});
export type NewCommune = z.infer<typeof newCommuneSchema>;

export const oldProvinceSchema = z.object({ code, name });
export type OldProvince = z.infer<typeof oldProvinceSchema>;

export const oldDistrictSchema = z.object({ code, name, province: code });
export type OldDistrict = z.infer<typeof oldDistrictSchema>;

/** A commune, ward or town (or an island district without communes) as it was before July 2025. */
export const oldUnitSchema = z.object({
  code,
  /** Full name with its type, e.g. "Xã Yên Thành". */
  name,
  level: z.enum(['ward', 'district']),
  /** The old district's code; null when the source does not give it. */
  district: code.nullable(),
  /** The old province's code. */
  province: code,
  /** Every new commune that received part of it (two or more when it was split). */
  to: z.array(code).min(1),
  split: z.boolean(),
});
export type OldUnit = z.infer<typeof oldUnitSchema>;

export const adminUnitsSchema = z.object({
  /** Names the source snapshot, e.g. "2025-07-01 dvhcvn@dd94887"; a new import with another version replaces the old. */
  version: z.string().min(1).max(120),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  provinces: z.array(newProvinceSchema),
  communes: z.array(newCommuneSchema),
  oldProvinces: z.array(oldProvinceSchema),
  oldDistricts: z.array(oldDistrictSchema),
  oldUnits: z.array(oldUnitSchema),
});
export type AdminUnits = z.infer<typeof adminUnitsSchema>;

/** The words naming a unit's type at the start of its name, longest first ("Thị trấn" before "Thị"). */
export const UNIT_TYPE_PREFIXES = [
  'Thành phố Trung ương',
  'Thành phố',
  'Thị trấn',
  'Thị xã',
  'Đặc khu',
  'Phường',
  'Huyện',
  'Quận',
  'Tỉnh',
  'Xã',
] as const;

/**
 * A unit's name without its type word ("Phường Ba Đình" -> "Ba Đình"), except where the rest is
 * only a number ("Phường 12" stays whole: "12" alone names nothing).
 */
export function shortUnitName(fullName: string): string {
  const trimmed = fullName.trim();
  for (const prefix of UNIT_TYPE_PREFIXES) {
    if (trimmed.toLowerCase().startsWith(prefix.toLowerCase() + ' ')) {
      const rest = trimmed.slice(prefix.length).trim();
      return /^\d+$/.test(rest) ? trimmed : rest;
    }
  }
  return trimmed;
}

/**
 * A unit's name as it reads inside a sentence, its type in lower case: "Xã Yên Thành" -> "xã Yên Thành",
 * "Thành phố Hà Nội" -> "thành phố Hà Nội" (the "Xã A (cũ), huyện B, tỉnh C → nay là xã D").
 */
export function unitNameInSentence(fullName: string): string {
  const trimmed = fullName.trim();
  for (const prefix of UNIT_TYPE_PREFIXES) {
    if (trimmed.toLowerCase().startsWith(prefix.toLowerCase() + ' ')) return prefix.toLowerCase() + trimmed.slice(prefix.length);
  }
  return trimmed;
}
