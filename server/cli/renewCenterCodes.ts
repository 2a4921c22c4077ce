/**
 * `npm run center:codes -- --code CODE [--enrolment-code X] [--admin-enrolment-code Y] [--data-dir DIR]`:
 * issues new codes for a center (lost, leaked, or a center set up before admin codes existed).
 * The old codes stop working at once; devices already enrolled keep working.
 */
import { renewCenterCodes } from '../centers/addCenter.ts';
import { readCommandLine, withStore } from './storeCommand.ts';

const usage = 'usage: npm run center:codes -- --code CODE [--enrolment-code CODE] [--admin-enrolment-code CODE] [--data-dir data/server]';
const { values } = readCommandLine(usage, {
  code: { type: 'string' },
  'enrolment-code': { type: 'string' },
  'admin-enrolment-code': { type: 'string' },
});
if (!values.code) {
  console.error(usage);
  process.exit(2);
}
const code = values.code;
const renewed = await withStore(values['data-dir'], 'codes not renewed', (store) =>
  renewCenterCodes(store, code, {
    ...(values['enrolment-code'] ? { enrolmentCode: values['enrolment-code'] } : {}),
    ...(values['admin-enrolment-code'] ? { adminEnrolmentCode: values['admin-enrolment-code'] } : {}),
  }),
);
console.log(`center ${code}: new codes issued, the old ones no longer work`);
console.log(`enrolment code (kiosks and counters): ${renewed.enrolmentCode}`);
console.log(`admin enrolment code (the center admin's device only): ${renewed.adminEnrolmentCode}`);
