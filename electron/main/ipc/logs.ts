/** logs:export — an admin copies the rotated log files into a folder they choose. */
import { IPC, shellRefusal } from '../../../shared/ipc/contract.ts';
import { err, type Result } from '../../../shared/result.ts';
import { noPayload } from './device.ts';
import { validated, type HandlerMap } from './handler.ts';

export function logsHandlers(deps: {
  isAdmin: () => boolean;
  chooseFolder: () => Promise<string | null>;
  exportTo: (folder: string) => Promise<Result<{ folder: string; files: number }>>;
}): HandlerMap {
  return {
    [IPC.logsExport]: validated(noPayload, async () => {
      if (!deps.isAdmin()) return err(shellRefusal('settings_locked', 'settings are locked: unlock with the admin PIN first'));
      const folder = await deps.chooseFolder();
      return folder ? deps.exportTo(folder) : err(shellRefusal('no_folder', 'no folder was chosen'));
    }),
  };
}
