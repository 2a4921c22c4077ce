/**
 * Loads the administrative units (../shared/data/admin_units) into a store, for the CLI and the
 * server's first start, and says in words what happened.
 */
import { join } from 'node:path';
import { err, ok, type Result } from '../../shared/result.ts';
import { sharedDataDir } from '../catalog/readCatalogSource.ts';
import type { AdminUnitsStore, StoredAdminUnits } from '../store/store.ts';
import { ADMIN_UNITS_DIR, readAdminUnits } from './readAdminUnits.ts';

export const defaultAdminUnitsDir = (): string => join(sharedDataDir(), ADMIN_UNITS_DIR);

export interface AdminUnitsImportOutcome {
  stored: StoredAdminUnits;
  changed: boolean;
  dir: string;
}

export async function importAdminUnits(store: AdminUnitsStore, dir: string): Promise<Result<AdminUnitsImportOutcome>> {
  const read = await readAdminUnits(dir);
  if (!read.ok) return read;
  const saved = await store.replaceAdminUnits(read.value.units, `import of ${dir}`);
  if (!saved.ok) return err(saved.error.reason);
  return ok({ ...saved.value, dir });
}

export function describeAdminUnitsImport({ stored, changed, dir }: AdminUnitsImportOutcome): string {
  const { units } = stored;
  const what = `administrative units "${units.version}" (${units.provinces.length} provinces, ${units.communes.length} communes, ${units.oldUnits.length} old units)`;
  return changed ? `imported ${what} from ${dir} as version ${stored.version}` : `${what} from ${dir} are the same as version ${stored.version}: nothing stored`;
}
