/**
 * The flows motcua ships, checked node by node and against the real catalogs: each path of
 * answers below must end on the procedure a person in that situation needs, every outcome must be
 * covered by a path here, and every code and document must exist in the national data.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { COMMUNE_CATALOG, FULL_CATALOG_DIR, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { checkFlowAgainstCatalog, checkFlows, checkFlowStructure, describeFlowIssue, MAX_QUESTIONS_ON_A_PATH } from '../../shared/guidance/checkFlows.ts';
import { parseSteps, walkFlow } from '../../shared/guidance/flowEngine.ts';
import { FLOW_FILES, shippedFlows } from '../../shared/guidance/flowLibrary.ts';
import { shippedFlowFiles } from '../../shared/guidance/flowFiles.ts';
import type { Flow } from '../../shared/guidance/flowSchema.ts';

/** flow, answers as in the kiosk's address, the procedure that must come out. */
const DECISIONS: [string, string, string][] = [
  ['khai-tu', 'status=new/who=vn/paper=yes', '1.000656'],
  ['khai-tu', 'status=new/who=vn/paper=no', '1.000656'],
  ['khai-tu', 'status=new/who=foreigner/border=no', '1.001766'],
  ['khai-tu', 'status=new/who=foreigner/border=yes', '1.004827'],
  ['khai-tu', 'status=new/who=abroad', '2.000547'],
  ['khai-tu', 'status=lost/lost-foreign=no', '1.005461'],
  ['khai-tu', 'status=lost/lost-foreign=yes', '2.000497'],
  ['khai-tu', 'status=copy', '2.000635'],
  ['ket-hon', 'need=new/partner=no', '1.000894'],
  ['ket-hon', 'need=new/partner=yes/border=no', '2.000806'],
  ['ket-hon', 'need=new/partner=yes/border=yes', '1.000094'],
  ['ket-hon', 'need=lost/lost-foreign=no', '1.004746'],
  ['ket-hon', 'need=lost/lost-foreign=yes', '2.000513'],
  ['ket-hon', 'need=abroad', '2.002189'],
  ['ket-hon', 'need=single', '1.004873'],
  ['khai-sinh', 'who=baby/born=vn/parent=no', '1.001193'],
  ['khai-sinh', 'who=baby/born=vn/parent=border', '1.000110'],
  ['khai-sinh', 'who=baby/born=vn/parent=other', '2.000528'],
  ['khai-sinh', 'who=baby/born=abroad', '2.000528'],
  ['khai-sinh', 'who=baby/born=abroad-registered', '2.000547'],
  ['khai-sinh', 'who=adult/adult-origin=no', '1.004772'],
  ['khai-sinh', 'who=adult/adult-origin=yes', '1.000893'],
  ['khai-sinh', 'who=lost/lost-origin=no', '1.004884'],
  ['khai-sinh', 'who=lost/lost-origin=yes', '2.000522'],
  ['khai-sinh', 'who=copy', '2.000635'],
  ['nhan-cha-me-con', 'child=registered/origin=no', '1.001022'],
  ['nhan-cha-me-con', 'child=registered/origin=yes/border=yes', '1.000080'],
  ['nhan-cha-me-con', 'child=registered/origin=yes/border=no', '2.000779'],
  ['nhan-cha-me-con', 'child=not-registered/birth-foreign=no', '1.000689'],
  ['nhan-cha-me-con', 'child=not-registered/birth-foreign=yes', '1.001695'],
  ['giam-ho', 'need=register/foreign=no/kind=natural', '1.004837'],
  ['giam-ho', 'need=register/foreign=no/kind=appointed', '1.004837'],
  ['giam-ho', 'need=register/foreign=yes', '1.001669'],
  ['giam-ho', 'need=end/end-foreign=no', '1.004845'],
  ['giam-ho', 'need=end/end-foreign=yes', '2.000756'],
  ['giam-ho', 'need=supervise', '3.000323'],
  ['giam-ho', 'need=end-supervise', '3.000322'],
  ['thay-doi-ho-tich', 'what=change/foreign=no', '1.004859'],
  ['thay-doi-ho-tich', 'what=change/foreign=yes', '2.000748'],
  ['thay-doi-ho-tich', 'what=confirm', '2.002516'],
  ['thay-doi-ho-tich', 'what=copy', '2.000635'],
  ['chung-thuc', 'what=copy', '2.000815'],
  ['chung-thuc', 'what=signature', '2.000884'],
  ['chung-thuc', 'what=translation/translator=yes', '2.000992'],
  ['chung-thuc', 'what=translation/translator=no', '2.001008'],
  ['chung-thuc', 'what=contract/contract=new', '2.001035'],
  ['chung-thuc', 'what=contract/contract=change', '2.000913'],
  ['chung-thuc', 'what=contract/contract=mistake', '2.000927'],
  ['chung-thuc', 'what=contract/contract=copy', '2.000942'],
  ['chung-thuc', 'what=inheritance/inheritance=will', '2.001019'],
  ['chung-thuc', 'what=inheritance/inheritance=divide', '2.001406'],
  ['chung-thuc', 'what=inheritance/inheritance=refuse', '2.001016'],
  ['trich-luc-ban-sao', 'what=civil', '2.000635'],
  ['trich-luc-ban-sao', 'what=book', '2.000908'],
  ['trich-luc-ban-sao', 'what=certify', '2.000815'],
  ['trich-luc-ban-sao', 'what=confirm', '2.002516'],
  ['cu-tru', 'what=move/home=own', '1.004222'],
  ['cu-tru', 'what=move/home=family', '1.004222'],
  ['cu-tru', 'what=move/home=rented', '1.004222'],
  ['cu-tru', 'what=stay/stay=new', '1.004194'],
  ['cu-tru', 'what=stay/stay=extend', '1.002755'],
  ['cu-tru', 'what=stay/stay=guest', '2.001159'],
  ['cu-tru', 'what=away', '1.003677'],
  ['cu-tru', 'what=household/household=split', '1.010038'],
  ['cu-tru', 'what=household/household=adjust', '1.010039'],
  ['cu-tru', 'what=confirm', '1.010041'],
  ['dat-dai', 'what=first', '1.013978'],
  ['dat-dai', 'what=exchange', '1.012783'],
  ['dat-dai', 'what=lost', '1.012786'],
  ['dat-dai', 'what=wrong/wrong=yes', '1.012796'],
  ['dat-dai', 'what=wrong/wrong=no', '1.012790'],
  ['dat-dai', 'what=change/change=transfer', '1.013831'],
  ['dat-dai', 'what=change/change=rename', '1.013833'],
  ['ho-kinh-doanh', 'what=start', '1.001612'],
  ['ho-kinh-doanh', 'what=change', '2.000720'],
  ['ho-kinh-doanh', 'what=pause', '1.001570'],
  ['ho-kinh-doanh', 'what=close', '1.001266'],
  ['ho-kinh-doanh', 'what=reissue', '2.000575'],
  ['giay-phep-xay-dung', 'what=new', '1.013225'],
  ['giay-phep-xay-dung', 'what=repair', '1.013229'],
  ['giay-phep-xay-dung', 'what=adjust', '1.013226'],
  ['giay-phep-xay-dung', 'what=extend', '1.013227'],
  ['giay-phep-xay-dung', 'what=reissue', '1.013228'],
];

