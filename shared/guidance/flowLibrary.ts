/**
 * Question flows checked: a file that fails its schema or its structure is left out with a reason
 * rather than shown half-broken to a citizen (flows imported by an admin, and the shipped ones in
 * the unit tests, which refuse a build whose files do not pass unchanged: the kiosk then uses the
 * shipped files as they are, flowFiles.ts, without building a schema on an old PC).
 */
import { checkFlowStructure, describeFlowIssue } from './checkFlows.ts';
import { flowSchema, type Flow } from './flowSchema.ts';
import { FLOW_FILES } from './flowFiles.ts';

export { FLOW_FILES };

export interface RejectedFlow {
  file: string;
  reason: string;
}

export interface FlowLibrary {
  flows: Flow[];
  rejected: RejectedFlow[];
}

export function loadFlows(files: Record<string, unknown> = FLOW_FILES): FlowLibrary {
  const flows: Flow[] = [];
  const rejected: RejectedFlow[] = [];
  for (const [file, json] of Object.entries(files)) {
    const parsed = flowSchema.safeParse(json);
    if (!parsed.success) {
      const reason = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'flow'}: ${i.message}`).join('; ');
      rejected.push({ file, reason });
      continue;
    }
    const structure = checkFlowStructure(parsed.data);
    if (structure.length > 0) {
      rejected.push({ file, reason: structure.map(describeFlowIssue).join('; ') });
      continue;
    }
    if (flows.some((f) => f.id === parsed.data.id)) {
      rejected.push({ file, reason: `flow id "${parsed.data.id}" is used by another file` });
      continue;
    }
    flows.push(parsed.data);
  }
  return { flows, rejected };
}

/** The shipped flows, loaded once. */
let shipped: FlowLibrary | null = null;
export function shippedFlows(): FlowLibrary {
  shipped ??= loadFlows();
  return shipped;
}
