/**
 * A center's taught vocabulary: the lexicon entries (kind `learned`) its admins taught from what
 * citizens typed, versioned per center. Devices pull it (GET with ETag, like the catalog) and search
 * with the bundled lexicon plus these entries, validated by the same lexicon schema. The server
 * sends only the taught entries, not a whole lexicon, so a kiosk that gets a newer app (a newer
 * bundled lexicon) keeps the center's teaching on top of it.
 */
import { z } from 'zod';
import { lexiconEntrySchema, parseLexicon, type Lexicon, type LexiconEntry } from '../catalog/language/lexicon.ts';

/** Taught entries per center; a center that needs more should improve the bundled lexicon instead. */
export const MAX_TAUGHT_ENTRIES = 500;

export const learnedEntrySchema = lexiconEntrySchema.extend({ kind: z.literal('learned'), id: z.string().regex(/^learned\.[a-z0-9-]+$/, 'taught ids look like learned.con-son') });
export type LearnedEntry = z.infer<typeof learnedEntrySchema>;

export const centerVocabularySchema = z.object({
  format: z.literal('motcua-center-vocabulary'),
  centerCode: z.string().min(1).max(20),
  /** 0 until something is taught; grows with every change (teach or take back). */
  version: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
  entries: z.array(learnedEntrySchema).max(MAX_TAUGHT_ENTRIES),
});
export type CenterVocabulary = z.infer<typeof centerVocabularySchema>;

export interface MergedLexicon {
  lexicon: Lexicon;
  /** Entries the base lexicon cannot take (e.g. the concept they point at is gone), with why. */
  refused: { id: string; reason: string }[];
}

/**
 * The version of a merged lexicon: it must grow when either part changes, and both parts only grow
 * on a device, so base × 1,000,000 + vocabulary version does (and reads back: 2000007 is bundled
 * version 2 with the center's version 7).
 */
export const mergedLexiconVersion = (base: number, vocabulary: number): number => base * 1_000_000 + vocabulary;

/**
 * The base lexicon with the center's taught entries added, checked by parseLexicon as any lexicon
 * is. An entry the base cannot take is left out with its reason; the others still count.
 */
export function mergeVocabulary(base: Lexicon, vocabulary: Pick<CenterVocabulary, 'version' | 'entries'>): MergedLexicon {
  if (vocabulary.entries.length === 0) return { lexicon: base, refused: [] };
  const version = mergedLexiconVersion(base.version, vocabulary.version);
  const whole = parseLexicon({ ...base, version, entries: [...base.entries, ...vocabulary.entries] });
  if (whole.ok) return { lexicon: whole.value, refused: [] };
  // One at a time, to keep every entry that is fine on its own.
  const accepted: LexiconEntry[] = [];
  const refused: MergedLexicon['refused'] = [];
  for (const entry of vocabulary.entries) {
    const tried = parseLexicon({ ...base, version, entries: [...base.entries, ...accepted, entry] });
    if (tried.ok) accepted.push(entry);
    else refused.push({ id: entry.id, reason: tried.error });
  }
  return { lexicon: { ...base, version, entries: [...base.entries, ...accepted] }, refused };
}
