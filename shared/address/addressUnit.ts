/**
 * The new commune a citizen's address belongs to, as a file keeps it beside the address text typed at
 * the counter: its GSO code, and its name and province so a receipt prints them without the 1.4 MB
 * table. The shape is checked by zod everywhere; whether the code is a real commune (and its names the
 * table's) is checked against the table where one is held: the counter before it saves, the server on
 * every push.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result.ts';
import { unitNameInSentence, type AdminUnits } from './adminUnits.ts';

const unitName = z.string().trim().min(1).max(120);

export const addressUnitSchema = z.object({
  /** The new commune's GSO code (5 digits). */
  code: z.string().regex(/^\d{5}$/, 'a commune code is 5 digits'),
  /** Its full name with its type, e.g. "Xã Đồng Thái". */
  name: unitName,
  /** The new province's GSO code (2 digits) and full name, e.g. "Tỉnh Ninh Bình". */
  provinceCode: z.string().regex(/^\d{2}$/, 'a province code is 2 digits'),
  province: unitName,
});
export type AddressUnit = z.infer<typeof addressUnitSchema>;

/** The new communes by code, as a check needs them (built once per table version). */
export type CommuneDirectory = ReadonlyMap<string, AddressUnit>;

const directories = new WeakMap<AdminUnits, CommuneDirectory>();

export function communeDirectory(units: AdminUnits): CommuneDirectory {
  const held = directories.get(units);
  if (held) return held;
  const provinces = new Map(units.provinces.map((p) => [p.code, p.name]));
  const directory = new Map(
    units.communes.map((c) => [c.code, { code: c.code, name: c.name, provinceCode: c.province, province: provinces.get(c.province) ?? '' }]),
  );
  directories.set(units, directory);
  return directory;
}

export type AddressUnitProblemCode = 'unknown' | 'mismatch';

export interface AddressUnitProblem {
  problem: AddressUnitProblemCode;
  /** English, for logs and the server's rejection. */
  reason: string;
  params: { code: string };
}

/**
 * A chosen unit against the table: its code must be a new commune, and its names the table's (a
 * receipt prints them). Both refusals name the code.
 */
export function checkAddressUnit(unit: AddressUnit, directory: CommuneDirectory): Result<AddressUnit, AddressUnitProblem> {
  const known = directory.get(unit.code);
  if (!known) return err({ problem: 'unknown', reason: `the address's commune code ${unit.code} is not a commune of the administrative units table`, params: { code: unit.code } });
  if (known.name !== unit.name || known.provinceCode !== unit.provinceCode || known.province !== unit.province) {
    return err({
      problem: 'mismatch',
      reason: `the address's commune ${unit.code} is named "${unit.name}, ${unit.province}" but the table names it "${known.name}, ${known.province}"`,
      params: { code: unit.code },
    });
  }
  return ok(known);
}

/** The unit as it reads inside a sentence and on a receipt: "xã Đồng Thái, tỉnh Ninh Bình". */
export function addressUnitLine(unit: AddressUnit): string {
  return `${unitNameInSentence(unit.name)}, ${unitNameInSentence(unit.province)}`;
}
