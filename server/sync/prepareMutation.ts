/**
 * The checks a pushed mutation gets before any store sees it: its size, its payload against the
 * shared schema for its kind, and that it speaks for the device that sent it. A failure is not an error
 * of the push: it becomes a `reject` the store records, so the device's sequence still advances.
 * Checks that need the stored file (its center, whether a status change is legal) are the store's.
 */
import type { Mutation, PushRejectCode } from '../../shared/sync/protocol.ts';
import { mutationPayloadSchemas } from '../../shared/sync/protocol.ts';
import { MAX_PUSH_ITEM_BYTES, oversizedPayloadSchema, payloadBytes } from '../../shared/sync/pushLimits.ts';
import { describeIssues } from '../http/apiError.ts';
import type { Device, PreparedMutation } from '../store/store.ts';

export function prepareMutation(mutation: Mutation, device: Device): PreparedMutation {
  const base = { seq: mutation.seq, id: mutation.id, kind: mutation.kind, at: mutation.at };
  const reject = (reason: string, code: PushRejectCode = 'invalid'): PreparedMutation => ({ ...base, action: 'reject', reason, code });

  // Scans travel on their own (shared/sync/scanUpload.ts): an item this large is refused alone.
  const oversized = oversizedPayloadSchema.safeParse(mutation.payload);
  if (oversized.success) {
    return reject(`the device could not send this ${mutation.kind} item: it is ${oversized.data.oversized.bytes} bytes, over the ${MAX_PUSH_ITEM_BYTES} a push item may be`, 'too_large');
  }
  const bytes = payloadBytes(mutation.payload);
  if (bytes > MAX_PUSH_ITEM_BYTES) return reject(`this ${mutation.kind} item is ${bytes} bytes, over the ${MAX_PUSH_ITEM_BYTES} a push item may be`, 'too_large');

  switch (mutation.kind) {
    case 'file.create': {
      const parsed = mutationPayloadSchemas['file.create'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid file: ${describeIssues(parsed.error)}`);
      const file = parsed.data;
      if (file.centerCode !== device.centerCode) return reject(`file is for center ${file.centerCode}, this device belongs to ${device.centerCode}`, 'wrong_sender');
      if (file.deviceId !== device.id) return reject(`file was made by device ${file.deviceId}, not by the device pushing it`, 'wrong_sender');
      // The number is unique across devices only because it carries the center and device codes.
      const prefix = `${device.centerCode}-${device.code}-`;
      if (!file.number.startsWith(prefix)) return reject(`file number ${file.number} must start with ${prefix}`, 'wrong_sender');
      return { ...base, action: 'create', file };
    }
    case 'file.cancel': {
      const parsed = mutationPayloadSchemas['file.cancel'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid cancellation: ${describeIssues(parsed.error)}`);
      return { ...base, action: 'cancel', fileId: parsed.data.fileId, reason: parsed.data.reason };
    }
    case 'file.status': {
      const parsed = mutationPayloadSchemas['file.status'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid status change: ${describeIssues(parsed.error)}`);
      const { fileId, from, to, stamp } = parsed.data;
      if (stamp.where.centerCode !== device.centerCode) {
        return reject(`status change is stamped for center ${stamp.where.centerCode}, this device belongs to ${device.centerCode}`, 'wrong_sender');
      }
      if (stamp.where.deviceId !== device.id) return reject(`status change was made by device ${stamp.where.deviceId}, not by the device pushing it`, 'wrong_sender');
      return {
        ...base,
        action: 'status',
        change: {
          centerCode: device.centerCode,
          fileId,
          from,
          status: to,
          note: stamp.note,
          at: stamp.when,
          by: stamp.who,
          location: stamp.where.locationCode,
          deviceId: device.id,
        },
      };
    }
    case 'rating.create': {
      const parsed = mutationPayloadSchemas['rating.create'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid rating: ${describeIssues(parsed.error)}`);
      // A number the center does not know is kept as typed: ratings join files within the center only.
      return { ...base, action: 'rate', rating: parsed.data };
    }
    default:
      return reject(`unknown mutation kind "${mutation.kind}"`);
  }
}
