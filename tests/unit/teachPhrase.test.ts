/**
 * An admin's mapping becomes one lexicon entry of kind `learned`, held to the lexicon's contract:
 * two real phrasings, no personal data, a target that exists, an example that is the citizen's own
 * search; and a center's entries merge onto the bundled lexicon one by one.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_LEXICONS } from '../../shared/catalog/language/bundledLexicons.ts';
import { parseLexicon } from '../../shared/catalog/language/lexicon.ts';
import { mergedLexiconVersion, mergeVocabulary, type LearnedEntry } from '../../shared/learning/centerVocabulary.ts';
import type { TeachRequest } from '../../shared/learning/learningApi.ts';
import { buildLearnedEntry, type TeachContext } from '../../shared/learning/teachPhrase.ts';

const SINGLE_STATUS = '1.004873';
const NAMES = new Map([
  [SINGLE_STATUS, 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân'],
  ['1.001193', 'Thủ tục đăng ký khai sinh'],
  ['1.000894', 'Thủ tục đăng ký kết hôn'],
]);
const context = (taught: LearnedEntry[] = []): TeachContext => ({ base: BUNDLED_LEXICONS.vi, taught, procedureName: (c) => NAMES.get(c) });
const request = (over: Partial<TeachRequest> = {}): TeachRequest => ({
  phrases: ['còn son', 'vẫn còn son'],
  target: { kind: 'procedures', codes: [SINGLE_STATUS] },
  query: 'làm giấy còn son',
  by: { staffId: 's1', staffName: 'Nguyễn Thị Lan' },
  ...over,
});
const built = (r: ReturnType<typeof buildLearnedEntry>): LearnedEntry => {
  if (!r.ok) throw new Error(`refused: ${r.error.reason}`);
  return r.value;
};
const refusal = (r: ReturnType<typeof buildLearnedEntry>) => (r.ok ? null : { code: r.error.code, subject: r.error.subject });

describe('teaching a phrase', () => {
  it("makes a learned entry that points at the procedure and reads as its catalog name, with the citizen's search as its example", () => {
    const entry = built(buildLearnedEntry(request(), context()));
    expect(entry).toMatchObject({
      id: 'learned.con-son',
      kind: 'learned',
      say: ['còn son', 'vẫn còn son'],
      means: ['Thủ tục cấp Giấy xác nhận tình trạng hôn nhân'],
      procedures: [SINGLE_STATUS],
      examples: [
        { query: 'làm giấy còn son', expect: [SINGLE_STATUS] },
        { query: 'còn son', expect: [SINGLE_STATUS] },
      ],
    });
    expect(entry.sameAs).toBeUndefined();
  });

  it('maps a phrase to an existing concept with sameAs, expecting what that concept finds', () => {
    const entry = built(buildLearnedEntry(request({ target: { kind: 'concept', id: 'event.single' } }), context()));
    expect(entry.sameAs).toBe('event.single');
    expect(entry.procedures).toEqual([]);
    expect(entry.means).toEqual([]);
    expect(entry.examples[0]!.expect).toEqual([SINGLE_STATUS]);
  });

  it('does not count one phrase twice because it was typed with and without tones', () => {
    expect(refusal(buildLearnedEntry(request({ phrases: ['còn son', 'con son'] }), context()))).toEqual({ code: 'same_phrasing', subject: 'con son' });
    expect(refusal(buildLearnedEntry(request({ phrases: ['Còn Son', 'còn  son'] }), context()))?.code).toBe('same_phrasing');
  });

  it('refuses a phrase with a number or a name in it', () => {
    expect(refusal(buildLearnedEntry(request({ phrases: ['còn son', 'còn son 0912345678'] }), context()))?.code).toBe('personal_data');
    expect(refusal(buildLearnedEntry(request({ phrases: ['còn son', 'Nguyễn Văn An còn son'] }), context()))?.code).toBe('personal_data');
  });

  it('refuses a phrase of filler words only, which would match every search', () => {
    expect(refusal(buildLearnedEntry(request({ phrases: ['còn son', 'tôi muốn'] }), context()))).toEqual({ code: 'only_fillers', subject: 'tôi muốn' });
  });

  it('refuses a phrase the lexicon already reads (bundled or taught before)', () => {
    expect(refusal(buildLearnedEntry(request({ phrases: ['còn son', 'độc thân'] }), context()))).toEqual({ code: 'phrase_known', subject: 'độc thân' });
    const first = built(buildLearnedEntry(request(), context()));
    expect(refusal(buildLearnedEntry(request({ phrases: ['con son', 'gái còn son'] }), context([first])))).toEqual({ code: 'phrase_known', subject: 'con son' });
  });

  it('refuses a procedure the catalog does not hold and a concept the lexicon does not have', () => {
    expect(refusal(buildLearnedEntry(request({ target: { kind: 'procedures', codes: ['9.999999'] } }), context()))).toEqual({ code: 'unknown_procedure', subject: '9.999999' });
    expect(refusal(buildLearnedEntry(request({ target: { kind: 'concept', id: 'event.nothing' } }), context()))).toEqual({ code: 'unknown_concept', subject: 'event.nothing' });
  });

  it('gives a new id when another taught entry already has the one its words make', () => {
    const first = built(buildLearnedEntry(request(), context()));
    const again = built(buildLearnedEntry(request({ phrases: ['còn son', 'chưa chồng con'] }), context([{ ...first, say: ['x còn son', 'y còn son'] }])));
    expect(again.id).toBe('learned.con-son-2');
  });

  it('scrubs the citizen query before it becomes the example', () => {
    const entry = built(buildLearnedEntry(request({ query: 'làm giấy còn son cho Nguyễn Văn An 0912345678' }), context()));
    expect(entry.examples[0]!.query).toBe('làm giấy còn son cho');
  });
});

describe("a center's vocabulary on the bundled lexicon", () => {
  const taught = (): LearnedEntry => built(buildLearnedEntry(request(), context()));

  it('adds the entries under a version that grows with either part', () => {
    const merged = mergeVocabulary(BUNDLED_LEXICONS.vi, { version: 3, entries: [taught()] });
    expect(merged.refused).toEqual([]);
    expect(merged.lexicon.version).toBe(mergedLexiconVersion(BUNDLED_LEXICONS.vi.version, 3));
    expect(merged.lexicon.entries.at(-1)!.id).toBe('learned.con-son');
    expect(parseLexicon(merged.lexicon).ok).toBe(true);
    expect(mergedLexiconVersion(2, 0)).toBeGreaterThan(mergedLexiconVersion(1, 999));
  });

  it('leaves the base as it is when nothing was taught', () => {
    expect(mergeVocabulary(BUNDLED_LEXICONS.vi, { version: 0, entries: [] }).lexicon).toBe(BUNDLED_LEXICONS.vi);
  });

  it('keeps the good entries and says why it left out one the base cannot take', () => {
    const orphan: LearnedEntry = { ...taught(), id: 'learned.orphan', say: ['mồ côi sổ', 'sổ mồ côi'], procedures: [], sameAs: 'event.gone' };
    const merged = mergeVocabulary(BUNDLED_LEXICONS.vi, { version: 2, entries: [taught(), orphan] });
    expect(merged.lexicon.entries.map((e) => e.id)).toContain('learned.con-son');
    expect(merged.lexicon.entries.map((e) => e.id)).not.toContain('learned.orphan');
    expect(merged.refused).toEqual([{ id: 'learned.orphan', reason: expect.stringMatching(/no entry event\.gone/) }]);
  });
});
