/**
 * Enrolling a device gives it the next free short code of its center (D01, D02, ...), which every
 * file number it makes carries: a code given twice would let two devices make the same numbers. The
 * center is locked while the codes are read, so two enrolments at once take turns.
 */
import type { Device, NewDevice } from '../store/store.ts';
import type { SyncTransaction } from './syncTransaction.ts';

/** The first D-number not taken; revoked devices keep theirs, since file numbers already carry it. */
export function nextDeviceCode(taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`D${String(n).padStart(2, '0')}`)) n += 1;
  return `D${String(n).padStart(2, '0')}`;
}

export async function enrolDevice(tx: SyncTransaction, device: NewDevice, enrolledAt: string): Promise<Device> {
  const taken = new Set(await tx.lockCenterDeviceCodes(device.centerCode));
  return tx.insertDevice({ ...device, code: nextDeviceCode(taken), enrolledAt });
}
