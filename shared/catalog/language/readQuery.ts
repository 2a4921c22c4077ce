/**
 * Reads what a citizen typed as the things they asked for ("concepts"), using a lexicon (data)
 * and what the catalog knows (its vocabulary and the word pairs its names use):
 *  - half-converted Telex/VNI words are undone when the catalog knows the result ("giaays" → giấy);
 *  - the longest lexicon phrase wins at each position, and a tone the person typed must agree
 *    with the phrase (Lào is a country, lao is not); "{person} mất" needs a person just before;
 *  - question and filler words (tôi muốn … ở đâu) weigh almost nothing, persons (bố, con) a little;
 *  - every other word is asked for as typed.
 * Each concept keeps the person's own words as one reading (when the catalog uses them) and the
 * lexicon's catalog wording as others, so search can take whichever a procedure answers.
 */
import type { Lexicon, LexiconEntry, QualifierId, ConceptKind } from './lexicon.ts';
import { HOI_NGA_SWAP, readWords, toneAgreement, undoTyping, type TextWord, type Tone } from './vietnameseWords.ts';

/** One word to look up in the catalog. */
export interface WordRef {
  folded: string;
  tone: Tone;
  /** The tone was typed (or written in the lexicon), so it must agree with the catalog's. */
  toned: boolean;
  /** The last word of a query still being typed: completions count. */
  typing: boolean;
}

/** One reading of a concept: the words a procedure should have. */
export interface Alternative {
  words: WordRef[];
  /** Scales the summed word scores, so a long catalog wording weighs what the person typed. */
  scale: number;
  /** How sure this reading is (the person's words and the first catalog wording are surest). */
  trust: number;
  /** Shown to the person as what their words were read as. */
  label: string;
}

export type ConceptRole = 'required' | 'context' | 'filler';

export interface QueryConcept {
  /** What the person typed for it, as typed (lower case). */
  typed: string;
  role: ConceptRole;
  /** Multiplies its score; fillers and persons weigh less than what was asked. */
  weight: number;
  alternatives: Alternative[];
  /** The lexicon entry that read it, if any. */
  entry: { id: string; kind: ConceptKind } | null;
}

export interface ReadQuery {
  concepts: QueryConcept[];
  /** Variants the person asked for, from the lexicon's concepts. */
  asks: ReadonlySet<QualifierId>;
  /** Procedures the lexicon points at directly, with how much of the query pointed there. */
  procedures: ReadonlyMap<string, number>;
  /** The person types tones (at least one word carries a mark). */
  toned: boolean;
  /** Folded words as read (after undoing Telex/VNI). */
  folded: string[];
  /** Folded words outside lexicon phrases, where variant cues ("lại", "lưu động") are looked for. */
  plainWords: string[];
}

/** What the catalog knows, for deciding how to read a word. */
export interface CatalogWords {
  known(folded: string): boolean;
  /** The two words stand side by side in several procedure names ("cập nhật", "lao động"). */
  collocation(first: string, second: string): boolean;
  /** The two words stand side by side in at least one procedure name or result. */
  adjacent(first: string, second: string): boolean;
}

const PERSON_WEIGHT = 0.35;
const FILLER_WEIGHT = 0.1;
/** A catalog wording other than the first is a broader reading. */
const LATER_MEANING_TRUST = 0.85;
const MAX_MEANING_SCALE = 3;

interface PhraseWord {
  folded: string;
  tone: Tone;
  marked: boolean;
}

interface CompiledEntry {
  id: string;
  kind: ConceptKind;
  means: { words: PhraseWord[]; label: string }[];
  asks: QualifierId[];
  procedures: string[];
}

interface CompiledPhrase {
  words: PhraseWord[];
  before: ConceptKind | null;
  after: ConceptKind | null;
  entry: CompiledEntry;
}

export interface CompiledLexicon {
  phrases: ReadonlyMap<string, readonly CompiledPhrase[]>;
  /** Filler phrases and place names, by first word, longest first. */
  fillerPhrases: ReadonlyMap<string, readonly PhraseWord[][]>;
  fillerWords: ReadonlySet<string>;
  /** Filler words of a second language read alongside (English beside Vietnamese): never a lexicon word. */
  foreignFillers: ReadonlySet<string>;
  classifiers: ReadonlySet<string>;
  request: readonly PhraseWord[][];
  purpose: readonly PhraseWord[][];
  /** Every folded word the lexicon uses, so Telex undoing does not touch them. */
  words: ReadonlySet<string>;
  language: Lexicon['language'];
  version: number;
}

