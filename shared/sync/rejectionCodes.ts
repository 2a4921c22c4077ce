/**
 * Why the server refused a pushed item, as a stable code next to the English `reason`: the device
 * shows staff the translation of the code, never the English. Codes are i18n keys, from the server
 * (`syncReason.*`), the life cycle (shared/files/lifecycle.ts), the file changes
 * (shared/files/fileChanges.ts) and the file-level time checks (`fileChecks.*`, shared/files/fileChecks.ts);
 * a device that does not know a code says so in its own words.
 */
import type { FileChangeErrorCode } from '../files/fileChanges.ts';
import type { FileCheckCode } from '../files/fileChecks.ts';
import type { TransitionErrorCode } from '../files/lifecycle.ts';

export const SERVER_REJECTION_CODES = [
  /** The payload does not match its kind's schema. */
  'syncReason.invalidPayload',
  'syncReason.unknownKind',
  /** The item speaks for another center or another device than the one pushing it. */
  'syncReason.wrongCenter',
  'syncReason.wrongDevice',
  'syncReason.numberPrefix',
  /** Another file already has this id or this number. */
  'syncReason.duplicateId',
  'syncReason.numberTaken',
  'syncReason.fileNotFound',
  'syncReason.ratingConflict',
  /** The citizen's chosen commune is not in the server's administrative units table, or is named otherwise there. */
  'syncReason.unknownAddressUnit',
  /** The file moved on the server since the device saw it. */
  'fileStatus.error.staleStatus',
  /** The item is over the size a push item may be (shared/sync/pushLimits.ts): scans travel on their own. */
  'syncReason.tooLarge',
  /** The server failed on this item (a bug, logged there); the rest of the push was applied. */
  'syncReason.internal',
] as const;
export type ServerRejectionCode = (typeof SERVER_REJECTION_CODES)[number];

export type RejectionCode = ServerRejectionCode | TransitionErrorCode | FileChangeErrorCode | `fileChecks.${FileCheckCode}`;

const CODE_SHAPE = /^(syncReason|fileStatus\.error|fileChange\.error|fileChecks)\.[A-Za-z]{1,40}$/;

/** Whether a code read from an answer may be looked up as a translation key (anything else is not). */
export function isRejectionCode(code: unknown): code is RejectionCode {
  return typeof code === 'string' && CODE_SHAPE.test(code);
}
