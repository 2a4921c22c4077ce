/**
 * What the receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả) says, computed once from the file
 * and the procedure, so the screen preview, the printed page and the PDF say the same thing.
 */
import type { AddressUnit } from '../../../../shared/address/addressUnit.ts';
import type { Procedure } from '../../../../shared/catalog/procedure.ts';
import type { CenterEntryValues } from '../../../../shared/centerList/centerList.ts';
import { effectiveFacts, type EffectiveFee, type EffectivePlace, type EffectiveTime } from '../../../../shared/centerList/effectiveFacts.ts';
import type { LocalFile } from '../../../data/db.ts';
import { formatLookupCode, receiptQrText } from '../../../../shared/files/lookupCode.ts';

export interface ReceiptFacts {
  number: string;
  centerName: string;
  locationCode: string | null;
  citizenName: string;
  citizenId: string;
  phone: string | null;
  address: string | null;
  /** The new commune picked for the address (printed after it, see printedAddress.ts). */
  addressUnit: AddressUnit | null;
  procedureName: string;
  procedureCode: string;
  documents: { name: string; originals: number; copies: number }[];
  /** The processing time for the channel used: the center's where its list sets one, else the catalog's. */
  time: EffectiveTime;
  /** The fee likewise (the receipt says when it is the center's). */
  fee: EffectiveFee;
  /** Where the center posts the procedure is handled (location, counter), when its list says. */
  place: EffectivePlace;
  receivedAt: Date;
  dueAt: Date | null;
  staffName: string;
  /** The lookup code printed beside the number (null for a file registered before codes existed). */
  lookupCode: string | null;
  /** What the QR code holds: the file number and its lookup code, which the kiosk's status lookup reads. */
  qrPayload: string;
}

export function receiptFacts(file: LocalFile, procedure: Procedure | undefined, centerName: string, centerEntry?: CenterEntryValues): ReceiptFacts {
  const facts = effectiveFacts(procedure, centerEntry, file.channel);
  return {
    number: file.number,
    centerName,
    locationCode: file.locationCode,
    citizenName: file.citizen.fullName,
    citizenId: file.citizen.idNumber,
    phone: file.citizen.phone,
    address: file.citizen.address,
    addressUnit: file.citizen.addressUnit ?? null,
    procedureName: file.procedureName,
    procedureCode: file.procedureCode,
    documents: file.documents
      .filter((d) => d.originalsReceived + d.copiesReceived > 0)
      .map((d) => ({ name: d.name, originals: d.originalsReceived, copies: d.copiesReceived })),
    time: facts.time,
    fee: facts.fee,
    place: facts.place,
    receivedAt: new Date(file.receivedAt),
    dueAt: file.dueAt ? new Date(file.dueAt) : null,
    staffName: file.receivedBy.staffName,
    lookupCode: file.lookupCode ? formatLookupCode(file.lookupCode) : null,
    qrPayload: file.lookupCode ? receiptQrText(file.number, file.lookupCode) : file.number,
  };
}