const asPhraseWords = (text: string): PhraseWord[] => readWords(text).map(({ folded, tone, marked }) => ({ folded, tone, marked }));

/**
 * Folds a validated lexicon once into lookups keyed by each phrase's first word. `foreignFillers`:
 * when the lexicon merges two languages, the filler words of the one the person types in.
 */
export function compileLexicon(lexicon: Lexicon, foreignFillers: readonly string[] = []): CompiledLexicon {
  const byId = new Map<string, LexiconEntry>(lexicon.entries.map((e) => [e.id, e]));
  const words = new Set<string>();
  const phrases = new Map<string, CompiledPhrase[]>();
  for (const e of lexicon.entries) {
    const target = e.sameAs !== undefined ? byId.get(e.sameAs) : undefined;
    const means = [...e.means, ...(target?.means ?? [])];
    const entry: CompiledEntry = {
      id: target?.id ?? e.id,
      kind: target?.kind ?? e.kind,
      means: means.map((m) => ({ words: asPhraseWords(m), label: m })).filter((m) => m.words.length > 0),
      asks: [...new Set([...e.asks, ...(target?.asks ?? [])])],
      procedures: [...new Set([...e.procedures, ...(target?.procedures ?? [])])],
    };
    for (const say of e.say) {
      const before = /^\{([a-z]+)\} /.exec(say)?.[1] as ConceptKind | undefined;
      const after = / \{([a-z]+)\}$/.exec(say)?.[1] as ConceptKind | undefined;
      const phraseWords = asPhraseWords(say.replace(/\{[a-z]+\}/g, ' '));
      const first = phraseWords[0];
      if (!first) continue;
      for (const w of phraseWords) words.add(w.folded);
      const list = phrases.get(first.folded) ?? [];
      list.push({ words: phraseWords, before: before ?? null, after: after ?? null, entry });
      phrases.set(first.folded, list);
    }
    for (const m of entry.means) for (const w of m.words) words.add(w.folded);
  }
  // Longest first; among equals, a phrase that needs a neighbour is more specific.
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length || Number(b.after !== null) - Number(a.after !== null) || Number(b.before !== null) - Number(a.before !== null));

  const fillerPhrases = new Map<string, PhraseWord[][]>();
  for (const p of [...lexicon.fillers.phrases, ...lexicon.fillers.places]) {
    const pw = asPhraseWords(p);
    if (pw.length === 0) continue;
    const list = fillerPhrases.get(pw[0]!.folded) ?? [];
    list.push(pw);
    fillerPhrases.set(pw[0]!.folded, list);
    for (const w of pw) words.add(w.folded);
  }
  for (const list of fillerPhrases.values()) list.sort((a, b) => b.length - a.length);
  const foldAll = (list: readonly string[]): Set<string> => new Set(list.flatMap((w) => readWords(w).map((x) => x.folded)));
  const fillerWords = foldAll(lexicon.fillers.words);
  const classifiers = foldAll(lexicon.fillers.classifiers);
  for (const w of [...fillerWords, ...classifiers]) words.add(w);
  return {
    phrases,
    fillerPhrases,
    fillerWords,
    foreignFillers: foldAll(foreignFillers),
    classifiers,
    request: lexicon.fillers.request.map(asPhraseWords).filter((p) => p.length > 0),
    purpose: lexicon.fillers.purpose.map(asPhraseWords).filter((p) => p.length > 0),
    words,
    language: lexicon.language,
    version: lexicon.version,
  };
}

/** An empty lexicon: search on catalog words alone (the ablation the benchmark reports). */
export const NO_LEXICON: CompiledLexicon = {
  phrases: new Map(),
  fillerPhrases: new Map(),
  fillerWords: new Set(),
  foreignFillers: new Set(),
  classifiers: new Set(),
  request: [],
  purpose: [],
  words: new Set(),
  language: 'vi',
  version: 0,
};

/**
 * Does a typed word stand for a phrase word? A typed tone must agree (hỏi/ngã may swap); a word
 * typed without marks matches any tone, except that in a query written with tones a bare
 * one-word phrase is taken as the bare word ("lao động" typed with tones is not Lào).
 */
function agrees(typed: TextWord, phrase: PhraseWord, single: boolean, queryToned: boolean): boolean {
  if (typed.folded !== phrase.folded) return false;
  if (typed.marked) return toneAgreement(typed.tone, phrase.tone) >= HOI_NGA_SWAP;
  return !(queryToned && single && phrase.marked);
}

