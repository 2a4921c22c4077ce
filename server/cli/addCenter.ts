/**
 * `npm run center:add -- --code 11824 --name "..." [--enrolment-code X] [--admin-enrolment-code Y] [--data-dir DIR]`:
 * sets up a center and prints its two codes (shown once, stored hashed): the enrolment code for
 * kiosks and counters, the admin enrolment code for the center admin's device.
 */
import { addCenter } from '../centers/addCenter.ts';
import { readCommandLine, withStore } from './storeCommand.ts';

const usage = 'usage: npm run center:add -- --code CODE --name "NAME" [--enrolment-code CODE] [--admin-enrolment-code CODE] [--data-dir data/server]';
const { values } = readCommandLine(usage, {
  code: { type: 'string' },
  name: { type: 'string' },
  'enrolment-code': { type: 'string' },
  'admin-enrolment-code': { type: 'string' },
});
const { code, name } = values;
if (!code || !name) {
  console.error(usage);
  process.exit(2);
}
const added = await withStore(values['data-dir'], 'center not added', (store) =>
  addCenter(store, { code, name, enrolmentCode: values['enrolment-code'], adminEnrolmentCode: values['admin-enrolment-code'] }),
);
console.log(`center ${added.center.code} "${added.center.name}" added`);
console.log(`enrolment code (kiosks and counters): ${added.enrolmentCode}`);
console.log(`admin enrolment code (the center admin's device only): ${added.adminEnrolmentCode}`);
console.log('keep them safe: the server stores only hashes and cannot show them again (npm run center:codes issues new ones)');
