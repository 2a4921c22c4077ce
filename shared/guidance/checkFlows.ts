/**
 * Checks question flows, for the tests, the loader and the catalog importer. Structure: every node
 * reachable from the start, no loops, at most three questions on any path (a citizen at a kiosk
 * answers a few plain questions, not a form). Catalog: every outcome's procedure and every document
 * it names exist in a given catalog, so an import that removes a code reports the flows it breaks.
 */
import { flowCodes } from './flowEngine.ts';
import type { Flow } from './flowSchema.ts';
import { matchDocument } from './matchDocument.ts';
import type { ProcedureLookup } from './resolveOutcome.ts';

export const MAX_QUESTIONS_ON_A_PATH = 3;

export type FlowIssueKind =
  | 'unreachable'
  | 'loop'
  | 'too-many-questions'
  | 'missing-code'
  | 'missing-family-code'
  | 'missing-document'
  | 'ambiguous-document';

export interface FlowIssue {
  flow: string;
  /** The question or outcome concerned, when there is one. */
  node: string | null;
  kind: FlowIssueKind;
  message: string;
}

function nextIds(flow: Flow, id: string): string[] {
  return flow.questions.find((q) => q.id === id)?.answers.map((a) => a.next) ?? [];
}

export function checkFlowStructure(flow: Flow): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const issue = (node: string | null, kind: FlowIssueKind, message: string) => issues.push({ flow: flow.id, node, kind, message });

  // Depth-first from the start: a node met again on the current path is a loop; the longest
  // question count below each node is remembered so shared sub-trees are walked once.
  const onPath = new Set<string>();
  const depth = new Map<string, number>();
  const questions = new Set(flow.questions.map((q) => q.id));
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (onPath.has(id)) {
      issue(id, 'loop', `"${id}" leads back to itself`);
      return 0;
    }
    onPath.add(id);
    const below = Math.max(0, ...nextIds(flow, id).map(visit));
    onPath.delete(id);
    const d = (questions.has(id) ? 1 : 0) + below;
    depth.set(id, d);
    return d;
  };
  const longest = visit(flow.start);
  if (longest > MAX_QUESTIONS_ON_A_PATH) {
    issue(flow.start, 'too-many-questions', `a path asks ${longest} questions (at most ${MAX_QUESTIONS_ON_A_PATH})`);
  }
  for (const node of [...flow.questions, ...flow.outcomes]) {
    if (!depth.has(node.id)) issue(node.id, 'unreachable', `"${node.id}" cannot be reached from "${flow.start}"`);
  }
  return issues;
}

export function checkFlowAgainstCatalog(flow: Flow, lookup: ProcedureLookup): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const issue = (node: string | null, kind: FlowIssueKind, message: string) => issues.push({ flow: flow.id, node, kind, message });
  for (const outcome of flow.outcomes) {
    const procedure = lookup(outcome.code);
    if (!procedure) {
      issue(outcome.id, 'missing-code', `procedure ${outcome.code} is not in the catalog: this outcome falls back to the list`);
      continue;
    }
    for (const wanted of outcome.documents) {
      const match = matchDocument(procedure, wanted);
      const words = wanted.match.map((m) => `"${m}"`).join(' / ');
      if (match.kind === 'missing') {
        issue(outcome.id, 'missing-document', `${outcome.code} lists no document with ${words}`);
      } else if (match.kind === 'ambiguous') {
        issue(outcome.id, 'ambiguous-document', `${outcome.code} has ${match.count} documents with ${words}`);
      }
    }
  }
  const outcomeCodes = new Set(flow.outcomes.map((o) => o.code));
  for (const code of flowCodes(flow)) {
    if (!outcomeCodes.has(code) && !lookup(code)) issue(null, 'missing-family-code', `procedure ${code} of the family is not in the catalog`);
  }
  return issues;
}

export function checkFlows(flows: readonly Flow[], lookup: ProcedureLookup): FlowIssue[] {
  return flows.flatMap((f) => [...checkFlowStructure(f), ...checkFlowAgainstCatalog(f, lookup)]);
}

/** One line per issue, for the importer's report and test failures. */
export function describeFlowIssue(i: FlowIssue): string {
  return `flow ${i.flow}${i.node ? ` (${i.node})` : ''}: ${i.message}`;
}
