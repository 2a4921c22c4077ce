/**
 * print:* — receipts and checklists to the configured printer (silently on a kiosk, through the
 * system dialog as a preview on a counter), the printer list and choice, and print-to-PDF as the
 * fallback. The Electron work sits behind `PrintDriver` (printDriver.ts), so the decisions are tested.
 */
import { basename, join } from 'node:path';
import { z } from 'zod';
import { IPC, shellRefusal, type DeviceConfig, type PrinterChoice, type PrinterInfo, type PrintOutcome } from '../../../shared/ipc/contract.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import { noPayload } from './device.ts';
import { validated, type HandlerMap } from './handler.ts';

export interface PrintDriver {
  listPrinters(): Promise<PrinterInfo[]>;
  print(html: string, options: { silent: boolean; deviceName?: string; copies: number }): Promise<Result<null>>;
  toPdf(html: string): Promise<Uint8Array>;
  /** Asks staff for a folder; null when they cancel. */
  chooseFolder(): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

const html = z.string().min(1, 'the document is empty').max(2_000_000, 'the document is larger than 2 MB');
export const receiptSchema = z.object({ html, copies: z.number().int().min(1).max(5).optional() }).strict();
export const pdfSchema = z
  .object({
    html,
    fileName: z.string().regex(/^[\p{L}\p{N} ._-]{1,100}\.pdf$/u, 'a plain file name ending in .pdf'),
  })
  .strict();
export const printerChoiceSchema = z.object({ printer: z.string().min(1).max(256).nullable(), printMode: z.enum(['silent', 'preview']) }).strict();

/**
 * Which printer to use: the configured one when it is connected; otherwise the system default
 * (or the only printer), with a note; with no printer at all the UI offers PDF.
 */
export function choosePrinter(printers: readonly PrinterInfo[], configured: string | null | undefined): { printer: string; note: string | null } | { printer: null; reason: string } {
  if (configured && printers.some((p) => p.name === configured)) return { printer: configured, note: null };
  const fallback = printers.find((p) => p.isDefault) ?? printers[0];
  if (!fallback) return { printer: null, reason: configured ? `printer "${configured}" is not connected and no other printer exists` : 'no printer is installed' };
  return { printer: fallback.name, note: configured ? `printer "${configured}" is not connected; used "${fallback.name}"` : null };
}

export interface PrintDeps {
  driver: PrintDriver;
  config: () => DeviceConfig;
  isAdmin: () => boolean;
  saveChoice: (choice: PrinterChoice) => Promise<Result<DeviceConfig>>;
  log: (message: string) => void;
}

export async function printReceipt(deps: PrintDeps, request: z.output<typeof receiptSchema>): Promise<Result<PrintOutcome>> {
  const config = deps.config();
  const copies = request.copies ?? 1;
  if (config.profile === 'counter' && config.printMode === 'preview') {
    const shown = await deps.driver.print(request.html, { silent: false, copies });
    return shown.ok ? ok({ kind: 'preview' }) : shown;
  }
  const choice = choosePrinter(await deps.driver.listPrinters(), config.printer);
  if (choice.printer === null) return ok({ kind: 'no-printer', reason: choice.reason });
  if (choice.note) deps.log(choice.note);
  const printed = await deps.driver.print(request.html, { silent: true, deviceName: choice.printer, copies });
  return printed.ok ? ok({ kind: 'printed', printer: choice.printer }) : printed;
}

export async function printToPdf(deps: PrintDeps, request: z.output<typeof pdfSchema>): Promise<Result<{ path: string }>> {
  const folder = await deps.driver.chooseFolder();
  if (!folder) return err(shellRefusal('no_folder', 'no folder was chosen'));
  const path = join(folder, basename(request.fileName));
  try {
    await deps.driver.writeFile(path, await deps.driver.toPdf(request.html));
    return ok({ path });
  } catch (error) {
    return err(shellRefusal('write_failed', `could not write the PDF: ${error instanceof Error ? error.message : String(error)}`));
  }
}

export function printHandlers(deps: PrintDeps): HandlerMap {
  return {
    [IPC.printPrinters]: validated(noPayload, async () => ok(await deps.driver.listPrinters())),
    [IPC.printReceipt]: validated(receiptSchema, (request) => printReceipt(deps, request)),
    [IPC.printPdf]: validated(pdfSchema, (request) => printToPdf(deps, request)),
    [IPC.printChoosePrinter]: validated(printerChoiceSchema, (choice) =>
      deps.isAdmin() ? deps.saveChoice(choice) : err(shellRefusal('settings_locked', 'settings are locked: unlock with the admin PIN first')),
    ),
  };
}
