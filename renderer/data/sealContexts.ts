/**
 * The contexts sealed values are bound to (AES-GCM additional data): a value decrypts only under the
 * context it was sealed with, so a sealed part copied onto another record is refused. Stored data
 * depends on these strings: changing one makes what was sealed under it unreadable.
 */
export const fileContext = (fileId: string) => `file:${fileId}`;
export const attachmentsContext = (fileId: string) => `file:${fileId}:attachments`;
export const outboxContext = (mutationId: string) => `outbox:${mutationId}`;
/** A scan's bytes (renderer/data/scanStore.ts). */
export const scanContext = (scanId: string) => `scan:${scanId}`;
/** A kiosk's pre-registration until the server has it (renderer/data/preregDrafts.ts). */
export const preregContext = (draftId: string) => `prereg:${draftId}`;
/** The device token the at-rest upgrade sealed in the device row, until loadDevice moves it to the vault. */
export const LEGACY_TOKEN_CONTEXT = 'device:legacyToken';
