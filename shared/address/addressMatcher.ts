/**
 * Finds a commune from what a person types about their address, old or new: "xa yen thanh huyen yen
 * mo", "Phường 12 quận 3", "Đông Ngạc". Since July 2025 many still know only their old commune and
 * district, so every pre-2025 unit is searchable beside the 3,321 new communes, and an old name
 * answers with the new commune(s) it went to (all of them when it was split).
 *
 * A unit's name must appear in the query as whole words (folded: tones optional; the last word may be
 * half-typed; one slip of a letter is forgiven in longer words); the rest of the query then counts for
 * a unit when it names the unit's district or province. Tones count when typed: "Lào" is not "Lao".
 * Pure and synchronous; the kiosk, the counter's address field and `npm run address` share it.
 */
import { foldVietnamese } from '../catalog/foldVietnamese.ts';
import { shortUnitName, type AdminUnits } from './adminUnits.ts';

export interface AddressHit {
  /** The new commune (GSO code) the person belongs to now. */
  code: string;
  /** Its full name, e.g. "Xã Yên Mô". */
  name: string;
  provinceCode: string;
  /** The new province's full name. */
  province: string;
  /** The old unit the query named, when it named one; null when it named the new commune itself. */
  old: { code: string; name: string; district: string | null; province: string; split: boolean } | null;
  score: number;
  /** The query words this answer used (for showing why it matched). */
  matched: string[];
}

export interface AddressMatcher {
  match(query: string, options?: { limit?: number }): AddressHit[];
  /** Number of searchable names (new communes + old units). */
  readonly size: number;
}

interface Context {
  /** Folded words of a district or province name without its type. */
  words: string[];
  weight: number;
}

interface Entry {
  kind: 'new' | 'old';
  /** Folded words of the short name. */
  words: string[];
  /** The same words as written, lower case (for the tone check). */
  toned: string[];
  /** Their marks, worked out the first time a query reaches this entry. */
  marks?: MarkKey[];
  /** Folded type words ("xa", "phuong", "thi tran", ...). */
  type: string;
  contexts: Context[];
  /** Index into communes (new) or oldUnits (old). */
  ref: number;
}

interface QueryWord {
  raw: string;
  folded: string;
  marks: MarkKey;
}

const DEFAULT_LIMIT = 10;
/** Answers scoring this much below the best are left out (about two name words). */
const REACH = 4.5;

/** Words that name a unit's type, folded (with common abbreviations), mapped to the type they name. */
const TYPE_WORDS: ReadonlyArray<[string[], string]> = [
  [['thi', 'tran'], 'thi tran'],
  [['thi', 'xa'], 'thi xa'],
  [['thanh', 'pho'], 'thanh pho'],
  [['dac', 'khu'], 'dac khu'],
  [['xa'], 'xa'],
  [['phuong'], 'phuong'],
  [['huyen'], 'huyen'],
  [['quan'], 'quan'],
  [['tinh'], 'tinh'],
];

const SINGLE_TYPE_WORDS = new Set(TYPE_WORDS.filter(([ws]) => ws.length === 1).map(([ws]) => ws[0]!));

/** Abbreviations of type words on envelopes and forms ("P.12, Q.3", "TT Mèo Vạc"), spelled out before matching. */
const ABBREVIATIONS = new Map<string, string[]>([
  ['tt', ['thi', 'tran']],
  ['tx', ['thi', 'xa']],
  ['tp', ['thanh', 'pho']],
  ['p', ['phuong']],
  ['q', ['quan']],
  ['h', ['huyen']],
]);

/** Words people add around an address that name nothing: they cost nothing when left over. */
const FILLER = new Set(
  ['cu', 'moi', 'nay', 'la', 'thuoc', 'o', 'tai', 'dia', 'chi', 've', 'truoc', 'day', 'gio', 'tu', 'cua', 'toi', 'nha', 'que', 'va', 'thon', 'xom', 'ap', 'ban', 'to', 'so', 'duong'].map((w) => w),
);

const SCORE = {
  /** Per word of the unit's name found. */
  nameWord: 2,
  /** The whole name found, not only its beginning. */
  wholeName: 1,
  /** Per word of a district or province name found elsewhere in the query. */
  contextWord: 1.5,
  /** The type word right before the name agrees ("xã Yên Thành") or disagrees ("huyện ..."). */
  typeAgrees: 0.6,
  typeDisagrees: -0.8,
  /** Per word typed with the same tones as the name; a word typed with other tones costs more. */
  toneAgrees: 0.25,
  toneDisagrees: -2.5,
  /** A word corrected for one slip; per word of the name half-typed or not yet typed at the end. */
  corrected: -1.2,
  partial: -0.4,
  /** Per query word that nothing explains. */
  unexplained: -0.7,
  /** The new commune itself is preferred to an old unit of the same name that kept it. */
  oldUnit: -0.05,
};

