/**
 * The question flows the kiosk ships, each file checked on load: a file that fails its schema or
 * its structure is left out with a reason rather than shown half-broken to a citizen. Adding a
 * flow means adding its JSON file here (a test checks that every file in flows/ is listed).
 */
import { checkFlowStructure, describeFlowIssue } from './checkFlows.ts';
import { flowSchema, type Flow } from './flowSchema.ts';
import birth from './flows/khai-sinh.json';
import death from './flows/khai-tu.json';
import marriage from './flows/ket-hon.json';
import parentage from './flows/nhan-cha-me-con.json';
import guardianship from './flows/giam-ho.json';
import civilStatusChange from './flows/thay-doi-ho-tich.json';
import certification from './flows/chung-thuc.json';
import copies from './flows/trich-luc-ban-sao.json';
import residence from './flows/cu-tru.json';
import land from './flows/dat-dai.json';
import householdBusiness from './flows/ho-kinh-doanh.json';
import buildingPermit from './flows/giay-phep-xay-dung.json';

export const FLOW_FILES: Record<string, unknown> = {
  'khai-sinh.json': birth,
  'khai-tu.json': death,
  'ket-hon.json': marriage,
  'nhan-cha-me-con.json': parentage,
  'giam-ho.json': guardianship,
  'thay-doi-ho-tich.json': civilStatusChange,
  'chung-thuc.json': certification,
  'trich-luc-ban-sao.json': copies,
  'cu-tru.json': residence,
  'dat-dai.json': land,
  'ho-kinh-doanh.json': householdBusiness,
  'giay-phep-xay-dung.json': buildingPermit,
};

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
