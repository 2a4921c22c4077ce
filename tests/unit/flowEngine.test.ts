import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { checkFlowAgainstCatalog, checkFlowStructure } from '../../shared/guidance/checkFlows.ts';
import { answerQuestion, changeAnswer, formatSteps, parseSteps, walkFlow } from '../../shared/guidance/flowEngine.ts';
import { loadFlows } from '../../shared/guidance/flowLibrary.ts';
import { flowSchema, type Flow } from '../../shared/guidance/flowSchema.ts';
import { matchDocument } from '../../shared/guidance/matchDocument.ts';
import { resolveOutcome } from '../../shared/guidance/resolveOutcome.ts';

const t = (vi: string) => ({ vi, en: `${vi} (en)` });

/** A small flow built for these tests: two questions, three outcomes on codes the demo catalog has. */
function sampleFlow(): Flow {
  return flowSchema.parse({
    format: 'motcua-flow',
    version: 1,
    id: 'sample',
    title: t('Mẫu'),
    start: 'first',
    questions: [
      { id: 'first', text: t('Câu một?'), answers: [{ id: 'a', text: t('A'), next: 'second' }, { id: 'b', text: t('B'), next: 'death' }] },
      { id: 'second', text: t('Câu hai?'), answers: [{ id: 'x', text: t('X'), next: 'birth' }, { id: 'y', text: t('Y'), next: 'gone' }] },
    ],
    outcomes: [
      {
        id: 'birth',
        title: t('Khai sinh'),
        code: '1.001193',
        documents: [
          { match: ['giấy chứng sinh'], label: t('Giấy chứng sinh') },
          { match: ['tờ khai đăng ký khai sinh'], label: t('Tờ khai'), form: true },
        ],
      },
      { id: 'death', title: t('Khai tử'), code: '1.000656', documents: [{ match: ['giấy tờ không hề có'], label: t('Không có') }] },
      { id: 'gone', title: t('Không có trong danh mục mẫu'), code: '1.004827', documents: [] },
    ],
    alsoFor: ['1.000894'],
  });
}

/** The checklist of a resolved outcome; anything else fails the test here. */
function checklistOf(resolved: ReturnType<typeof resolveOutcome>) {
  if (resolved.kind !== 'checklist') throw new Error(`expected a checklist, got ${resolved.kind}`);
  return resolved;
}

const demo = new Map(demoCatalog.procedures.map((p) => [p.code, p]));
const lookup = (code: string): Procedure | undefined => demo.get(code);

describe('walking a flow', () => {
  it('asks the start question first, then follows each answer to the next node', () => {
    const flow = sampleFlow();
    const start = walkFlow(flow, []);
    expect(start.ok && start.value.node.kind === 'question' && start.value.node.question.id).toBe('first');
    const second = walkFlow(flow, [{ question: 'first', answer: 'a' }]);
    expect(second.ok && second.value.node.kind === 'question' && second.value.node.question.id).toBe('second');
    const end = walkFlow(flow, [{ question: 'first', answer: 'a' }, { question: 'second', answer: 'x' }]);
    expect(end.ok && end.value.node.kind === 'outcome' && end.value.node.outcome.code).toBe('1.001193');
    expect(end.ok && end.value.answered.map((s) => `${s.question.id}=${s.answer.id}`)).toEqual(['first=a', 'second=x']);
  });

  it('refuses answers that do not fit the flow (an old address after the flow changed)', () => {
    const flow = sampleFlow();
    expect(walkFlow(flow, [{ question: 'second', answer: 'x' }])).toEqual({ ok: false, error: expect.stringContaining('does not ask "second"') });
    expect(walkFlow(flow, [{ question: 'first', answer: 'zzz' }])).toEqual({ ok: false, error: expect.stringContaining('no answer "zzz"') });
    expect(walkFlow(flow, [{ question: 'first', answer: 'b' }, { question: 'second', answer: 'x' }]).ok).toBe(false);
  });

  it('changes an earlier answer and forgets the answers after it', () => {
    const flow = sampleFlow();
    const steps = [{ question: 'first', answer: 'a' }, { question: 'second', answer: 'y' }];
    expect(changeAnswer(steps, 'second')).toEqual([{ question: 'first', answer: 'a' }]);
    expect(changeAnswer(steps, 'first')).toEqual([]);
    const changed = answerQuestion(flow, steps, 'first', 'b');
    expect(changed).toEqual({ ok: true, value: [{ question: 'first', answer: 'b' }] });
    expect(answerQuestion(flow, [], 'second', 'x').ok).toBe(false);
  });

  it('keeps the answers in the address and reads them back, stopping at anything malformed', () => {
    const steps = [{ question: 'first', answer: 'a' }, { question: 'second', answer: 'x' }];
    expect(parseSteps(formatSteps(steps))).toEqual(steps);
    expect(parseSteps(['first=a', 'Second=<x>', 'second=x'])).toEqual([{ question: 'first', answer: 'a' }]);
  });
});

