/**
 * Turns an admin's mapping (phrases → procedures, or phrases → an existing concept) into one
 * lexicon entry of kind `learned`, checked like every other entry: two real phrasings (two that
 * fold to the same words count once), no personal data, not only filler words, not a phrase the
 * lexicon already reads, a concept or procedures that exist, and an example (the citizen's own
 * search) that the server then runs through the engine to prove the kiosk will find the answer.
 *
 * A phrase mapped to procedures also `means` their catalog names: the phrase is then read as the
 * catalog's own wording, as the bundled concepts are ("độc thân" means "xác nhận tình trạng hôn
 * nhân"), so a half-typed last word ("còn so…") cannot drift to look-alike catalog words.
 */
import { foldVietnamese } from '../catalog/foldVietnamese.ts';
import type { Lexicon, LexiconEntry } from '../catalog/language/lexicon.ts';
import { err, ok, type Result } from '../result.ts';
import { learnedEntrySchema, MAX_TAUGHT_ENTRIES, mergeVocabulary, type LearnedEntry } from './centerVocabulary.ts';
import type { TeachProblem, TeachProblemCode, TeachRequest } from './learningApi.ts';
import { scrubQuery } from './scrubQuery.ts';

export interface TeachContext {
  /** The bundled lexicon the center's entries go on top of. */
  base: Lexicon;
  /** What the center was taught before. */
  taught: readonly LearnedEntry[];
  /** The name of a procedure in the catalog the devices search, or undefined when it holds no such code. */
  procedureName(code: string): string | undefined;
}

const problem = (code: TeachProblemCode, subject: string | null, reason: string): TeachProblem => ({ error: 'teach_refused', code, subject, reason });

/** Folded words of a phrase, with a slot like {person} left out. */
const phraseKey = (phrase: string): string => foldVietnamese(phrase.replace(/\{[a-z]+\}/g, ' '));

/** What a concept is about, for choosing it in a list and for proving a mapping works. */
export function conceptProcedures(entry: LexiconEntry): string[] {
  return [...new Set([...entry.procedures, ...entry.examples.flatMap((e) => e.expect)])];
}

function slugOf(phrase: string): string {
  const slug = phraseKey(phrase).replace(/ /g, '-').slice(0, 40).replace(/-+$/, '');
  return slug === '' ? 'phrase' : slug;
}

export function buildLearnedEntry(request: TeachRequest, context: TeachContext): Result<LearnedEntry, TeachProblem> {
  if (context.taught.length >= MAX_TAUGHT_ENTRIES) {
    return err(problem('too_many', null, `this center has ${MAX_TAUGHT_ENTRIES} taught phrases already; take some back first`));
  }
  const phrases = request.phrases.map((p) => p.normalize('NFC').replace(/\s+/gu, ' ').trim());

  const fillers = new Set(context.base.fillers.words.map(foldVietnamese));
  const seen = new Map<string, string>();
  for (const phrase of phrases) {
    const key = phraseKey(phrase);
    if (/[{}]/.test(phrase) || key === '') return err(problem('invalid', phrase, `"${phrase}" is not a phrase a citizen types`));
    if (phraseKey(scrubQuery(phrase).text) !== key) {
      return err(problem('personal_data', phrase, `"${phrase}" holds a number or a name, which the kiosk never keeps`));
    }
    if (key.split(' ').every((w) => fillers.has(w))) {
      return err(problem('only_fillers', phrase, `"${phrase}" is only words like "tôi muốn", which say nothing about a procedure`));
    }
    const twin = seen.get(key);
    if (twin !== undefined) {
      return err(problem('same_phrasing', phrase, `"${twin}" and "${phrase}" are one phrasing (they differ only in tones or case); add another way people say it`));
    }
    seen.set(key, phrase);
  }

  for (const entry of [...context.base.entries, ...context.taught]) {
    for (const say of entry.say) {
      const phrase = seen.get(phraseKey(say));
      if (phrase !== undefined && !say.includes('{')) {
        return err(problem('phrase_known', phrase, `the kiosk already reads "${phrase}" (${entry.id}); teaching it again would compete with that`));
      }
    }
  }

  let procedures: string[] = [];
  let means: string[] = [];
  let sameAs: string | undefined;
  let expect: string[];
  if (request.target.kind === 'procedures') {
    const unknown = request.target.codes.find((c) => context.procedureName(c) === undefined);
    if (unknown) return err(problem('unknown_procedure', unknown, `procedure ${unknown} is not in the catalog the devices search`));
    procedures = [...new Set(request.target.codes)];
    means = procedures.map((c) => context.procedureName(c)!);
    expect = procedures;
  } else {
    const id = request.target.id;
    // Only the bundled concepts: a taught entry may itself point elsewhere, and the lexicon follows sameAs one step.
    const concept = context.base.entries.find((e) => e.id === id);
    if (!concept) return err(problem('unknown_concept', id, `no concept "${id}" in the lexicon`));
    sameAs = concept.id;
    expect = conceptProcedures(concept).filter((c) => context.procedureName(c) !== undefined);
    if (expect.length === 0) return err(problem('unknown_concept', id, `the concept "${id}" points at no procedure of this catalog`));
  }

  const queries = [...new Set([request.query ? scrubQuery(request.query).text : '', phrases[0]!].filter((q) => q !== ''))];
  const taken = new Set([...context.base.entries, ...context.taught].map((e) => e.id));
  const stem = `learned.${slugOf(phrases[0]!)}`;
  let id = stem;
  for (let n = 2; taken.has(id); n += 1) id = `${stem}-${n}`;

  const parsed = learnedEntrySchema.safeParse({
    id,
    kind: 'learned',
    say: phrases,
    means,
    asks: [],
    procedures,
    ...(sameAs ? { sameAs } : {}),
    examples: queries.map((query) => ({ query, expect })),
  });
  if (!parsed.success) return err(problem('invalid', null, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
  const merged = mergeVocabulary(context.base, { version: 1, entries: [...context.taught, parsed.data] });
  const refusal = merged.refused.find((r) => r.id === parsed.data.id);
  if (refusal) return err(problem('invalid', null, refusal.reason));
  return ok(parsed.data);
}
