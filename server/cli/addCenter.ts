/**
 * `npm run center:add -- --code 11824 --name "..." [--enrolment-code X] [--data-dir DIR]`:
 * sets up a center and prints the enrolment code its devices need (shown once, stored hashed).
 */
import { addCenter } from '../centers/addCenter.ts';
import { readCommandLine, withStore } from './storeCommand.ts';

const usage = 'usage: npm run center:add -- --code CODE --name "NAME" [--enrolment-code CODE] [--data-dir data/server]';
const { values } = readCommandLine(usage, { code: { type: 'string' }, name: { type: 'string' }, 'enrolment-code': { type: 'string' } });
const { code, name } = values;
if (!code || !name) {
  console.error(usage);
  process.exit(2);
}
const added = await withStore(values['data-dir'], 'center not added', (store) =>
  addCenter(store, { code, name, enrolmentCode: values['enrolment-code'] }),
);
console.log(`center ${added.center.code} "${added.center.name}" added`);
console.log(`enrolment code: ${added.enrolmentCode}`);
console.log('keep it safe: the server stores only a hash and cannot show it again');
