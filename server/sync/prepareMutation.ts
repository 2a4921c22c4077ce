/**
 * The checks a pushed mutation gets before any store sees it: its payload against the shared
 * schema for its kind, and that it speaks for the device that sent it. A failure is not an error
 * of the push: it becomes a `reject` the store records, so the device's sequence still advances.
 * Checks that need the stored file (its center, whether a status change is legal) are the store's.
 */
import type { Mutation } from '../../shared/sync/protocol.ts';
import { mutationPayloadSchemas } from '../../shared/sync/protocol.ts';
import type { Attachment } from '../../shared/files/fileRecord.ts';
import { checkChangeTime, checkFileTimes, describeFileProblems, fileCheckKey, type FileCheckProblem } from '../../shared/files/fileChecks.ts';
import { describeIssues } from '../http/apiError.ts';
import type { Device, PreparedMutation } from '../store/store.ts';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function attachmentProblem(a: Attachment): string | null {
  if (!BASE64.test(a.dataBase64)) return `attachment "${a.name}" is not valid base64`;
  const bytes = Buffer.byteLength(a.dataBase64, 'base64');
  if (bytes !== a.size) return `attachment "${a.name}" says ${a.size} bytes but holds ${bytes}`;
  return null;
}

/**
 * `now` is the server's clock: the file-level checks (shared/files/fileChecks.ts) bound the times a
 * device claims by it, and a rating's time is the moment it arrives.
 */
export function prepareMutation(mutation: Mutation, device: Device, now: Date): PreparedMutation {
  const base = { seq: mutation.seq, id: mutation.id, kind: mutation.kind, at: mutation.at };
  const reject = (reason: string, code?: string): PreparedMutation => ({ ...base, action: 'reject', reason, ...(code ? { code } : {}) });
  const refuse = (what: string, problems: FileCheckProblem[]) => reject(`${what}: ${describeFileProblems(problems)}`, fileCheckKey(problems[0]!.code));

  switch (mutation.kind) {
    case 'file.create': {
      const parsed = mutationPayloadSchemas['file.create'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid file: ${describeIssues(parsed.error)}`, 'serverReasons.fileInvalid');
      const file = parsed.data;
      if (file.centerCode !== device.centerCode) return reject(`file is for center ${file.centerCode}, this device belongs to ${device.centerCode}`, 'serverReasons.wrongDevice');
      if (file.deviceId !== device.id) return reject(`file was made by device ${file.deviceId}, not by the device pushing it`, 'serverReasons.wrongDevice');
      // The number is unique across devices only because it carries the center and device codes.
      const prefix = `${device.centerCode}-${device.code}-`;
      if (!file.number.startsWith(prefix)) return reject(`file number ${file.number} must start with ${prefix}`, 'serverReasons.wrongDevice');
      const problems = checkFileTimes(file, now);
      if (problems.length > 0) return refuse(`file ${file.number} refused`, problems);
      for (const attachment of file.attachments) {
        const problem = attachmentProblem(attachment);
        if (problem) return reject(problem, 'serverReasons.badAttachment');
      }
      return { ...base, action: 'create', file };
    }
    case 'file.cancel': {
      const parsed = mutationPayloadSchemas['file.cancel'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid cancellation: ${describeIssues(parsed.error)}`, 'serverReasons.fileInvalid');
      // The withdrawal is dated by the mutation's time.
      const problems = checkChangeTime('at', mutation.at, now);
      if (problems.length > 0) return refuse('withdrawal refused', problems);
      return { ...base, action: 'cancel', fileId: parsed.data.fileId, reason: parsed.data.reason };
    }
    case 'file.status': {
      const parsed = mutationPayloadSchemas['file.status'].safeParse(mutation.payload);
      if (!parsed.success) return reject(`invalid status change: ${describeIssues(parsed.error)}`, 'serverReasons.fileInvalid');
      const { fileId, from, to, stamp } = parsed.data;
      const problems = checkChangeTime('stamp.when', stamp.when, now);
      if (problems.length > 0) return refuse('status change refused', problems);
      if (stamp.where.centerCode !== device.centerCode) {
        return reject(`status change is stamped for center ${stamp.where.centerCode}, this device belongs to ${device.centerCode}`, 'serverReasons.wrongDevice');
      }
      if (stamp.where.deviceId !== device.id) return reject(`status change was made by device ${stamp.where.deviceId}, not by the device pushing it`, 'serverReasons.wrongDevice');
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
      if (!parsed.success) return reject(`invalid rating: ${describeIssues(parsed.error)}`, 'serverReasons.ratingInvalid');
      // A number the center does not know is kept as typed (it does not count): ratings join files within the center only.
      return { ...base, action: 'rate', rating: parsed.data, receivedAt: now.toISOString() };
    }
    default:
      return reject(`unknown mutation kind "${mutation.kind}"`, 'serverReasons.unknownKind');
  }
}
