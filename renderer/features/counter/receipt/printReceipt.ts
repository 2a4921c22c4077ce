/**
 * Prints a paper document shown on screen (the receipt, the slips, the center's poster, the kiosk's
 * checklist): through the Electron shell (silent to the configured printer, or a preview on the
 * counter) or, in a browser, through the print dialog with only that document on the page. The
 * printed HTML carries its own styles, so it needs nothing else.
 */
import type { Platform } from '../../../platform/platform.ts';
import receiptCss from './receipt.css?inline';
import type { PaperSize } from './Receipt.tsx';

const PAGE: Record<PaperSize, string> = {
  A4: '@page { size: A4 portrait; margin: 0; }',
  A5: '@page { size: A5 portrait; margin: 0; }',
  roll80: '@page { size: 80mm auto; margin: 0; }',
};

export type PrintResult = 'printed' | 'preview' | 'dialog' | 'no-printer' | 'failed';

export interface PrintableDocument {
  element: HTMLElement;
  /** The document's own stylesheet, inlined into the printed HTML. */
  css: string;
  /** The @page rule (paper size and margins). */
  pageRule: string;
  /** Class put on <body> while the browser prints, so the page's CSS hides everything else. */
  bodyClass: string;
}

export const ROLL_80MM_PAGE = PAGE.roll80;

export function documentHtml(doc: PrintableDocument): string {
  const title = doc.element.dataset.title ?? 'document';
  return `<!doctype html><html lang="${document.documentElement.lang || 'vi'}"><head><meta charset="utf-8"><title>${title}</title><style>${doc.css}\n${doc.pageRule}\nbody{margin:0}</style></head><body>${doc.element.outerHTML}</body></html>`;
}

/** Through the shell when there is one (silent to the configured printer), else the browser's print dialog. */
export async function printDocument(platform: Pick<Platform, 'printing'>, doc: PrintableDocument): Promise<PrintResult> {
  if (platform.printing) {
    const result = await platform.printing.receipt({ html: documentHtml(doc) });
    if (!result.ok) return 'failed';
    return result.value.kind === 'printed' ? 'printed' : result.value.kind === 'preview' ? 'preview' : 'no-printer';
  }
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
  return 'dialog';
}

const receiptDocument = (receipt: HTMLElement, paper: PaperSize): PrintableDocument => ({
  element: receipt,
  css: receiptCss,
  pageRule: PAGE[paper],
  bodyClass: 'printing-receipt',
});

export function receiptHtml(receipt: HTMLElement, paper: PaperSize): string {
  return documentHtml(receiptDocument(receipt, paper));
}

export function printReceipt(platform: Platform, receipt: HTMLElement, paper: PaperSize): Promise<PrintResult> {
  return printDocument(platform, receiptDocument(receipt, paper));
}
