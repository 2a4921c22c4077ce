/**
 * The receipt and the slips as printable documents (renderer/platform/printing.ts): their own
 * stylesheet inlined, the page rule of the paper chosen, and the body class the browser's print
 * CSS keys on. Printing itself is the platform's; it never touches the network.
 */
import type { PrintableDocument } from '../../../platform/printing.ts';
import receiptCss from './receipt.css?inline';
import type { PaperSize } from './Receipt.tsx';

const PAGE: Record<PaperSize, string> = {
  A4: '@page { size: A4 portrait; margin: 0; }',
  A5: '@page { size: A5 portrait; margin: 0; }',
  roll80: '@page { size: 80mm auto; margin: 0; }',
};

export const ROLL_80MM_PAGE = PAGE.roll80;

export function receiptDocument(receipt: HTMLElement, paper: PaperSize): PrintableDocument {
  return { element: receipt, css: receiptCss, pageRule: PAGE[paper], bodyClass: 'printing-receipt' };
}
