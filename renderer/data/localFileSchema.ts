/**
 * The schema of a file as the device keeps it (db.ts's LocalFile), checked whenever one is read back
 * and opened (sealedFiles.ts). Apart from db.ts so the database opens without zod.
 */
import { z } from 'zod';
import { feePaymentSchema } from '../../shared/files/fileChanges.ts';
import { fileRecordSchema, fileStatusSchema } from '../../shared/files/fileRecord.ts';
import type { FileSyncState, LocalFee, LocalFile, OutboxState, SupplementRequest } from './db.ts';

export const fileSyncStateSchema = z.enum(['pending', 'sent', 'rejected', 'cancelled']);
export const outboxStateSchema = z.enum(['pending', 'sent', 'rejected', 'superseded', 'cancelled']);
const localFeeSchema = feePaymentSchema.extend({ staffName: z.string() });
const supplementRequestSchema = z.object({ documents: z.array(z.string()).max(200), text: z.string().max(2000) });

export const localFileSchema = fileRecordSchema.extend({
  syncState: fileSyncStateSchema,
  rejectReason: z.string().nullable(),
  status: fileStatusSchema,
  statusAt: z.string(),
  /** The outbox mutation that carries the file's latest change. */
  seq: z.number().int().positive(),
  // Optional (files saved before they existed have none), not indexed: no schema version needed.
  statusNote: z.string().nullable().optional(),
  dueReason: z.string().nullable().optional(),
  fee: localFeeSchema.nullable().optional(),
  supplement: supplementRequestSchema.nullable().optional(),
});

// db.ts writes these types by hand; the compiler holds them to the schemas, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
  Same<z.infer<typeof fileSyncStateSchema>, FileSyncState>,
  Same<z.infer<typeof outboxStateSchema>, OutboxState>,
  Same<z.infer<typeof localFeeSchema>, LocalFee>,
  Same<z.infer<typeof supplementRequestSchema>, SupplementRequest>,
  Same<z.infer<typeof localFileSchema>, LocalFile>,
] = [true, true, true, true, true];
void agree;
