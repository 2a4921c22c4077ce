/**
 * The language layer of search as data: how citizens say what the catalog calls by its legal name.
 * A lexicon is a versioned JSON document (shipped with the app, replaceable from the server) of
 * filler words and of concepts. Each concept is general ("a death in the family", "the land-use
 * certificate", "a neighbouring country"), has at least two phrasings and an example query that
 * tests it; an admin who teaches the kiosk a new phrase adds one more entry of the same shape.
 *
 * Phrases are written as people write them, with tones: a tone typed by the citizen must agree
 * (Lào is not lao), a word typed without tones matches any tone. A phrase may name a neighbouring
 * concept kind in braces: "{person} mất" is a death, "mất {document}" a lost paper.
 */
import { z } from 'zod';
import { procedureCodeSchema } from '../procedure.ts';
import { err, ok, type Result } from '../../result.ts';

/** What a concept is; decides how much it weighs and what a slot like {person} refers to. */
export const conceptKindSchema = z.enum([
  /** Something that happened: a birth, a death, a wedding, a flood. */
  'event',
  /** Whom it is for: bố, mẹ, con, vợ. Helps reading the query, rarely in a procedure's name. */
  'person',
  /** A paper people name in their own words: sổ đỏ, hộ khẩu, giấy chứng tử. */
  'document',
  /** What the person wants done: làm lại, sửa, sang tên. */
  'action',
  /** A country or nationality: asks for the foreign (and border) variants. */
  'country',
  /** A circumstance that picks a variant: cannot come in (mobile), lost the register (again). */
  'circumstance',
  /** A subject people name: ruộng, xe máy, bảo hiểm. */
  'topic',
  /** A short form: cccd, bhxh, gcn. */
  'abbreviation',
  /** Taught by an admin from what citizens typed. */
  'learned',
]);
export type ConceptKind = z.infer<typeof conceptKindSchema>;

/** Rare variants a query can ask for (see procedureVariants.ts). */
export const qualifierIdSchema = z.enum(['foreign', 'border', 'mobile', 'again', 'organisation']);
export type QualifierId = z.infer<typeof qualifierIdSchema>;

const phraseSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((p) => !/[{}]/.test(p.replace(/^\{[a-z]+\} /, '').replace(/ \{[a-z]+\}$/, '')), 'a slot like {person} may only open or close a phrase');

const exampleSchema = z.object({
  /** A query a citizen could type; written for the entry, never taken from an evaluation set. */
  query: z.string().trim().min(1),
  /** Any of these in the first five results (or as the answer elsewhere) passes. */
  expect: z.array(procedureCodeSchema).min(1),
});

export const lexiconEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'ids look like event.death'),
  kind: conceptKindSchema,
  /** How people say it: at least two phrasings, so an entry is a concept and not one query. */
  say: z.array(phraseSchema).min(2),
  /** The catalog's wording for it; each is one alternative reading. Empty: only the typed words count. */
  means: z.array(z.string().trim().min(1)).default([]),
  /** Variants of procedures the concept asks for (a foreign spouse asks for "có yếu tố nước ngoài"). */
  asks: z.array(qualifierIdSchema).default([]),
  /** Procedures the concept points at directly (what an admin maps a phrase to). */
  procedures: z.array(procedureCodeSchema).default([]),
  /** Share the meaning of another entry (an admin maps a new phrase to a known concept). */
  sameAs: z.string().optional(),
  examples: z.array(exampleSchema).min(1),
});
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;

export const lexiconSchema = z
  .object({
    format: z.literal('motcua-lexicon'),
    /** Grows with every change; the kiosk keeps the newest it has validated. */
    version: z.number().int().positive(),
    language: z.enum(['vi', 'en']),
    /** Words and phrases around a request that say nothing about which procedure (tôi muốn, ở đâu). */
    fillers: z.object({
      words: z.array(z.string().trim().min(1)),
      phrases: z.array(z.string().trim().min(1)),
      /** Place names (provinces, villages): where the person lives says nothing about the procedure. */
      places: z.array(z.string().trim().min(1)).default([]),
      /** Classifiers (mảnh, chiếc, căn): skipped inside a phrase, so "chia mảnh đất" reads as "chia đất". */
      classifiers: z.array(z.string().trim().min(1)).default([]),
      /** Words after which comes what the person asks for (muốn, cần, xin): that part counts more. */
      request: z.array(z.string().trim().min(1)).default([]),
      /** Words after which comes only why they ask (để): that part counts less. */
      purpose: z.array(z.string().trim().min(1)).default([]),
    }),
    entries: z.array(lexiconEntrySchema),
  })
  .superRefine((lexicon, ctx) => {
    const ids = new Set<string>();
    lexicon.entries.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `duplicate id ${e.id}` });
      ids.add(e.id);
    });
    lexicon.entries.forEach((e, i) => {
      if (e.sameAs !== undefined && !ids.has(e.sameAs)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'sameAs'], message: `no entry ${e.sameAs}` });
      for (const phrase of e.say) {
        const slot = /\{([a-z]+)\}/.exec(phrase)?.[1];
        if (slot !== undefined && !conceptKindSchema.safeParse(slot).success) {
          ctx.addIssue({ code: 'custom', path: ['entries', i, 'say'], message: `unknown slot {${slot}} in "${phrase}"` });
        }
      }
    });
  });
export type Lexicon = z.infer<typeof lexiconSchema>;

/** Validates a lexicon from anywhere (bundled file, server, admin edit) into a value or a readable reason. */
export function parseLexicon(input: unknown): Result<Lexicon> {
  const parsed = lexiconSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err(
    parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'lexicon'}: ${i.message}`)
      .join('; '),
  );
}
