/**
 * The parts of Vietnamese personal names the query scrubber looks for (shared/learning/scrubQuery.ts),
 * as versioned data: common surnames of the Kinh and of the ethnic minorities the kiosks serve
 * (Hmông Giàng/Thào/Vàng, Thái Lò/Cầm, Dao Bàn/Triệu, ...), middle names (Văn, Thị, Hmông A/Seo/Mí),
 * the titles people put before a name (ông, bà, bé) and the phrases that introduce one (tên là).
 * A centre that meets other names adds them to the file, not to code.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result.ts';
import { foldVietnamese } from '../catalog/foldVietnamese.ts';
import data from './nameParts.vi.json';

const wordSchema = z.string().trim().min(1).max(20).regex(/^[^\s]+$/u, 'one word, no spaces');

export const namePartsSchema = z.object({
  format: z.literal('motcua-name-parts'),
  version: z.number().int().positive(),
  language: z.literal('vi'),
  surnames: z.array(wordSchema).min(1),
  middleNames: z.array(wordSchema).min(1),
  /** Words before a name (ông, bà, bé): a capitalised word after one is taken as a name. */
  titles: z.array(wordSchema),
  /** Phrases after which comes a name (tên là). */
  introducers: z.array(z.string().trim().min(1).max(40)),
});
export type NameParts = z.infer<typeof namePartsSchema>;

/**
 * One list word compiled for matching: its folded spelling, and the exact lower-case spellings
 * (with tones) that count when the person typed tones. "hộ" typed with its tone is not "Hồ"; "ho"
 * typed bare may be either, and is taken as the name (privacy errs on the side of removing).
 */
export type WordSet = ReadonlyMap<string, ReadonlySet<string>>;

export interface CompiledNameParts {
  version: number;
  surnames: WordSet;
  middleNames: WordSet;
  titles: WordSet;
  introducers: readonly (readonly string[])[];
}

function compileWords(words: readonly string[]): WordSet {
  const out = new Map<string, Set<string>>();
  for (const w of words) {
    const folded = foldVietnamese(w);
    const set = out.get(folded) ?? new Set<string>();
    set.add(w.normalize('NFC').toLowerCase());
    out.set(folded, set);
  }
  return out;
}

export function compileNameParts(parts: NameParts): CompiledNameParts {
  return {
    version: parts.version,
    surnames: compileWords(parts.surnames),
    middleNames: compileWords(parts.middleNames),
    titles: compileWords(parts.titles),
    introducers: parts.introducers.map((p) => p.split(/\s+/u)),
  };
}

export function parseNameParts(input: unknown): Result<CompiledNameParts> {
  const parsed = namePartsSchema.safeParse(input);
  if (!parsed.success) return err(parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'name parts'}: ${i.message}`).join('; '));
  return ok(compileNameParts(parsed.data));
}

function bundled(): CompiledNameParts {
  const parsed = parseNameParts(data);
  // Checked by the unit tests; a broken file is a build error, not a citizen's problem.
  if (!parsed.ok) throw new Error(`bundled nameParts.vi.json is invalid: ${parsed.error}`);
  return parsed.value;
}

let bundledOnce: CompiledNameParts | null = null;

/** The name parts shipped with the app, read (and checked) the first time a query is scrubbed, not when the app starts. */
export function bundledNameParts(): CompiledNameParts {
  return (bundledOnce ??= bundled());
}
