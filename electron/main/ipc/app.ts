/** app:idle — the renderer says whether it is idle (no unsaved form), which gates update installs. */
import { z } from 'zod';
import { IPC } from '../../../shared/ipc/contract.ts';
import { ok } from '../../../shared/result.ts';
import { validated, type HandlerMap } from './handler.ts';

export const idleSchema = z.object({ idle: z.boolean() }).strict();

export function appHandlers(deps: { onIdle: (idle: boolean) => void }): HandlerMap {
  return {
    [IPC.appIdle]: validated(idleSchema, ({ idle }) => {
      deps.onIdle(idle);
      return ok(null);
    }),
  };
}
