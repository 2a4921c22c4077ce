/**
 * The only bridge into the page: one typed object whose every method invokes one named channel.
 * No ipcRenderer, no generic send, no Node. Main validates every payload and answers a Result.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { decodeConfigArg } from '../../shared/ipc/configArg.ts';
import { IPC, type IpcChannel, type MotcuaBridge } from '../../shared/ipc/contract.ts';
import type { Result } from '../../shared/result.ts';

// Main passes the public device configuration and app.getVersion() as one argument.
const startup = decodeConfigArg(process.argv);

/** Invokes one channel; a failure of the IPC itself also comes back as a Result. */
function call<T>(channel: IpcChannel, payload?: unknown): Promise<Result<T>> {
  return (ipcRenderer.invoke(channel, payload) as Promise<Result<T>>).catch((error: unknown) => ({
    ok: false as const,
    error: `${channel}: ${error instanceof Error ? error.message : String(error)}`,
  }));
}

const bridge = {
  version: startup.version,
  config: startup.config,
  device: {
    identity: () => call(IPC.deviceIdentity),
    config: () => call(IPC.deviceConfig),
  },
  print: {
    printers: () => call(IPC.printPrinters),
    receipt: (request) => call(IPC.printReceipt, request),
    toPdf: (request) => call(IPC.printPdf, request),
    choosePrinter: (choice) => call(IPC.printChoosePrinter, choice),
  },
  network: {
    probe: (options) => call(IPC.networkProbe, options),
  },
  secrets: {
    get: (name) => call(IPC.secretsGet, { name }),
    set: (name, value) => call(IPC.secretsSet, { name, value }),
  },
  admin: {
    gesture: () => call(IPC.adminGesture),
    unlock: (pin) => call(IPC.adminUnlock, { pin }),
    lock: () => call(IPC.adminLock),
  },
  logs: {
    export: () => call(IPC.logsExport),
  },
  app: {
    reportIdle: (report) => call(IPC.appIdle, report),
  },
} satisfies MotcuaBridge;

contextBridge.exposeInMainWorld('motcua', bridge);
