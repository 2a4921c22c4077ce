/**
 * What a center admin's device asks the server about learning (shared by the server's routes and
 * the counter's admin screen): the searches citizens typed that found nothing or were abandoned,
 * what was taught, and the request that teaches a phrase.
 */
import { z } from 'zod';
import { procedureCodeSchema } from '../catalog/procedure.ts';
import { learnedEntrySchema } from './centerVocabulary.ts';
import { MAX_QUERY_LENGTH } from './scrubQuery.ts';

/** One line of the admin's list: all searches with the same folded query. */
export const unmatchedQuerySchema = z.object({
  /** The folded query (scrubQuery.ts queryKey): what the line counts under. */
  key: z.string(),
  /** The spelling citizens used most often, as typed (tones kept). */
  text: z.string(),
  /** Searches that found nothing or were abandoned (none + abandoned). */
  count: z.number().int().nonnegative(),
  none: z.number().int().nonnegative(),
  abandoned: z.number().int().nonnegative(),
  lastSeen: z.iso.datetime({ offset: true }),
});
export type UnmatchedQuery = z.infer<typeof unmatchedQuerySchema>;

export const unmatchedAnswerSchema = z.object({
  /** Searches before this are deleted (the retention). */
  since: z.iso.datetime({ offset: true }),
  retentionDays: z.number().int().positive(),
  queries: z.array(unmatchedQuerySchema),
});
export type UnmatchedAnswer = z.infer<typeof unmatchedAnswerSchema>;

export const unmatchedRequestSchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** Who taught it, as the admin's device knows its staff (kept for the center's own review). */
export const teacherSchema = z.object({ staffId: z.string().trim().min(1).max(64), staffName: z.string().trim().min(1).max(100) });

/** A phrase is a few words: long enough to mean something, short enough to be said again. */
export const teachPhraseSchema = z.string().trim().min(2).max(80);

export const teachTargetSchema = z.discriminatedUnion('kind', [
  /** The phrase points straight at these procedures. */
  z.object({ kind: z.literal('procedures'), codes: z.array(procedureCodeSchema).min(1).max(5) }),
  /** The phrase means what an existing concept of the lexicon means (sameAs). */
  z.object({ kind: z.literal('concept'), id: z.string().trim().min(1).max(80) }),
]);
export type TeachTarget = z.infer<typeof teachTargetSchema>;

export const teachRequestSchema = z.object({
  /**
   * At least two ways of saying it, as the lexicon asks of every entry (an entry is a concept, not
   * one query): the citizens' phrase and another way people say the same thing. Two spellings of
   * one phrase (with and without tones) are one phrasing and do not count twice.
   */
  phrases: z.array(teachPhraseSchema).min(2).max(6),
  target: teachTargetSchema,
  /** The citizen's search from the list this answers; it becomes the entry's example, and must then be found. */
  query: z.string().trim().min(1).max(MAX_QUERY_LENGTH).nullable(),
  by: teacherSchema.nullable(),
});
export type TeachRequest = z.infer<typeof teachRequestSchema>;

export const taughtEntrySchema = z.object({
  entry: learnedEntrySchema,
  taughtAt: z.iso.datetime({ offset: true }),
  taughtBy: z.string().nullable(),
});
export type TaughtEntry = z.infer<typeof taughtEntrySchema>;

export const taughtAnswerSchema = z.object({ version: z.number().int().nonnegative(), entries: z.array(taughtEntrySchema) });
export type TaughtAnswer = z.infer<typeof taughtAnswerSchema>;

export const teachAnswerSchema = z.object({ version: z.number().int().positive(), entry: learnedEntrySchema });
export type TeachAnswer = z.infer<typeof teachAnswerSchema>;

/**
 * Why a phrase was not taught, as a stable code the admin screen translates (learning.problem.*)
 * with the phrase or entry it is about; `reason` says it in English for logs and other clients.
 */
export const teachProblemCodeSchema = z.enum([
  'same_phrasing',
  'personal_data',
  'only_fillers',
  'phrase_known',
  'unknown_concept',
  'unknown_procedure',
  'too_many',
  'not_found_after',
  'invalid',
]);
export type TeachProblemCode = z.infer<typeof teachProblemCodeSchema>;

export const teachProblemSchema = z.object({
  error: z.literal('teach_refused'),
  code: teachProblemCodeSchema,
  /** The phrase, procedure, concept or query the problem is about, if one. */
  subject: z.string().nullable(),
  reason: z.string(),
});
export type TeachProblem = z.infer<typeof teachProblemSchema>;