/** Lower-case words as typed, split at anything that is not a letter or digit, and between letters and digits ("q3"). */
function queryWords(query: string): QueryWord[] {
  return query
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)
    .filter((w) => w !== '')
    .flatMap((raw) => {
      const folded = foldVietnamese(raw);
      const spelled = ABBREVIATIONS.get(folded);
      return spelled ? spelled.map((w) => ({ raw: w, folded: w })) : [{ raw, folded }];
    })
    .filter((w) => w.folded !== '')
    .map((w) => ({ ...w, marks: markKey(w.raw) }));
}

interface MarkKey {
  base: string;
  marks: string[];
  hasD: boolean;
}

/** Base letters (đ kept apart from d) and the marks a word carries, so "thuý" and "thúy" compare equal. */
function markKey(word: string): MarkKey {
  const nfd = word.normalize('NFD');
  let base = '';
  const marks: string[] = [];
  for (const ch of nfd) {
    const c = ch.charCodeAt(0);
    if (c >= 0x0300 && c <= 0x036f) marks.push(ch);
    else base += ch === 'y' ? 'i' : ch;
  }
  return { base, marks: marks.sort(), hasD: base.includes('đ') };
}

function agreement(t: MarkKey, n: MarkKey): -1 | 0 | 1 {
  if (t.marks.length === 0 && !t.hasD) return 0;
  if (t.hasD !== n.hasD) return -1;
  let j = 0;
  // Both mark lists are sorted: every typed mark must be found among the name's.
  for (const m of t.marks) {
    while (j < n.marks.length && n.marks[j]! < m) j += 1;
    if (j >= n.marks.length || n.marks[j] !== m) return -1;
    j += 1;
  }
  return t.marks.length === n.marks.length ? 1 : 0;
}

/**
 * +1: typed with the name's marks; 0: typed without marks (or with fewer of them: a half-toned word is
 * not wrong); -1: typed with a mark the name does not have ("lào" for "lao").
 */
export function toneAgreement(typed: string, name: string): -1 | 0 | 1 {
  return agreement(markKey(typed), markKey(name));
}

