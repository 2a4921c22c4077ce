/**
 * The citizen's address as receipts and slips print it: the text as typed, followed by the new
 * commune and province picked for it ("thôn 3, xã Yên Thành (nay thuộc xã Đồng Thái, tỉnh Ninh
 * Bình)"), printed from the stored unit so an old name on the page always comes with the new one.
 */
import type { TFunction } from 'i18next';
import { addressUnitLine, type AddressUnit } from '../../../../shared/address/addressUnit.ts';

export interface AddressToPrint {
  /** As typed at the counter (or read from the card), null when none was given. */
  address: string | null;
  /** The new commune picked for it, when one was. */
  addressUnit?: AddressUnit | null | undefined;
}

export function printedAddress({ address, addressUnit }: AddressToPrint, t: TFunction): string | null {
  if (!addressUnit) return address;
  const unit = addressUnitLine(addressUnit);
  return address ? t('addressField.printed', { address, unit }) : unit;
}
