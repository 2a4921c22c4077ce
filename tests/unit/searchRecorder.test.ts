/**
 * When a kiosk search begins and ends (what the kiosk records), what is kept of it, the admin's
 * teaching form, and the translations the learning screens build at run time.
 */
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import { BUNDLED_LEXICONS } from '../../shared/catalog/language/bundledLexicons.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { teachProblemCodeSchema, type UnmatchedQuery } from '../../shared/learning/learningApi.ts';
import { searchSessionSchema } from '../../shared/learning/searchSession.ts';
import { deviceRoleSchema } from '../../shared/sync/protocol.ts';
import { IDLE_RECORDER, stepRecorder, type FinishedSearch, type RecorderEvent } from '../../renderer/features/search/searchRecorder.ts';
import { kioskVocabulary, sessionOf } from '../../renderer/features/search/searchSessions.ts';
import { findConcepts, relatedQueries, requestOf } from '../../renderer/features/learning/teachForm.ts';

/** Runs events through the recorder and answers every search it finished. */
function run(events: RecorderEvent[]): FinishedSearch[] {
  let state = IDLE_RECORDER;
  const finished: FinishedSearch[] = [];
  for (const e of events) {
    const next = stepRecorder(state, e);
    state = next.state;
    if (next.finished) finished.push(next.finished);
  }
  return finished;
}
const nothing = { found: 'nearest' as const, codes: ['1.011609', '1.009455'] };
const answered = { found: 'match' as const, codes: ['1.001193', '2.000635'] };

describe('the search recorder', () => {
  it('ends a search that found nothing as "none" when the person goes home, with its final query', () => {
    expect(
      run([
        { type: 'typed', query: 'l' },
        { type: 'shown', query: 'lam giay con', shown: nothing },
        { type: 'shown', query: 'lam giay con son', shown: nothing },
        { type: 'typed', query: 'lam giay con son' },
        { type: 'typed', query: '' },
      ]),
    ).toEqual([{ query: 'lam giay con son', found: 'nearest', shown: nothing.codes, outcome: 'none', chosen: null, flowPath: null }]);
  });

  it('ends a search whose answers were not opened as "abandoned" at an idle reset', () => {
    expect(run([{ type: 'shown', query: 'khai sinh', shown: answered }, { type: 'left' }])).toEqual([
      { query: 'khai sinh', found: 'match', shown: answered.codes, outcome: 'abandoned', chosen: null, flowPath: null },
    ]);
  });

  it('ends a search as "chosen" when a procedure opens, from the results or by browsing after them', () => {
    expect(run([{ type: 'shown', query: 'khai sinh', shown: answered }, { type: 'opened', code: '1.001193' }])).toMatchObject([{ outcome: 'chosen', chosen: '1.001193' }]);
    expect(run([{ type: 'shown', query: 'giấy còn son', shown: nothing }, { type: 'opened', code: '1.004873' }])).toMatchObject([{ found: 'nearest', outcome: 'chosen', chosen: '1.004873' }]);
  });

  it('counts a search once: back to its results and home again records nothing more', () => {
    const finished = run([
      { type: 'shown', query: 'khai sinh', shown: answered },
      { type: 'opened', code: '1.001193' },
      { type: 'shown', query: 'khai sinh', shown: answered },
      { type: 'opened', code: '2.000635' },
      { type: 'typed', query: '' },
    ]);
    expect(finished.map((f) => f.outcome)).toEqual(['chosen']);
  });

  it('starts a new search when the query changes after a choice', () => {
    const finished = run([
      { type: 'shown', query: 'khai sinh', shown: answered },
      { type: 'opened', code: '1.001193' },
      { type: 'shown', query: 'khai sinh cho con', shown: answered },
      { type: 'left' },
    ]);
    expect(finished.map((f) => [f.query, f.outcome])).toEqual([
      ['khai sinh', 'chosen'],
      ['khai sinh cho con', 'abandoned'],
    ]);
  });

  it('keeps the guidance flow walked during the search', () => {
    expect(run([{ type: 'shown', query: 'khai tử', shown: answered }, { type: 'flow', path: ['khai-tu', 'status=new'] }, { type: 'opened', code: '1.000656' }])).toMatchObject([
      { flowPath: ['khai-tu', 'status=new'] },
    ]);
  });

  it('records nothing when nothing was typed (a procedure opened from the home screen)', () => {
    expect(run([{ type: 'opened', code: '1.001193' }, { type: 'left' }])).toEqual([]);
  });
});

