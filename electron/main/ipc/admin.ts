/** admin:* — the hidden gesture, the PIN check and the admin session (see adminGate.ts). */
import { z } from 'zod';
import { IPC } from '../../../shared/ipc/contract.ts';
import { ok } from '../../../shared/result.ts';
import type { AdminGate } from '../adminGate.ts';
import { noPayload } from './device.ts';
import { validated, type HandlerMap } from './handler.ts';

export const unlockSchema = z.object({ pin: z.string().regex(/^\d{4,8}$/, 'the PIN is 4 to 8 digits') }).strict();

export function adminHandlers(gate: AdminGate, now: () => number = Date.now): HandlerMap {
  return {
    [IPC.adminGesture]: validated(noPayload, () => gate.gesture(now())),
    [IPC.adminUnlock]: validated(unlockSchema, ({ pin }) => gate.unlock(pin, now())),
    [IPC.adminLock]: validated(noPayload, () => {
      gate.lock();
      return ok(null);
    }),
  };
}
