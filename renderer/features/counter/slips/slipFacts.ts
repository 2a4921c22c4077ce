/**
 * What the one-stop slips say about a file, computed once from it, so the preview and the printed
 * page say the same thing: who, which file, which procedure, what is still missing.
 */
import type { AddressUnit } from '../../../../shared/address/addressUnit.ts';
import type { ReceivedDocument } from '../../../../shared/files/fileRecord.ts';
import type { LocalFile } from '../../../data/db.ts';

export interface SlipFacts {
  number: string;
  centerName: string;
  locationCode: string | null;
  citizenName: string;
  address: string | null;
  /** The new commune picked for the address (printed after it, see receipt/printedAddress.ts). */
  addressUnit: AddressUnit | null;
  phone: string | null;
  procedureName: string;
  procedureCode: string;
  receivedAt: Date;
  /** The staff member issuing the slip (signs it). */
  staffName: string;
  /** When the slip is issued (its date line). */
  issuedAt: Date;
}

export function slipFacts(file: LocalFile, centerName: string, staffName: string, issuedAt: Date): SlipFacts {
  return {
    number: file.number,
    centerName,
    locationCode: file.locationCode,
    citizenName: file.citizen.fullName,
    address: file.citizen.address,
    addressUnit: file.citizen.addressUnit ?? null,
    phone: file.citizen.phone,
    procedureName: file.procedureName,
    procedureCode: file.procedureCode,
    receivedAt: new Date(file.receivedAt),
    staffName,
    issuedAt,
  };
}

/** A document still owed: how many originals and copies are missing. */
export interface MissingDocument {
  name: string;
  originals: number;
  copies: number;
}

/** The checklist's documents not fully received, in the checklist's order. */
export function missingDocuments(documents: readonly ReceivedDocument[]): MissingDocument[] {
  return documents
    .filter((d) => d.originalsReceived < d.originalsExpected || d.copiesReceived < d.copiesExpected)
    .map((d) => ({ name: d.name, originals: Math.max(0, d.originalsExpected - d.originalsReceived), copies: Math.max(0, d.copiesExpected - d.copiesReceived) }));
}

/** The documents a supplement request names, with what is missing of each (what staff ticked, from the checklist). */
export function requestedDocuments(documents: readonly ReceivedDocument[], names: readonly string[]): MissingDocument[] {
  const missing = new Map(missingDocuments(documents).map((d) => [d.name, d]));
  return names.map((name) => missing.get(name) ?? { name, originals: 0, copies: 0 });
}