/**
 * How many query words a phrase spans at `at`, or 0 when it does not match there. One classifier
 * may sit inside the phrase ("chia mảnh đất" is "chia đất").
 */
function matchWords(words: readonly TextWord[], at: number, phrase: readonly PhraseWord[], queryToned: boolean, classifiers: ReadonlySet<string>): number {
  const single = phrase.length === 1;
  let skipped = 0;
  let j = at;
  for (let k = 0; k < phrase.length; k += 1) {
    const w = words[j];
    if (!w) return 0;
    if (!agrees(w, phrase[k]!, single, queryToned)) {
      if (k === 0 || skipped > 0 || !classifiers.has(w.folded)) return 0;
      skipped += 1;
      j += 1;
      k -= 1;
      continue;
    }
    j += 1;
  }
  return j - at;
}

/** Numbers and ages ("40 tuổi", "dưới 14 tuổi"): they pick among variants but are rarely what is asked. */
const NO_CLASSIFIERS: ReadonlySet<string> = new Set();
const AGE_WORD = 'tuoi';
const AGE_CUES = new Set(['du', 'duoi', 'tren', 'tu', 'qua', 'hon', 'chua']);
/** How much what comes after "muốn/cần/xin" counts, and what comes after "để" (why they ask). */
const REQUEST_EMPHASIS = 1.6;
const PURPOSE_EMPHASIS = 0.6;
const CONTEXT_KIND_WEIGHT = 0.6;
const AGE_WEIGHT = 0.3;

/**
 * Reads a query. `typing` says the last word may still grow (no space after it yet).
 * `catalog` says what the catalog knows; see CatalogWords. `foreignWordsAreFiller`: in English a
 * word neither the lexicon nor the catalog knows is not Vietnamese, so it is no typo of a catalog word.
 */