const library = shippedFlows();
const flow = (id: string): Flow => {
  const found = library.flows.find((f) => f.id === id);
  if (!found) throw new Error(`no shipped flow ${id}`);
  return found;
};

/** Every path of answers through a flow, as address segments. */
function allPaths(f: Flow): string[] {
  const paths: string[] = [];
  const walk = (id: string, prefix: string[]) => {
    const q = f.questions.find((x) => x.id === id);
    if (!q) return void paths.push(prefix.join('/'));
    for (const a of q.answers) walk(a.next, [...prefix, `${q.id}=${a.id}`]);
  };
  walk(f.start, []);
  return paths;
}

describe('the shipped question flows', () => {
  it('loads every file in shared/guidance/flows, none refused', () => {
    const files = readdirSync(resolve(import.meta.dirname, '../../shared/guidance/flows')).filter((f) => f.endsWith('.json'));
    expect(Object.keys(FLOW_FILES).sort()).toEqual(files.sort());
    expect(library.rejected).toEqual([]);
    expect(library.flows).toHaveLength(files.length);
    // Unchanged by the checks: the kiosk hands the files out as they are (flowFiles.ts).
    expect(shippedFlowFiles()).toEqual(library.flows);
  });

  it('reaches every node, without loops, asking at most three questions on any path', () => {
    for (const f of library.flows) {
      expect(checkFlowStructure(f).map(describeFlowIssue)).toEqual([]);
      for (const path of allPaths(f)) expect(path.split('/').length).toBeLessThanOrEqual(MAX_QUESTIONS_ON_A_PATH);
    }
  });

  it.each(DECISIONS)('%s: %s leads to %s', (id, answers, code) => {
    const walked = walkFlow(flow(id), parseSteps(answers.split('/')));
    if (!walked.ok) throw new Error(walked.error);
    expect(walked.value.node.kind === 'outcome' ? walked.value.node.outcome.code : `a question (${walked.value.node.question.id})`).toBe(code);
  });

  it('has a decision above for every path of every flow', () => {
    const covered = new Set(DECISIONS.map(([id, answers]) => `${id}:${answers}`));
    const paths = library.flows.flatMap((f) => allPaths(f).map((p) => `${f.id}:${p}`));
    expect(paths.filter((p) => !covered.has(p))).toEqual([]);
  });
});

