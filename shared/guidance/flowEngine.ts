/**
 * Walks a question flow. The state is only the list of answers given so far (question id, answer
 * id), which the kiosk keeps in its address, so back, reload and "change this answer" are all the
 * same operation: walk again from the start. A list that no longer fits the flow (an old address
 * after the flow file changed) is an error value, and the kiosk starts the flow over.
 */
import { err, ok, type Result } from '../result.ts';
import type { Flow, FlowAnswer, FlowNode, FlowQuestion } from './flowSchema.ts';

export interface FlowStep {
  question: string;
  answer: string;
}

export interface FlowPosition {
  /** Where the answers lead: the next question, or the outcome. */
  node: FlowNode;
  /** The questions answered so far with the chosen answers, in order. */
  answered: { question: FlowQuestion; answer: FlowAnswer }[];
}

export function findNode(flow: Flow, id: string): FlowNode | undefined {
  const question = flow.questions.find((q) => q.id === id);
  if (question) return { kind: 'question', question };
  const outcome = flow.outcomes.find((o) => o.id === id);
  return outcome ? { kind: 'outcome', outcome } : undefined;
}

export function walkFlow(flow: Flow, steps: readonly FlowStep[]): Result<FlowPosition> {
  let node = findNode(flow, flow.start);
  const answered: FlowPosition['answered'] = [];
  for (const step of steps) {
    if (node?.kind !== 'question' || node.question.id !== step.question) {
      return err(`the flow "${flow.id}" does not ask "${step.question}" at this point`);
    }
    const answer = node.question.answers.find((a) => a.id === step.answer);
    if (!answer) return err(`question "${step.question}" of "${flow.id}" has no answer "${step.answer}"`);
    answered.push({ question: node.question, answer });
    node = findNode(flow, answer.next);
  }
  if (!node) return err(`the flow "${flow.id}" has no start "${flow.start}"`);
  return ok({ node, answered });
}

/**
 * The answers after choosing `answerId` for `questionId`: a question answered before is answered
 * anew and everything after it forgotten, since later questions may no longer apply.
 */
export function answerQuestion(flow: Flow, steps: readonly FlowStep[], questionId: string, answerId: string): Result<FlowStep[]> {
  const kept = changeAnswer(steps, questionId);
  const next = [...kept, { question: questionId, answer: answerId }];
  const walked = walkFlow(flow, next);
  return walked.ok ? ok(next) : walked;
}

/** The answers before `questionId`, so that question is asked again. */
export function changeAnswer(steps: readonly FlowStep[], questionId: string): FlowStep[] {
  const at = steps.findIndex((s) => s.question === questionId);
  return at === -1 ? [...steps] : steps.slice(0, at);
}

/** The codes that belong to a flow's family: its own outcomes' (not the related ones) and the extra ones it names. */
export function flowCodes(flow: Flow): Set<string> {
  return new Set([...flow.outcomes.filter((o) => !o.related).map((o) => o.code), ...flow.alsoFor]);
}

const STEP = /^([a-z][a-z0-9-]*)=([a-z][a-z0-9-]*)$/;

/** Steps as address segments: "status=new". */
export function formatSteps(steps: readonly FlowStep[]): string[] {
  return steps.map((s) => `${s.question}=${s.answer}`);
}

/** Reads address segments back; anything malformed ends the list there (the rest cannot be trusted). */
export function parseSteps(segments: readonly string[]): FlowStep[] {
  const steps: FlowStep[] = [];
  for (const segment of segments) {
    const m = STEP.exec(segment);
    if (!m) break;
    steps.push({ question: m[1]!, answer: m[2]! });
  }
  return steps;
}