/** Damerau edit distance of at most 1 (one letter wrong, missing, extra, or two swapped). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function words(folded: string): string[] {
  return folded === '' ? [] : folded.split(' ');
}

function typeOf(fullName: string): string {
  const short = shortUnitName(fullName);
  if (short === fullName.trim()) return '';
  return foldVietnamese(fullName.trim().slice(0, fullName.trim().length - short.length));
}

export function createAddressMatcher(units: AdminUnits): AddressMatcher {
  const provinceByCode = new Map(units.provinces.map((p) => [p.code, p]));
  const oldProvinceByCode = new Map(units.oldProvinces.map((p) => [p.code, p]));
  const oldDistrictByCode = new Map(units.oldDistricts.map((d) => [d.code, d]));
  const communeByCode = new Map(units.communes.map((c) => [c.code, c]));
  const shortWords = (name: string) => words(foldVietnamese(shortUnitName(name)));

  // Which old provinces went into each new province (a new commune may be found by its old province's name).
  const oldProvincesOfNew = new Map<string, Set<string>>();
  for (const u of units.oldUnits) {
    for (const to of u.to) {
      const p = communeByCode.get(to)?.province;
      if (!p) continue;
      if (!oldProvincesOfNew.has(p)) oldProvincesOfNew.set(p, new Set());
      oldProvincesOfNew.get(p)!.add(u.province);
    }
  }

  const entries: Entry[] = [];
  units.communes.forEach((c, ref) => {
    const contexts: Context[] = [{ words: shortWords(provinceByCode.get(c.province)?.name ?? ''), weight: 1 }];
    for (const old of oldProvincesOfNew.get(c.province) ?? []) {
      const name = oldProvinceByCode.get(old)?.name;
      if (name) contexts.push({ words: shortWords(name), weight: 0.8 });
    }
    entries.push({
      kind: 'new',
      words: shortWords(c.name),
      toned: shortUnitName(c.name).normalize('NFC').toLowerCase().split(/\s+/),
      type: typeOf(c.name),
      contexts: contexts.filter((x) => x.words.length > 0),
      ref,
    });
  });
  units.oldUnits.forEach((u, ref) => {
    const contexts: Context[] = [];
    const district = u.district ? oldDistrictByCode.get(u.district) : undefined;
    if (district) contexts.push({ words: shortWords(district.name), weight: 1 });
    const oldProvince = oldProvinceByCode.get(u.province);
    if (oldProvince) contexts.push({ words: shortWords(oldProvince.name), weight: 1 });
    for (const p of new Set(u.to.map((code) => communeByCode.get(code)?.province))) {
      const name = p ? provinceByCode.get(p)?.name : undefined;
      if (name && name !== oldProvince?.name) contexts.push({ words: shortWords(name), weight: 0.8 });
    }
    entries.push({
      kind: 'old',
      words: shortWords(u.name),
      toned: shortUnitName(u.name).normalize('NFC').toLowerCase().split(/\s+/),
      type: typeOf(u.name),
      contexts: contexts.filter((x) => x.words.length > 0),
      ref,
    });
  });

  // Entries by the first word of their name; the distinct first words sorted, for half-typed lookups.
  const byFirst = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const first = e.words[0];
    if (first === undefined) return;
    if (!byFirst.has(first)) byFirst.set(first, []);
    byFirst.get(first)!.push(i);
  });
  const firstWords = [...byFirst.keys()].sort();
  const vocabulary = new Set(entries.flatMap((e) => e.words));
  const vocabularyList = [...vocabulary];

  /** Words a query word may stand for: itself, or for a word of 4+ letters not in any name, its one-slip neighbours. */
  function readings(word: string): Array<{ word: string; corrected: boolean }> {
    if (vocabulary.has(word) || word.length < 4) return [{ word, corrected: false }];
    return vocabularyList.filter((v) => v.length >= 3 && withinOneEdit(word, v)).map((v) => ({ word: v, corrected: true }));
  }

  function firstWordsWithPrefix(prefix: string): string[] {
    let lo = 0;
    let hi = firstWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (firstWords[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < firstWords.length && firstWords[i]!.startsWith(prefix); i += 1) out.push(firstWords[i]!);
    return out;
  }

  /** What a query offers every candidate: its words and, per position, the type word ending right before it. */
  interface Prepared {
    q: QueryWord[];
    typeBefore: Array<{ type: string; length: number } | null>;
    positions: Map<string, number[]>;
  }

  function prepare(q: QueryWord[]): Prepared {
    const typeBefore = q.map((_, at) => {
      for (const [ws, type] of TYPE_WORDS) {
        const start = at - ws.length;
        if (start >= 0 && ws.every((w, k) => q[start + k]!.folded === w)) return { type, length: ws.length };
      }
      return null;
    });
    typeBefore.push(null);
    const positions = new Map<string, number[]>();
    q.forEach((w, k) => {
      if (!positions.has(w.folded)) positions.set(w.folded, []);
      positions.get(w.folded)!.push(k);
    });
    return { q, typeBefore, positions };
  }

  /** Finds a context name as consecutive words among the query words not yet used; marks them used. */
  function findContext(p: Prepared, used: Uint8Array, ctx: Context): number {
    const n = ctx.words.length;
    for (const s of p.positions.get(ctx.words[0]!) ?? []) {
      if (s + n > p.q.length) continue;
      let ok = true;
      for (let k = 0; k < n; k += 1) {
        if (used[s + k] || p.q[s + k]!.folded !== ctx.words[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (let k = 0; k < n; k += 1) used[s + k] = 1;
      // The type word before a district or province name ("huyện", "tỉnh") is explained by it.
      const t = p.typeBefore[s];
      if (t) for (let k = s - t.length; k < s; k += 1) used[k] = 1;
      return n;
    }
    return 0;
  }

  function scoreSpan(p: Prepared, entry: Entry, start: number, matched: number, corrections: number, missing: number) {
    const q = p.q;
    const used = new Uint8Array(q.length);
    let score = SCORE.nameWord * matched + (matched === entry.words.length ? SCORE.wholeName : 0);
    score += SCORE.corrected * corrections + SCORE.partial * missing;
    entry.marks ??= entry.toned.map(markKey);
    for (let k = 0; k < matched; k += 1) {
      used[start + k] = 1;
      const name = entry.marks[k];
      const a = name ? agreement(q[start + k]!.marks, name) : 0;
      score += a === 1 ? SCORE.toneAgrees : a === -1 ? SCORE.toneDisagrees : 0;
    }
    const before = p.typeBefore[start];
    if (before) {
      for (let k = start - before.length; k < start; k += 1) used[k] = 1;
      // "Phường 12": the type word is part of the name itself, so it neither agrees nor disagrees.
      if (entry.type !== '') score += before.type === entry.type ? SCORE.typeAgrees : SCORE.typeDisagrees;
    }
    for (const ctx of entry.contexts) score += SCORE.contextWord * ctx.weight * findContext(p, used, ctx);
    for (let k = 0; k < q.length; k += 1) {
      if (used[k]) continue;
      const w = q[k]!.folded;
      if (FILLER.has(w) || SINGLE_TYPE_WORDS.has(w)) continue;
      score += SCORE.unexplained;
    }
    if (entry.kind === 'old') score += SCORE.oldUnit;
    return { score, used };
  }

  function match(query: string, options: { limit?: number } = {}): AddressHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const q = queryWords(query).slice(0, 24);
    if (q.length === 0) return [];
    const p = prepare(q);
    const best = new Map<number, { score: number; used: Uint8Array }>();
    const consider = (entryIndex: number, start: number) => {
      const entry = entries[entryIndex]!;
      let matched = 0;
      let corrections = 0;
      let partialEnd = false;
      for (let k = 0; k < entry.words.length; k += 1) {
        const at = start + k;
        if (at >= q.length) break;
        const typed = q[at]!.folded;
        const want = entry.words[k]!;
        if (typed === want) {
          matched += 1;
          continue;
        }
        if (at === q.length - 1 && want.startsWith(typed)) {
          matched += 1;
          partialEnd = true;
          continue;
        }
        if (typed.length >= 4 && !vocabulary.has(typed) && withinOneEdit(typed, want)) {
          matched += 1;
          corrections += 1;
          continue;
        }
        break;
      }
      const reachedEnd = start + matched === q.length;
      // The whole name, or its beginning when the person is still typing at the end of the query.
      if (matched === 0 || (matched < entry.words.length && !reachedEnd)) return;
      // Each word of the name still to come counts as a half-typed one.
      const missing = entry.words.length - matched + (partialEnd ? 1 : 0);
      const scored = scoreSpan(p, entry, start, matched, corrections, missing);
      const previous = best.get(entryIndex);
      if (!previous || scored.score > previous.score) best.set(entryIndex, scored);
    };
    for (let start = 0; start < q.length; start += 1) {
      const typed = q[start]!.folded;
      const firsts = start === q.length - 1 && typed.length >= 2 ? firstWordsWithPrefix(typed) : [];
      for (const r of readings(typed)) if (!firsts.includes(r.word)) firsts.push(r.word);
      for (const first of firsts) for (const e of byFirst.get(first) ?? []) consider(e, start);
    }

    // Answers within reach of the best one only: a weak partial match should not sit beside a full answer.
    let top = -Infinity;
    for (const { score } of best.values()) top = Math.max(top, score);
    const floor = Math.max(top - REACH, top / 2);
    const hits: AddressHit[] = [];
    for (const [entryIndex, { score, used }] of best) {
      if (score < floor) continue;
      const entry = entries[entryIndex]!;
      const matchedWords = q.filter((_, k) => used[k]).map((w) => w.raw);
      if (entry.kind === 'new') {
        const c = units.communes[entry.ref]!;
        hits.push({ code: c.code, name: c.name, provinceCode: c.province, province: provinceByCode.get(c.province)?.name ?? '', old: null, score, matched: matchedWords });
        continue;
      }
      const u = units.oldUnits[entry.ref]!;
      const old = {
        code: u.code,
        name: u.name,
        district: u.district ? (oldDistrictByCode.get(u.district)?.name ?? null) : null,
        province: oldProvinceByCode.get(u.province)?.name ?? '',
        split: u.split,
      };
      for (const to of u.to) {
        const c = communeByCode.get(to);
        if (!c) continue;
        hits.push({ code: c.code, name: c.name, provinceCode: c.province, province: provinceByCode.get(c.province)?.name ?? '', old, score, matched: matchedWords });
      }
    }
    // An old unit that went whole into a new commune of the same name and the new commune are one
    // answer: keep whichever the query fits better ("thị trấn Mèo Vạc" is the old town, "xã Mèo Vạc" the new commune).
    const sameName = (h: AddressHit) => h.old !== null && !h.old.split && foldVietnamese(shortUnitName(h.old.name)) === foldVietnamese(shortUnitName(h.name));
    const newScore = new Map(hits.filter((h) => h.old === null).map((h) => [h.code, h.score]));
    const oldScore = new Map(hits.filter(sameName).map((h) => [h.code, h.score]));
    const kept = hits.filter((h) => {
      if (h.old === null) return !(oldScore.get(h.code)! > h.score);
      return !(sameName(h) && newScore.has(h.code) && newScore.get(h.code)! >= h.score);
    });
    kept.sort((a, b) => b.score - a.score || (a.old ? 1 : 0) - (b.old ? 1 : 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return kept.slice(0, limit);
  }

  return { match, size: entries.length };
}