describe('what is kept of a search', () => {
  const vocabulary = kioskVocabulary(demoCatalog.procedures);
  const known = (w: string) => vocabulary.has(w);
  const at = new Date('2027-03-05T02:00:00Z');

  it('is the scrubbed query with the codes shown, valid for the server', () => {
    const finished: FinishedSearch = { query: 'khai sinh cho bé Bống 012345678912', found: 'match', shown: [...Array(12)].map((_, i) => `1.0011${String(i).padStart(2, '0')}`), outcome: 'abandoned', chosen: null, flowPath: null };
    const session = sessionOf(finished, known, 'vi', at, '8f0c6c36-5f0e-4f3a-9a55-0f5b2f0b9d11');
    expect(session).toMatchObject({ query: 'khai sinh cho bé', outcome: 'abandoned', at: at.toISOString() });
    expect(session!.shown).toHaveLength(10);
    expect(searchSessionSchema.safeParse(session).success).toBe(true);
  });

  it('is nothing when the query was only a number or a name', () => {
    const base: FinishedSearch = { query: '', found: 'empty', shown: [], outcome: 'none', chosen: null, flowPath: null };
    expect(sessionOf({ ...base, query: '001203004567' }, known, 'vi', at, 'x')).toBeNull();
    expect(sessionOf({ ...base, query: 'Nguyễn Văn An' }, known, 'vi', at, 'x')).toBeNull();
    expect(sessionOf({ ...base, query: 'k' }, known, 'vi', at, 'x')).toBeNull();
  });

  it('knows the catalog and lexicon words, so an unknown capitalised word is taken as a name', () => {
    expect(vocabulary.has('khai')).toBe(true);
    expect(vocabulary.has('doc')).toBe(true);
    expect(sessionOf({ query: 'khai sinh cho Páo', found: 'match', shown: [], outcome: 'abandoned', chosen: null, flowPath: null }, known, 'vi', at, 'x')?.query).toBe('khai sinh cho');
  });
});

describe("the admin's teaching form", () => {
  const query = (text: string, key: string, count = 1): UnmatchedQuery => ({ key, text, count, none: count, abandoned: 0, lastSeen: '2027-03-05T02:00:00.000Z' });

  it('needs two phrasings that differ in more than tones, and a target', () => {
    const form = { phrases: ['còn son', 'con son', ' '], target: { kind: 'procedures' as const, codes: ['1.004873'] }, query: 'làm giấy còn son' };
    expect(requestOf(form, null)).toEqual({ ok: false, error: 'two_phrasings' });
    expect(requestOf({ ...form, phrases: ['còn son', 'vẫn  còn son'], target: { kind: 'procedures', codes: [] } }, null)).toEqual({ ok: false, error: 'no_target' });
    expect(requestOf({ ...form, phrases: ['còn son', 'vẫn  còn son'], target: { kind: 'concept', id: null } }, null)).toEqual({ ok: false, error: 'no_target' });
    expect(requestOf({ ...form, phrases: ['còn son', 'vẫn  còn son'] }, null)).toEqual({
      ok: true,
      value: { phrases: ['còn son', 'vẫn còn son'], target: { kind: 'procedures', codes: ['1.004873'] }, query: 'làm giấy còn son', by: null },
    });
  });

  it('offers other unmatched searches that share a word that means something', () => {
    const all = [query('làm giấy còn son', 'lam giai con son', 4), query('xin giấy ở vậy', 'xin giai o vai', 2), query('vẫn còn son', 'van con son', 3), query('son môi', 'son moi', 1)];
    expect(relatedQueries(all[0]!, all, BUNDLED_LEXICONS.vi).map((q) => q.text)).toEqual(['vẫn còn son', 'son môi']);
  });

  it('finds concepts by the way people say them', () => {
    expect(findConcepts('độc thân', BUNDLED_LEXICONS.vi).map((c) => c.id)).toContain('event.single');
    expect(findConcepts('x', BUNDLED_LEXICONS.vi)).toEqual([]);
  });
});

describe('the translations the learning screens build at run time', () => {
  type Tree = { [k: string]: string | Tree };
  const has = (tree: Tree, key: string) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? (node[part] ?? node[`${part}_other`]) : undefined;
    return typeof node === 'string';
  };
  const keys = [
    ...teachProblemCodeSchema.options.map((c) => `learning.problem.${c}`),
    ...['offline', 'unauthorised', 'forbidden', 'conflict', 'not_found', 'server'].map((k) => `learning.error.${k}`),
    ...['two_phrasings', 'no_target'].map((k) => `learning.form.${k}`),
    ...['procedures', 'concept'].map((k) => `learning.teach.kind.${k}`),
    ...deviceRoleSchema.options.map((r) => `learning.kiosk.role.${r}`),
    'learning.times',
  ];
  it.each([
    ['vi', vi],
    ['en', en],
  ])('are all in %s', (_lang, tree) => {
    expect(keys.filter((k) => !has(tree as Tree, k))).toEqual([]);
  });
});
