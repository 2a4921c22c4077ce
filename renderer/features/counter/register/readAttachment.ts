/** Reads a picked scan or photo into an attachment, refusing what is too large with a reason the UI translates. */
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type Attachment } from '../../../../shared/files/fileRecord.ts';
import { err, ok, type Result } from '../../../../shared/result.ts';

export type AttachmentProblem = { key: 'counter.errors.attachmentTooLarge' | 'counter.errors.attachmentCount' | 'counter.errors.attachmentRead'; name: string };

export async function readAttachment(file: File, already: number): Promise<Result<Attachment, AttachmentProblem>> {
  if (already >= MAX_ATTACHMENTS) return err({ key: 'counter.errors.attachmentCount', name: file.name });
  if (file.size > MAX_ATTACHMENT_BYTES) return err({ key: 'counter.errors.attachmentTooLarge', name: file.name });
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return ok({ name: file.name.slice(0, 255), type: file.type.slice(0, 100), size: file.size, dataBase64: btoa(binary) });
  } catch {
    return err({ key: 'counter.errors.attachmentRead', name: file.name });
  }
}
