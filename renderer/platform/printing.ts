/**
 * Printing, one capability of the platform seam. A document is an element shown on screen with its
 * own stylesheet and page rule: the shell prints it as a self-contained HTML page (silently to the
 * configured printer, or as a preview); a browser prints it through its print dialog with only that
 * document visible on the page, and saves a PDF through the same dialog's "Save as PDF".
 */
import { shellRefusalCode, type MotcuaBridge } from '../../shared/ipc/contract.ts';
import { err, ok } from '../../shared/result.ts';
import type { PlatformFailure, PrintingCapability } from './platform.ts';

export interface PrintableDocument {
  element: HTMLElement;
  /** The document's own stylesheet, inlined into the printed HTML. */
  css: string;
  /** The @page rule (paper size and margins). */
  pageRule: string;
  /** Class put on <body> while the browser prints, so the page's CSS hides everything else. */
  bodyClass: string;
}

/** How a print ended: sent to a printer, a preview shown, the browser's dialog opened, no printer at all, or a failure. */
export type PrintOutcome = 'printed' | 'preview' | 'dialog' | 'no-printer' | 'failed';

export function documentHtml(doc: PrintableDocument): string {
  const title = doc.element.dataset.title ?? 'document';
  return `<!doctype html><html lang="${document.documentElement.lang || 'vi'}"><head><meta charset="utf-8"><title>${title}</title><style>${doc.css}\n${doc.pageRule}\nbody{margin:0}</style></head><body>${doc.element.outerHTML}</body></html>`;
}

/** A shell refusal as a failure: its code in the staff's words when main gave one, else a general "the app could not". */
export function shellFailure(error: string, otherwise: string): PlatformFailure {
  const code = shellRefusalCode(error);
  return { code: code ? `platform.refusal.${code}` : otherwise, detail: error };
}

/** What a runtime without the capability answers (the browser): a translated reason, never an exception. */
export const notInBrowser = (what: string): PlatformFailure => ({ code: 'platform.notInBrowser', detail: `${what} needs the motcua app; this is a web browser` });

/** The browser's print dialog, with only `doc` visible (the page's print CSS hides the rest by `bodyClass`). */
function printInPage(doc: PrintableDocument): void {
  const style = document.createElement('style');
  style.textContent = doc.pageRule;
  document.head.append(style);
  document.body.classList.add(doc.bodyClass);
  try {
    window.print();
  } finally {
    document.body.classList.remove(doc.bodyClass);
    style.remove();
  }
}

export function browserPrinting(): PrintingCapability {
  return {
    printers: async () => ok([]),
    print: async (doc) => {
      printInPage(doc);
      return 'dialog';
    },
    // Chromium's (and every desktop browser's) print dialog has "Save as PDF" as a destination.
    saveAsPdf: async (doc) => {
      printInPage(doc);
      return ok({ path: null });
    },
    choosePrinter: async () => err(notInBrowser('choosing a printer')),
  };
}

export function shellPrinting(print: MotcuaBridge['print']): PrintingCapability {
  return {
    async printers() {
      const r = await print.printers();
      return r.ok ? r : err(shellFailure(r.error, 'platform.printersFailed'));
    },
    async print(doc) {
      const result = await print.receipt({ html: documentHtml(doc) });
      if (!result.ok) return 'failed';
      return result.value.kind === 'printed' ? 'printed' : result.value.kind === 'preview' ? 'preview' : 'no-printer';
    },
    async saveAsPdf(doc, fileName) {
      const r = await print.toPdf({ html: documentHtml(doc), fileName });
      return r.ok ? ok({ path: r.value.path }) : err(shellFailure(r.error, 'platform.pdfFailed'));
    },
    async choosePrinter(choice) {
      const r = await print.choosePrinter(choice);
      return r.ok ? ok({ printer: r.value.printer ?? null, printMode: r.value.printMode ?? 'silent' }) : err(shellFailure(r.error, 'platform.saveFailed'));
    },
  };
}

/** A PDF file name from a title: letters, digits, spaces, dots, dashes and underscores (what the shell accepts). */
export function pdfFileName(title: string): string {
  const plain = title.normalize('NFC').replace(/[^\p{L}\p{N} ._-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 90);
  return `${plain || 'motcua'}.pdf`;
}