describe('the shipped flows against the real catalogs', () => {
  const catalogs: Record<'commune' | 'full', Map<string, Procedure>> = { commune: new Map(), full: new Map() };
  beforeAll(async () => {
    for (const [name, path] of [
      ['commune', COMMUNE_CATALOG],
      ['full', FULL_CATALOG_DIR],
    ] as const) {
      const read = await readCatalogSource(join(sharedDataDir(), path));
      if (!read.ok) throw new Error(read.error);
      catalogs[name] = new Map(read.value.procedures.map((p) => [p.code, p]));
    }
  });

  it('finds every outcome code and every document in the national data (commune file or the 2,642)', () => {
    const lookup = (code: string) => catalogs.commune.get(code) ?? catalogs.full.get(code);
    expect(checkFlows(library.flows, lookup).map(describeFlowIssue)).toEqual([]);
  });

  it('with the commune file alone, only reports procedures that live outside it, never a broken document', () => {
    const issues = checkFlows(library.flows, (code) => catalogs.commune.get(code));
    expect(issues.filter((i) => i.kind !== 'missing-code' && i.kind !== 'missing-family-code').map(describeFlowIssue)).toEqual([]);
    // The land certificate's exchange, replacement, correction and transfer are provincial procedures: not in the commune file.
    const codes = issues.map((i) => i.message.match(/\d\.\d{6}/)![0]);
    expect(codes).toEqual(['1.012783', '1.012786', '1.012790', '1.013831', '1.013833']);
    for (const code of codes) expect([catalogs.commune.has(code), catalogs.full.has(code)]).toEqual([false, true]);
  });

  it('with the bundled demo catalog, reports the missing codes (those outcomes fall back to the list) and no broken document', () => {
    const demo = new Map(demoCatalog.procedures.map((p) => [p.code, p]));
    const issues = library.flows.flatMap((f) => checkFlowAgainstCatalog(f, (code) => demo.get(code)));
    expect(issues.filter((i) => i.kind !== 'missing-code' && i.kind !== 'missing-family-code').map(describeFlowIssue)).toEqual([]);
    expect(issues.filter((i) => i.kind === 'missing-code').length).toBeGreaterThan(0);
    // The plain variants are in the demo catalog, so the usual paths still end on a checklist.
    for (const [id, code] of [['khai-tu', '1.000656'], ['ket-hon', '1.000894'], ['khai-sinh', '1.001193']] as const) {
      expect(flow(id).outcomes.some((o) => o.code === code && demo.has(code))).toBe(true);
    }
  });
});
