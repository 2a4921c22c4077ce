/**
 * Setting up a center on the server: checks the code fits in file numbers, keeps only hashes of its
 * two codes and hands the codes back once. The enrolment code enrols kiosks and counters; the admin
 * enrolment code enrols a center admin's device (figures and other admin routes). Both are at
 * least ENROLMENT_CODE_MIN_LENGTH characters; generated ones carry ~59 bits.
 */
import { z } from 'zod';
import { CENTER_CODE_PATTERN } from '../../shared/files/fileNumber.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { ENROLMENT_CODE_MIN_LENGTH, enrolRequestSchema } from '../../shared/sync/protocol.ts';
import { hashEnrolmentCode, newEnrolmentCode } from '../auth/secrets.ts';
import { describeIssues } from '../http/apiError.ts';
import type { Center, DeviceStore } from '../store/store.ts';
import { DEMO_CENTER } from '../../shared/demo/demoCenter.ts';

export { DEMO_CENTER };

const chosenCode = enrolRequestSchema.shape.enrolmentCode;

export const newCenterSchema = z
  .object({
    /** Part of every file number (CENTER-DEVICE-YYYYMMDD-NNNN), hence the narrow shape. */
    code: z.string().regex(CENTER_CODE_PATTERN, 'center code must be 2-10 capital letters or digits'),
    name: z.string().trim().min(1).max(120),
    enrolmentCode: chosenCode.optional(),
    adminEnrolmentCode: chosenCode.optional(),
  })
  .refine((c) => c.enrolmentCode === undefined || c.enrolmentCode !== c.adminEnrolmentCode, {
    path: ['adminEnrolmentCode'],
    message: 'the admin enrolment code must differ from the enrolment code',
  });

export interface CenterCodes {
  enrolmentCode: string;
  adminEnrolmentCode: string;
}

export async function addCenter(
  store: DeviceStore,
  input: { code: string; name: string; enrolmentCode?: string | undefined; adminEnrolmentCode?: string | undefined },
): Promise<Result<{ center: Center } & CenterCodes>> {
  const parsed = newCenterSchema.safeParse(input);
  if (!parsed.success) return err(`${describeIssues(parsed.error)} (codes need at least ${ENROLMENT_CODE_MIN_LENGTH} characters)`);
  const enrolmentCode = parsed.data.enrolmentCode ?? newEnrolmentCode();
  const adminEnrolmentCode = parsed.data.adminEnrolmentCode ?? newEnrolmentCode();
  const added = await store.addCenter({
    code: parsed.data.code,
    name: parsed.data.name,
    enrolmentCodeHash: hashEnrolmentCode(enrolmentCode),
    adminCodeHash: hashEnrolmentCode(adminEnrolmentCode),
  });
  if (!added.ok) return err(added.error.reason);
  return ok({ center: added.value, enrolmentCode, adminEnrolmentCode });
}

/**
 * New codes for a center (a code was lost or leaked, or the center predates admin codes): the old
 * ones stop working at once; enrolled devices keep their tokens.
 */
export async function renewCenterCodes(store: DeviceStore, code: string, chosen: Partial<CenterCodes> = {}): Promise<Result<CenterCodes>> {
  const codes = z.object({ enrolmentCode: chosenCode.optional(), adminEnrolmentCode: chosenCode.optional() }).safeParse(chosen);
  if (!codes.success) return err(`${describeIssues(codes.error)} (codes need at least ${ENROLMENT_CODE_MIN_LENGTH} characters)`);
  const enrolmentCode = codes.data.enrolmentCode ?? newEnrolmentCode();
  const adminEnrolmentCode = codes.data.adminEnrolmentCode ?? newEnrolmentCode();
  if (enrolmentCode === adminEnrolmentCode) return err('the admin enrolment code must differ from the enrolment code');
  const set = await store.setCenterCodes(code, { enrolmentCodeHash: hashEnrolmentCode(enrolmentCode), adminCodeHash: hashEnrolmentCode(adminEnrolmentCode) });
  return set.ok ? ok({ enrolmentCode, adminEnrolmentCode }) : err(set.error.reason);
}

/** Adds the demo center unless it exists (its codes are set to DEMO_CENTER's either way); says which, so the log shows public codes are active. */
export async function ensureDemoCenter(store: DeviceStore): Promise<Result<'created' | 'present'>> {
  const found = await store.findCenter(DEMO_CENTER.code);
  if (!found.ok) return err(found.error.reason);
  if (found.value) {
    // A data folder from before the codes changed must still enrol with the documented ones.
    const renewed = await renewCenterCodes(store, DEMO_CENTER.code, DEMO_CENTER);
    return renewed.ok ? ok('present') : renewed;
  }
  const added = await addCenter(store, DEMO_CENTER);
  return added.ok ? ok('created') : added;
}
