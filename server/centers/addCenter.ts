/**
 * Setting up a center on the server: checks the code fits in file numbers, keeps only a hash of
 * the enrolment code and hands the code back once, for the center admin to enrol its devices with.
 */
import { z } from 'zod';
import { CENTER_CODE_PATTERN } from '../../shared/files/fileNumber.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { enrolRequestSchema } from '../../shared/sync/protocol.ts';
import { hashEnrolmentCode, newEnrolmentCode } from '../auth/secrets.ts';
import { describeIssues } from '../http/apiError.ts';
import type { Center, DeviceStore } from '../store/store.ts';

export const newCenterSchema = z.object({
  /** Part of every file number (CENTER-DEVICE-YYYYMMDD-NNNN), hence the narrow shape. */
  code: z.string().regex(CENTER_CODE_PATTERN, 'center code must be 2-10 capital letters or digits'),
  name: z.string().trim().min(1).max(120),
  enrolmentCode: enrolRequestSchema.shape.enrolmentCode.optional(),
});

export async function addCenter(
  store: DeviceStore,
  input: { code: string; name: string; enrolmentCode?: string | undefined },
): Promise<Result<{ center: Center; enrolmentCode: string }>> {
  const parsed = newCenterSchema.safeParse(input);
  if (!parsed.success) return err(describeIssues(parsed.error));
  const enrolmentCode = parsed.data.enrolmentCode ?? newEnrolmentCode();
  const added = await store.addCenter({ code: parsed.data.code, name: parsed.data.name, enrolmentCodeHash: hashEnrolmentCode(enrolmentCode) });
  if (!added.ok) return err(added.error.reason);
  return ok({ center: added.value, enrolmentCode });
}

/** The center `--demo-center` seeds for development and the end-to-end tests; its code is public. */
export const DEMO_CENTER = { code: 'DEMO', name: 'Trung tâm PVHCC (demo)', enrolmentCode: 'demo-enrol' } as const;

/** Adds the demo center unless it exists; says which, so the log shows a public code is active. */
export async function ensureDemoCenter(store: DeviceStore): Promise<Result<'created' | 'present'>> {
  const found = await store.findCenter(DEMO_CENTER.code);
  if (!found.ok) return err(found.error.reason);
  if (found.value) return ok('present');
  const added = await addCenter(store, DEMO_CENTER);
  return added.ok ? ok('created') : added;
}
