/** Prints the `adminPinHash` for the device configuration: `npx tsx electron/tools/hashPin.ts 123456`. */
import { hashPin } from '../main/adminGate.ts';

const pin = process.argv[2] ?? '';
if (!/^\d{4,8}$/.test(pin)) {
  console.error('usage: npx tsx electron/tools/hashPin.ts PIN   (4 to 8 digits)');
  process.exit(2);
}
console.log(hashPin(pin));
