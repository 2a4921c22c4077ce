/**
 * Prints the receipt shown on screen: through the Electron shell (silent to the configured
 * printer, or a preview on the counter) or, in a browser, through the print dialog with only the
 * receipt on the page. The printed HTML carries its own styles, so it needs nothing else.
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

export function receiptHtml(receipt: HTMLElement, paper: PaperSize): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${receipt.dataset.title ?? 'receipt'}</title><style>${receiptCss}\n${PAGE[paper]}\nbody{margin:0}</style></head><body>${receipt.outerHTML}</body></html>`;
}

export async function printReceipt(platform: Platform, receipt: HTMLElement, paper: PaperSize): Promise<PrintResult> {
  if (platform.printing) {
    const result = await platform.printing.receipt({ html: receiptHtml(receipt, paper) });
    if (!result.ok) return 'failed';
    return result.value.kind === 'printed' ? 'printed' : result.value.kind === 'preview' ? 'preview' : 'no-printer';
  }
  const style = document.createElement('style');
  style.textContent = PAGE[paper];
  document.head.append(style);
  document.body.classList.add('printing-receipt');
  try {
    window.print();
  } finally {
    document.body.classList.remove('printing-receipt');
    style.remove();
  }
  return 'dialog';
}
