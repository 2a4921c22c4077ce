/**
 * The question flows the kiosk ships, as files. Adding a flow means adding its JSON file here (a
 * test checks that every file in flows/ is listed, and that each passes flowLibrary.ts's checks
 * unchanged, so that shippedFlowFiles() may hand them out as they are).
 */
import type { Flow } from './flowSchema.ts';
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

export const FLOW_FILES: Readonly<Record<string, unknown>> = {
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

/** The shipped flows as they are: checked by the unit tests (shippedFlows.test.ts), not again on every kiosk. */
export function shippedFlowFiles(): Flow[] {
  return Object.values(FLOW_FILES) as Flow[];
}