export function readQuery(text: string, typing: boolean, lexicon: CompiledLexicon, catalog: CatalogWords, foreignWordsAreFiller = false): ReadQuery {
  const raw = readWords(text);
  // Undo Telex/VNI leftovers and a doubled last key ("độngg") in words nobody knows; the result
  // must be a word the catalog or the lexicon knows.
  const words: TextWord[] = raw.map((w) => {
    const knows = (folded: string): boolean => catalog.known(folded) || lexicon.words.has(folded);
    if (knows(w.folded)) return w;
    if (/(.)\1$/.test(w.folded) && knows(w.folded.slice(0, -1))) return { ...w, folded: w.folded.slice(0, -1) };
    const undone = undoTyping(w.folded);
    if (undone && knows(undone.folded)) {
      return { folded: undone.folded, tone: undone.tone, marked: undone.tone !== 0, text: w.text };
    }
    return w;
  });
  const toned = words.some((w) => w.marked);
  const last = words.length - 1;
  const concepts: (QueryConcept & { at: number })[] = [];
  const asks = new Set<QualifierId>();
  const procedures = new Map<string, number>();
  const plainWords: string[] = [];
  const classifiers = lexicon.classifiers;

  const ref = (w: TextWord, at: number): WordRef => ({ folded: w.folded, tone: w.tone, toned: w.marked, typing: typing && at === last });
  const typedText = (from: number, to: number): string => raw.slice(from, to).map((w) => w.text).join(' ');
  const lastMeaningful = (): QueryConcept | undefined => [...concepts].reverse().find((c) => c.role !== 'filler');

  /** The entry phrase that matches at `at` and how many words it spans, honouring slots; `kindOnly` asks only whether some phrase of that kind starts there. */
  function phraseAt(at: number, kindOnly?: ConceptKind): { phrase: CompiledPhrase; span: number } | undefined {
    const candidates = lexicon.phrases.get(words[at]?.folded ?? '');
    if (!candidates) return undefined;
    for (const p of candidates) {
      if (kindOnly !== undefined && (p.entry.kind !== kindOnly || p.before !== null || p.after !== null)) continue;
      const span = matchWords(words, at, p.words, toned, classifiers);
      if (span === 0) continue;
      // A one-word phrase is not read into a word of another language's fillers ("my" in English is no "Mỹ").
      if (p.words.length === 1 && lexicon.foreignFillers.has(words[at]!.folded)) continue;
      // A one-word phrase that is half of a catalog pair here is the catalog's word ("cập nhật").
      if (p.words.length === 1 && p.before === null && p.after === null) {
        const prev = words[at - 1];
        const next = words[at + 1];
        if ((prev && catalog.collocation(prev.folded, words[at]!.folded)) || (next && catalog.collocation(words[at]!.folded, next.folded))) continue;
      }
      // Typed without tones, a phrase wedged between two catalog pairs is those pairs
      // ("thay doi cai chinh" is "thay đổi, cải chính", not "dời cây").
      if (p.words.length > 1 && !words.slice(at, at + span).some((w) => w.marked)) {
        const prev = words[at - 1];
        const next = words[at + span];
        if (prev && next && catalog.collocation(prev.folded, words[at]!.folded) && catalog.collocation(words[at + span - 1]!.folded, next.folded)) continue;
      }
      if (p.before !== null && lastMeaningful()?.entry?.kind !== p.before) continue;
      if (p.after !== null && phraseAt(at + span, p.after) === undefined) continue;
      return { phrase: p, span };
    }
    return undefined;
  }

  /** The longest filler phrase at `at`, cut short where a lexicon phrase starts inside it ("làm | giấy qua biên giới"). */
  const fillerSpanAt = (at: number): number => {
    let best = 0;
    for (const p of lexicon.fillerPhrases.get(words[at]!.folded) ?? []) {
      if (p.length > best && matchWords(words, at, p, toned, NO_CLASSIFIERS) === p.length) best = p.length;
    }
    for (let k = 1; k < best; k += 1) {
      const inner = phraseAt(at + k);
      if (inner && at + k + inner.span > at + best) return k;
    }
    return best;
  };

  /**
   * Would a phrase starting inside [at, at + span) read more of the query than taking this one and
   * whatever follows it? Counts the words the lexicon reads in both ways; a phrase that opens with a
   * filler word counts half a word less ("làm | hộ khẩu riêng", but "giấy qua | Lào").
   */
  const overtakenWithin = (at: number, span: number): boolean => {
    const opensWithFiller = (from: number): number => (lexicon.fillerWords.has(words[from]!.folded) ? 0.5 : 0);
    const after = phraseAt(at + span);
    const taking = span - opensWithFiller(at) + (after ? after.span - opensWithFiller(at + span) : 0);
    for (let k = 1; k < span; k += 1) {
      const inner = phraseAt(at + k);
      if (inner && at + k + inner.span > at + span && inner.span - opensWithFiller(at + k) > taking) return true;
    }
    return false;
  };

  let emphasis = 1;
  let i = 0;
  while (i < words.length) {
    const found = phraseAt(i);
    const fillerSpan = fillerSpanAt(i);
    // Where the person asks (muốn, cần, xin) or says why (để), what follows counts more or less.
    const cue = (list: readonly PhraseWord[][]): number => list.find((p) => matchWords(words, i, p, toned, NO_CLASSIFIERS) === p.length)?.length ?? 0;
    const requestSpan = found ? 0 : cue(lexicon.request);
    const purposeSpan = found ? 0 : cue(lexicon.purpose);
    // Longest reading wins even when it starts a word later ("làm | hộ khẩu riêng", not "làm hộ khẩu | riêng").
    const overtaken = found !== undefined && overtakenWithin(i, found.span);
    if (found && !overtaken && found.span >= fillerSpan) {
      const { phrase, span } = found;
      const end = i + span;
      const typedWords = words.slice(i, end).filter((w) => !classifiers.has(w.folded) || phrase.words.some((p) => p.folded === w.folded));
      const { entry } = phrase;
      const alternatives: Alternative[] = [];
      // The entry's catalog wording is the reading ("so do" is no "sơ đồ"); without one, the person's
      // own words are, when the catalog says them as they were said.
      if (entry.means.length === 0 && typedWords.every((w, k) => catalog.known(w.folded) && (k === 0 || catalog.adjacent(typedWords[k - 1]!.folded, w.folded)))) {
        alternatives.push({ words: typedWords.map((w, k) => ref(w, i + k)), scale: 1, trust: 1, label: typedText(i, end) });
      }
      entry.means.forEach((m, k) => {
        alternatives.push({
          words: m.words.map((w) => ({ folded: w.folded, tone: w.tone, toned: w.marked, typing: false })),
          // Weighs what the typed words would: a short catalog wording for a long phrase counts as much.
          scale: Math.min(MAX_MEANING_SCALE, Math.max(typedWords.length, 1.5) / m.words.length),
          trust: k === 0 ? 1 : LATER_MEANING_TRUST,
          label: m.label,
        });
      });
      if (alternatives.length === 0) alternatives.push({ words: typedWords.map((w, k) => ref(w, i + k)), scale: 1, trust: 1, label: typedText(i, end) });
      const context = entry.kind === 'person' || entry.kind === 'country' || entry.kind === 'circumstance';
      concepts.push({
        at: i,
        typed: typedText(i, end),
        role: context ? 'context' : 'required',
        weight: (entry.kind === 'person' ? PERSON_WEIGHT : context ? CONTEXT_KIND_WEIGHT : 1) * emphasis,
        alternatives,
        entry: { id: entry.id, kind: entry.kind },
      });
      for (const q of entry.asks) asks.add(q);
      for (const code of entry.procedures) procedures.set(code, (procedures.get(code) ?? 0) + typedWords.length);
      i = end;
      continue;
    }
    if (requestSpan > 0 || purposeSpan > 0) {
      const span = Math.max(requestSpan, purposeSpan);
      for (let k = 0; k < span; k += 1) concepts.push(fillerConcept(words[i + k]!, i + k));
      emphasis = requestSpan >= purposeSpan ? REQUEST_EMPHASIS : PURPOSE_EMPHASIS;
      i += span;
      continue;
    }
    if (fillerSpan > 1) {
      for (let k = 0; k < fillerSpan; k += 1) concepts.push(fillerConcept(words[i + k]!, i + k));
      i += fillerSpan;
      continue;
    }
    // An age: "40 tuổi", "đủ 14 tuổi".
    const ageAt = AGE_CUES.has(words[i]!.folded) && /^\d+$/.test(words[i + 1]?.folded ?? '') ? i + 1 : i;
    if (/^\d+$/.test(words[ageAt]!.folded) && words[ageAt + 1]?.folded === AGE_WORD) {
      const end = ageAt + 2;
      concepts.push({
        at: i,
        typed: typedText(i, end),
        role: 'context',
        weight: AGE_WEIGHT,
        alternatives: [{ words: words.slice(i, end).map((w, k) => ref(w, i + k)), scale: 1, trust: 1, label: typedText(i, end) }],
        entry: null,
      });
      i = end;
      continue;
    }
    const w = words[i]!;
    const prev = words[i - 1];
    const next = words[i + 1];
    // A filler that is half of a catalog pair with a word that matters ("cho thuê", "cấp xã") is that word.
    const pairsWithMeaning =
      (prev !== undefined && !lexicon.fillerWords.has(prev.folded) && catalog.collocation(prev.folded, w.folded)) ||
      (next !== undefined && !lexicon.fillerWords.has(next.folded) && catalog.collocation(w.folded, next.folded));
    const foreign = foreignWordsAreFiller && !catalog.known(w.folded) && !(typing && i === last);
    const filler = lexicon.fillerWords.has(w.folded) || classifiers.has(w.folded) || fillerSpan === 1;
    if (foreign || (filler && !pairsWithMeaning && !(typing && i === last))) {
      concepts.push(fillerConcept(w, i));
    } else {
      plainWords.push(w.folded);
      concepts.push({ at: i, typed: w.text, role: 'required', weight: emphasis, alternatives: [{ words: [ref(w, i)], scale: 1, trust: 1, label: w.text }], entry: null });
    }
    i += 1;
  }
  // Only fillers or persons typed ("cho", "bố"): then they are what was asked.
  if (!concepts.some((c) => c.role === 'required')) {
    for (const c of concepts) Object.assign(c, { role: 'required', weight: 1 });
  }
  // The same concept said twice ("cưới xong về làm dâu") counts once, where it weighs most.
  const kept: QueryConcept[] = [];
  const byEntry = new Map<string, QueryConcept>();
  for (const { at: _at, ...c } of concepts) {
    const id = c.entry?.id;
    const seen = id === undefined ? undefined : byEntry.get(id);
    if (seen) {
      if (c.weight > seen.weight) seen.weight = c.weight;
      continue;
    }
    if (id !== undefined) byEntry.set(id, c);
    kept.push(c);
  }
  return { concepts: kept, asks, procedures, toned, folded: words.map((w) => w.folded), plainWords };

  function fillerConcept(w: TextWord, at: number): QueryConcept & { at: number } {
    return { at, typed: w.text, role: 'filler', weight: FILLER_WEIGHT, alternatives: [{ words: [ref(w, at)], scale: 1, trust: 1, label: w.text }], entry: null };
  }
}