describe('checking a flow', () => {
  it('passes a sound flow', () => {
    expect(checkFlowStructure(sampleFlow())).toEqual([]);
  });

  it('finds an outcome nobody can reach', () => {
    const flow = sampleFlow();
    flow.outcomes.push({ id: 'orphan', title: t('Lạc'), code: '1.001193', documents: [] });
    expect(checkFlowStructure(flow)).toEqual([expect.objectContaining({ kind: 'unreachable', node: 'orphan' })]);
  });

  it('finds a loop', () => {
    const flow = sampleFlow();
    flow.questions[1]!.answers[1]!.next = 'first';
    expect(checkFlowStructure(flow).map((i) => i.kind)).toContain('loop');
  });

  it('refuses more than three questions on a path', () => {
    const flow = sampleFlow();
    flow.questions[1]!.answers[0]!.next = 'third';
    flow.questions.push(
      { id: 'third', text: t('Ba?'), answers: [{ id: 'x', text: t('X'), next: 'fourth' }, { id: 'y', text: t('Y'), next: 'birth' }] },
      { id: 'fourth', text: t('Bốn?'), answers: [{ id: 'x', text: t('X'), next: 'birth' }, { id: 'y', text: t('Y'), next: 'gone' }] },
    );
    expect(checkFlowStructure(flow)).toEqual([expect.objectContaining({ kind: 'too-many-questions' })]);
  });

  it('refuses, with a reason, a file whose answer leads nowhere or whose texts lack English', () => {
    const broken = structuredClone(sampleFlow()) as unknown as { questions: { answers: { next: string }[] }[]; title: object };
    broken.questions[0]!.answers[0]!.next = 'nowhere';
    const noEnglish = { ...structuredClone(sampleFlow()), title: { vi: 'Mẫu' } };
    const { flows, rejected } = loadFlows({ 'broken.json': broken, 'no-english.json': noEnglish, 'ok.json': sampleFlow() });
    expect(flows.map((f) => f.id)).toEqual(['sample']);
    expect(rejected).toEqual([
      { file: 'broken.json', reason: expect.stringContaining('leads to "nowhere"') },
      { file: 'no-english.json', reason: expect.stringContaining('title.en') },
    ]);
  });

  it('reports codes and documents the catalog does not have', () => {
    const issues = checkFlowAgainstCatalog(sampleFlow(), lookup);
    expect(issues.map((i) => [i.kind, i.node])).toEqual([
      ['missing-document', 'death'],
      ['missing-code', 'gone'],
    ]);
  });

  it('reports a document named too loosely to tell which one is meant', () => {
    const flow = sampleFlow();
    flow.outcomes[0]!.documents = [{ match: ['khai sinh'], label: t('Mơ hồ') }];
    expect(checkFlowAgainstCatalog(flow, lookup)).toContainEqual(expect.objectContaining({ kind: 'ambiguous-document', node: 'birth' }));
  });
});

describe('resolving an outcome', () => {
  it('takes the counts from the catalog and lists the form first', () => {
    const flow = sampleFlow();
    const resolved = checklistOf(resolveOutcome(flow, flow.outcomes[0]!, lookup));
    expect(resolved.documents.map((d) => [d.label.vi, d.form, d.originals, d.copies])).toEqual([
      ['Tờ khai', true, 1, 0],
      ['Giấy chứng sinh', false, 1, 0],
    ]);
    expect(resolved.unmatched).toEqual([]);
  });

  it('keeps the documents it could not find apart, so the screen can point to the full list', () => {
    const flow = sampleFlow();
    const resolved = checklistOf(resolveOutcome(flow, flow.outcomes[1]!, lookup));
    expect(resolved.unmatched.map((d) => d.label.vi)).toEqual(['Không có']);
  });

  it('falls back to the family procedures the catalog has when the outcome code is missing', () => {
    const flow = sampleFlow();
    const resolved = resolveOutcome(flow, flow.outcomes[2]!, lookup);
    expect(resolved.kind).toBe('fallback');
    expect(resolved.kind === 'fallback' && resolved.family.map((p) => p.code)).toEqual(['1.001193', '1.000656', '1.000894']);
  });
});

describe('finding a flow document in a catalog record', () => {
  const record = structuredClone(demo.get('1.001193')!);
  record.documents = [
    { group: null, name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01).', form: null, originals: 1, copies: 0 },
    { group: null, name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01) hoặc tờ khai CT02', form: null, originals: 1, copies: 0 },
    { group: null, name: 'Trường hợp không có Giấy chứng sinh thì văn bản của người làm chứng', form: null, originals: 1, copies: 0 },
    { group: null, name: 'Giấy chứng sinh', form: null, originals: 1, copies: 0 },
    { group: null, name: 'Lưu ý: giấy chứng sinh bản điện tử', form: null, originals: 0, copies: 0 },
  ];
  const find = (...match: string[]) => matchDocument(record, { match, label: t('x') });

  it('compares folded words, skips notes, and says when the words fit several documents', () => {
    expect(find('GIAY CHUNG SINH')).toMatchObject({ kind: 'ambiguous', count: 2 });
    expect(find('tờ khai thay đổi thông tin cư trú')).toMatchObject({ kind: 'ambiguous', count: 2 });
    expect(find('giấy khai tử')).toEqual({ kind: 'missing' });
  });

  it('takes "^" as the start of the name and "=" as the whole name, trying alternatives in order', () => {
    expect(find('^giấy chứng sinh')).toMatchObject({ kind: 'found', document: { name: 'Giấy chứng sinh' } });
    expect(find('=tờ khai thay đổi thông tin cư trú (mẫu CT01)')).toMatchObject({ kind: 'found', document: { name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01).' } });
    expect(find('giấy báo tử', '^giấy chứng sinh')).toMatchObject({ kind: 'found', document: { name: 'Giấy chứng sinh' } });
  });
});

describe('a document the portal repeats under each sub-case', () => {
  it('is one document when the words are the same', () => {
    const record = structuredClone(demo.get('1.001193')!);
    const same = { group: null, name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', form: null, originals: 1, copies: 0 };
    record.documents = [same, { ...same, group: 'Trường hợp 2' }];
    expect(matchDocument(record, { match: ['đơn đăng ký biến động'], label: t('x') })).toMatchObject({ kind: 'found' });
  });
});
