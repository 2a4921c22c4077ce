/**
 * How a file is kept at rest: what lists, indexes and figures need stays in clear (number, status,
 * dates, procedure, sync state); the citizen, notes and documents are sealed together, the scans
 * apart (lists never decrypt them). Opening checks the result again with the file's schema.
 */
import { z } from 'zod';
import { citizenSchema, fileRecordSchema } from '../../shared/files/fileRecord.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { DataCipher } from '../security/dataCipher.ts';
import type { FileClear, LocalFile, StoredFile } from './db.ts';
import { localFileSchema } from './localFileSchema.ts';
import { attachmentsContext, fileContext } from './sealContexts.ts';

const personalSchema = z.object({ citizen: citizenSchema, notes: fileRecordSchema.shape.notes, documents: fileRecordSchema.shape.documents });
/** The personal part of a file: sealed on the device, shown once opened. */
export type FilePersonal = z.infer<typeof personalSchema>;

/** Why a stored file's personal data cannot be shown. */
export type FileUnreadable =
  /** Retention removed it (the stub keeps what the worklist and figures need). */
  | { kind: 'purged'; at: string }
  /** It does not decrypt or does not pass the schema (another key, damage); `reason` says which. */
  | { kind: 'undecryptable'; reason: string };

export async function sealFile(cipher: DataCipher, file: LocalFile): Promise<StoredFile> {
  const { citizen, notes, documents, attachments, ...clear } = file;
  const [personal, scans] = await Promise.all([
    cipher.seal({ citizen, notes, documents } satisfies FilePersonal, fileContext(file.id)),
    attachments.length > 0 ? cipher.seal(attachments, attachmentsContext(file.id)) : null,
  ]);
  return { ...clear, personal, attachments: scans };
}

/** The clear part of a stored row, as lists show it. */
export function clearPart(stored: StoredFile): FileClear {
  const { personal: _personal, attachments: _attachments, purgedAt: _purgedAt, ...clear } = stored;
  return clear;
}

export async function openPersonal(cipher: DataCipher, stored: StoredFile): Promise<Result<FilePersonal, FileUnreadable>> {
  if (stored.personal === null) return err({ kind: 'purged', at: stored.purgedAt ?? stored.statusAt });
  const opened = await cipher.open(stored.personal, fileContext(stored.id));
  if (!opened.ok) return err({ kind: 'undecryptable', reason: `file ${stored.number}: ${opened.error}` });
  const parsed = personalSchema.safeParse(opened.value);
  return parsed.success ? ok(parsed.data) : err({ kind: 'undecryptable', reason: `file ${stored.number}: the decrypted data has the wrong shape` });
}

/** The whole file with its scans, checked with the file's schema (for the receipt and corrections). */
export async function openFile(cipher: DataCipher, stored: StoredFile): Promise<Result<LocalFile, FileUnreadable>> {
  const [personal, scans] = await Promise.all([
    openPersonal(cipher, stored),
    stored.attachments === null ? Promise.resolve(ok([] as unknown)) : cipher.open(stored.attachments, attachmentsContext(stored.id)),
  ]);
  if (!personal.ok) return personal;
  if (!scans.ok) return err({ kind: 'undecryptable', reason: `file ${stored.number}, scans: ${scans.error}` });
  const parsed = localFileSchema.safeParse({ ...clearPart(stored), ...personal.value, attachments: scans.value });
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return err({ kind: 'undecryptable', reason: `stored file ${stored.number} is damaged: ${detail}` });
  }
  return ok(parsed.data);
}
