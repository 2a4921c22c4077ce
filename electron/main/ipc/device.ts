/** device:* — who this device is and how it is configured (read-only for the renderer). */
import { z } from 'zod';
import { IPC, type DeviceConfig, type DeviceIdentity } from '../../../shared/ipc/contract.ts';
import { ok } from '../../../shared/result.ts';
import { validated, type HandlerMap } from './handler.ts';

/** No arguments: the renderer sends nothing (or an empty object). */
export const noPayload = z.union([z.undefined(), z.object({}).strict()]);

export function deviceHandlers(deps: { identity: () => DeviceIdentity; config: () => DeviceConfig }): HandlerMap {
  return {
    [IPC.deviceIdentity]: validated(noPayload, () => ok(deps.identity())),
    [IPC.deviceConfig]: validated(noPayload, () => ok(deps.config())),
  };
}
