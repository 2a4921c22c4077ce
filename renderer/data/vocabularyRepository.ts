/**
 * The center's taught vocabulary on the device: kept as pulled (so the kiosk searches with it
 * offline), checked again when read back, and turned into the lexicons the search engine takes
 * (the bundled ones plus the taught entries, see shared/learning/centerVocabulary.ts).
 */
import type { Lexicon } from '../../shared/catalog/language/lexicon.ts';
import { BUNDLED_LEXICONS } from '../../shared/catalog/language/bundledLexicons.ts';
import type { CenterVocabulary } from '../../shared/learning/centerVocabulary.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { MotcuaDb, StoredDevice, VocabularyRow } from './db.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

export interface StoredVocabulary {
  vocabulary: CenterVocabulary;
  etag: string | null;
}

/** The vocabulary held, or null (never pulled, or of another center than the device's: it does not apply). */
export async function loadVocabulary(db: MotcuaDb): Promise<Result<StoredVocabulary | null, StorageError>> {
  try {
    const [row, device] = await Promise.all([db.vocabulary.get('center'), db.device.get('device')]);
    return await vocabularyFromRows(row, device);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/** The taught vocabulary in rows as read (through Dexie, or plainly at start: data/startRows.ts), checked; null when there is none to use. */
export async function vocabularyFromRows(row: VocabularyRow | undefined, device: StoredDevice | undefined): Promise<Result<StoredVocabulary | null, StorageError>> {
  if (!row) return ok(null);
  try {
    // The schema is loaded only when there is something to check: most kiosks were never taught a phrase.
    const { centerVocabularySchema } = await import('../../shared/learning/centerVocabulary.ts');
    const parsed = centerVocabularySchema.safeParse(row.vocabulary);
    // A damaged row or another center's teaching is not used; the next pull replaces it.
    if (!parsed.success || (device && device.centerCode !== parsed.data.centerCode)) return ok(null);
    return ok({ vocabulary: parsed.data, etag: row.etag });
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

export async function saveVocabulary(db: MotcuaDb, vocabulary: CenterVocabulary, etag: string | null, now = new Date()): Promise<Result<null, StorageError>> {
  try {
    await db.vocabulary.put({ key: 'center', vocabulary, etag, storedAt: now.toISOString() });
    return ok(null);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/**
 * The lexicons to search with: the bundled ones, with the center's entries on the Vietnamese one.
 * Entries the bundled lexicon cannot take are left out (counted in `refused`), never the whole lot.
 */
export async function lexiconsWith(vocabulary: CenterVocabulary | null): Promise<{ lexicons: { vi: Lexicon; en: Lexicon }; refused: number }> {
  if (!vocabulary || vocabulary.entries.length === 0) return { lexicons: BUNDLED_LEXICONS, refused: 0 };
  const { mergeVocabulary } = await import('../../shared/learning/centerVocabulary.ts');
  const merged = mergeVocabulary(BUNDLED_LEXICONS.vi, vocabulary);
  return {
    lexicons: { vi: merged.lexicon, en: BUNDLED_LEXICONS.en },
    refused: merged.refused.length,
  };
}
