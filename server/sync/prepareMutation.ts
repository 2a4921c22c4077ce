/**
 * The checks a pushed mutation gets before any store sees it: its size, its payload against the
 * shared schema for its kind, its times against the server's clock (shared/files/fileChecks.ts),
 * and that it speaks for the device that sent it. A failure is not an error
 * of the push: it becomes a `reject` the store records, so the device's sequence still advances.
 * Checks that need the stored file (its center, whether a status change is legal) are the store's.
 */
import { checkAddressUnit, type CommuneDirectory } from '../../shared/address/addressUnit.ts';
import type { ChangeStamp } from '../../shared/files/fileChanges.ts';
import type { Citizen } from '../../shared/files/fileRecord.ts';
import { checkChangeTime, checkFileTimes, describeFileProblems, fileCheckKey, type FileCheckProblem } from '../../shared/files/fileChecks.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { mutationPayloadSchemas } from '../../shared/sync/protocol.ts';
import { MAX_PUSH_ITEM_BYTES, oversizedPayloadSchema, payloadBytes } from '../../shared/sync/pushLimits.ts';
import type { RejectionCode } from '../../shared/sync/rejectionCodes.ts';
import { describeIssues } from '../http/apiError.ts';
import type { Device, PreparedMutation } from '../store/store.ts';

/**
 * `now` is the server's clock: the file-level checks bound the times a device claims by it, and a
 * rating's time is the moment it arrives. `communes` is the server's administrative units table: a
 * citizen's chosen commune must be in it (a server with no table yet takes the shape-checked unit,
 * since it cannot judge it and refusing would cost the file).
 */
export function prepareMutation(mutation: Mutation, device: Device, now: Date, communes: CommuneDirectory | null = null): PreparedMutation {
  const base = { seq: mutation.seq, id: mutation.id, kind: mutation.kind, at: mutation.at };
  const reject = (reason: string, code: RejectionCode): PreparedMutation => ({ ...base, action: 'reject', reason, code });
  const refuse = (what: string, problems: FileCheckProblem[]) => reject(`${what}: ${describeFileProblems(problems)}`, fileCheckKey(problems[0]!.code));
  /** A stamp must name the pushing device and its center: a device speaks only for itself. */
  const stampProblem = (what: string, where: ChangeStamp['where']): PreparedMutation | null => {
    if (where.centerCode !== device.centerCode) return reject(`${what} is stamped for center ${where.centerCode}, this device belongs to ${device.centerCode}`, 'syncReason.wrongCenter');
    if (where.deviceId !== device.id) return reject(`${what} was made by device ${where.deviceId}, not by the device pushing it`, 'syncReason.wrongDevice');
    return null;
  };
  const unitProblem = (what: string, citizen: Citizen): PreparedMutation | null => {
    if (!citizen.addressUnit || !communes) return null;
    const checked = checkAddressUnit(citizen.addressUnit, communes);
    return checked.ok ? null : reject(`${what}: ${checked.error.reason}`, 'syncReason.unknownAddressUnit');
  };

  // Scans travel on their own (shared/sync/scanUpload.ts): an item this large is refused alone.
  const oversized = oversizedPayloadSchema.safeParse(mutation.payload);
  if (oversized.success) {
    return reject(`the device could not send this ${mutation.kind} item: it is ${oversized.data.oversized.bytes} bytes, over the ${MAX_PUSH_ITEM_BYTES} a push item may be`, 'syncReason.tooLarge');
  }
  const bytes = payloadBytes(mutation.payload);
  if (bytes > MAX_PUSH_ITEM_BYTES) return reject(`this ${mutation.kind} item is ${bytes} bytes, over the ${MAX_PUSH_ITEM_BYTES} a push item may be`, 'syncReason.tooLarge');

  switch (mutation.kind) {
    case 'file.create': {
      const parsed = mutationPayloadSchemas['file.create'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid file: ${describeIssues(parsed.error)}`, 'syncReason.invalidPayload');
      const file = parsed.data;
      if (file.centerCode !== device.centerCode) return reject(`file is for center ${file.centerCode}, this device belongs to ${device.centerCode}`, 'syncReason.wrongCenter');
      if (file.deviceId !== device.id) return reject(`file was made by device ${file.deviceId}, not by the device pushing it`, 'syncReason.wrongDevice');
      // The number is unique across devices only because it carries the center and device codes.
      const prefix = `${device.centerCode}-${device.code}-`;
      if (!file.number.startsWith(prefix)) return reject(`file number ${file.number} must start with ${prefix}`, 'syncReason.numberPrefix');
      const problems = checkFileTimes(file, now);
      if (problems.length > 0) return refuse(`file ${file.number} refused`, problems);
      return unitProblem(`file ${file.number} refused`, file.citizen) ?? { ...base, action: 'create', file };
    }
    case 'file.cancel': {
      const parsed = mutationPayloadSchemas['file.cancel'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid cancellation: ${describeIssues(parsed.error)}`, 'syncReason.invalidPayload');
      // The withdrawal is dated by the mutation's time.
      const problems = checkChangeTime('at', mutation.at, now);
      if (problems.length > 0) return refuse('withdrawal refused', problems);
      return { ...base, action: 'cancel', fileId: parsed.data.fileId, reason: parsed.data.reason };
    }
    case 'file.status': {
      const parsed = mutationPayloadSchemas['file.status'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid status change: ${describeIssues(parsed.error)}`, 'syncReason.invalidPayload');
      const { fileId, from, to, stamp } = parsed.data;
      const problems = checkChangeTime('stamp.when', stamp.when, now);
      if (problems.length > 0) return refuse('status change refused', problems);
      const foreign = stampProblem('status change', stamp.where);
      if (foreign) return foreign;
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
    // Corrections, due dates and fees: the shape and the stamp here; the rules that need the stored
    // file (shared/files/fileChanges.ts) in the store.
    case 'file.update': {
      const parsed = mutationPayloadSchemas['file.update'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid correction: ${describeIssues(parsed.error)}`, 'syncReason.invalidPayload');
      const late = checkChangeTime('stamp.when', parsed.data.stamp.when, now);
      if (late.length > 0) return refuse('correction refused', late);
      return (
        stampProblem('correction', parsed.data.stamp.where) ??
        unitProblem('correction refused', parsed.data.changes.citizen) ?? { ...base, action: 'update', correction: parsed.data }
      );
    }
    case 'file.due': {
      const parsed = mutationPayloadSchemas['file.due'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid due date change: ${describeIssues(parsed.error)}`, 'syncReason.invalidPayload');
      const late = checkChangeTime('stamp.when', parsed.data.stamp.when, now);
      if (late.length > 0) return refuse('due date change refused', late);
      return stampProblem('due date change', parsed.data.stamp.where) ?? { ...base, action: 'due', due: parsed.data };
    }
    case 'file.fee': {
      const parsed = mutationPayloadSchemas['file.fee'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid fee payment: ${describeIssues(parsed.error)}`, 'syncReason.invalidPayload');
      const late = checkChangeTime('stamp.when', parsed.data.stamp.when, now);
      if (late.length > 0) return refuse('fee payment refused', late);
      return stampProblem('fee payment', parsed.data.stamp.where) ?? { ...base, action: 'fee', fee: parsed.data };
    }
    default:
      return reject(`unknown mutation kind "${mutation.kind}"`, 'syncReason.unknownKind');
  }
}
