/**
 * `npm run province:add -- --code HP --name "Hải Phòng" [--enrolment-code X] [--data-dir DIR | --store URL]`:
 * sets up a province's own account and prints its enrolment code (shown once, stored hashed): it
 * enrols the province's devices, which read the figures of the centers added with `--province HP`.
 */
import { addProvince } from '../centers/addCenter.ts';
import { readCommandLine, withStore } from './storeCommand.ts';

const usage = 'usage: npm run province:add -- --code CODE --name "NAME" [--enrolment-code CODE] [--data-dir data/server | --store postgres://...]';
const { values } = readCommandLine(usage, { code: { type: 'string' }, name: { type: 'string' }, 'enrolment-code': { type: 'string' } });
const { code, name } = values;
if (!code || !name) {
  console.error(usage);
  process.exit(2);
}
const added = await withStore(values, 'province not added', (store) => addProvince(store, { code, name, enrolmentCode: values['enrolment-code'] }));
console.log(`province ${added.province.code} "${added.province.name}" added`);
console.log(`province enrolment code (the province's devices only): ${added.enrolmentCode}`);
console.log('keep it safe: the server stores only its hash (npm run center:codes -- --code CODE issues a new one)');
console.log(`add the province's centers with: npm run center:add -- --code CODE --name "NAME" --province ${added.province.code}`);
