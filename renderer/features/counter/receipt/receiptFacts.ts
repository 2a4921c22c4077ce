/**
 * What the receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả) says, computed once from the file
 * and the procedure, so the screen preview, the printed page and the PDF say the same thing.
 */
import type { Procedure } from '../../../../shared/catalog/procedure.ts';
import type { LocalFile } from '../../../data/db.ts';
import { formatLookupCode, receiptQrText } from '../../../../shared/files/lookupCode.ts';
import { methodFor } from '../../procedure/procedureFacts.ts';

export interface ReceiptFacts {
  number: string;
  centerName: string;
  locationCode: string | null;
  citizenName: string;
  citizenId: string;
  phone: string | null;
  address: string | null;
  procedureName: string;
  procedureCode: string;
  documents: { name: string; originals: number; copies: number }[];
  /** The fee for the channel used, as the catalog has it (null: unknown). */
  fee: { free: boolean | null; amount: number | null; text: string | null } | null;
  receivedAt: Date;
  dueAt: Date | null;
  staffName: string;
  /** The lookup code printed beside the number (null for a file registered before codes existed). */
  lookupCode: string | null;
  /** What the QR code holds: the file number and its lookup code, which the kiosk's status lookup reads. */
  qrPayload: string;
}

export function receiptFacts(file: LocalFile, procedure: Procedure | undefined, centerName: string): ReceiptFacts {
  const method = procedure ? methodFor(procedure, file.channel) : undefined;
  return {
    number: file.number,
    centerName,
    locationCode: file.locationCode,
    citizenName: file.citizen.fullName,
    citizenId: file.citizen.idNumber,
    phone: file.citizen.phone,
    address: file.citizen.address,
    procedureName: file.procedureName,
    procedureCode: file.procedureCode,
    documents: file.documents
      .filter((d) => d.originalsReceived + d.copiesReceived > 0)
      .map((d) => ({ name: d.name, originals: d.originalsReceived, copies: d.copiesReceived })),
    fee: method ? method.fee : null,
    receivedAt: new Date(file.receivedAt),
    dueAt: file.dueAt ? new Date(file.dueAt) : null,
    staffName: file.receivedBy.staffName,
    lookupCode: file.lookupCode ? formatLookupCode(file.lookupCode) : null,
    qrPayload: file.lookupCode ? receiptQrText(file.number, file.lookupCode) : file.number,
  };
}
