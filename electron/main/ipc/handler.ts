/**
 * How every IPC handler is built and registered: the sender must be the app's own page, the
 * payload must pass the handler's zod schema, and whatever happens the renderer gets a Result.
 */
import type { z } from 'zod';
import type { IpcChannel } from '../../../shared/ipc/contract.ts';
import { err, type Result } from '../../../shared/result.ts';
import { isTrustedIpcSender, type SenderFrame } from '../security.ts';

export type Handler = (payload: unknown) => Promise<Result<unknown>>;
export type HandlerMap = Partial<Record<IpcChannel, Handler>>;

/** A handler whose input is checked first; a bad payload is answered with the reason, never run. */
export function validated<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<Result<T>> | Result<T>): Handler {
  return async (payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return err(`invalid request: ${where}${issue?.message ?? 'rejected'}`);
    }
    return run(parsed.data);
  };
}

/** Runs one call as main receives it: sender check (the app's top frame), lookup, and no exception escapes. */
export async function dispatch(handlers: HandlerMap, channel: string, senderFrame: SenderFrame | null | undefined, payload: unknown): Promise<Result<unknown>> {
  if (!isTrustedIpcSender(senderFrame)) return err(`refused: ${channel} from an untrusted page`);
  const handler = handlers[channel as IpcChannel];
  if (!handler) return err(`unknown channel ${channel}`);
  try {
    return await handler(payload);
  } catch (error) {
    return err(`${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: SenderFrame | null }, payload?: unknown) => Promise<unknown>): void;
}

export function registerIpc(ipcMain: IpcMainLike, handlers: HandlerMap, onRefused: (channel: string, reason: string) => void = () => {}): void {
  for (const channel of Object.keys(handlers)) {
    ipcMain.handle(channel, async (event, payload) => {
      const result = await dispatch(handlers, channel, event.senderFrame, payload);
      if (!result.ok) onRefused(channel, result.error);
      return result;
    });
  }
}
