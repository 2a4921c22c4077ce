/**
 * `npm run center:add -- --code 11824 --name "..." [--enrolment-code X] [--data-dir DIR]`:
 * sets up a center and prints the enrolment code its devices need (shown once, stored hashed).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addCenter } from '../centers/addCenter.ts';
import { openSqliteStore } from '../store/sqliteStore.ts';
import { dataDirOption } from './dataDirOption.ts';

const usage = 'usage: npm run center:add -- --code CODE --name "NAME" [--enrolment-code CODE] [--data-dir data/server]';
let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    options: { ...dataDirOption, code: { type: 'string' }, name: { type: 'string' }, 'enrolment-code': { type: 'string' } },
  });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const { code, name } = parsed.values;
if (!code || !name) {
  console.error(usage);
  process.exit(2);
}
const store = openSqliteStore(resolve(parsed.values['data-dir']));
if (!store.ok) {
  console.error(`center not added: ${store.error}`);
  process.exit(1);
}
const added = await addCenter(store.value, { code, name, enrolmentCode: parsed.values['enrolment-code'] });
await store.value.close();
if (!added.ok) {
  console.error(`center not added: ${added.error}`);
  process.exit(1);
}
console.log(`center ${added.value.center.code} "${added.value.center.name}" added`);
console.log(`enrolment code: ${added.value.enrolmentCode}`);
console.log('keep it safe: the server stores only a hash and cannot show it again');
