/**
 * Prints the queue ticket on the kiosk's 80 mm printer through the same path as the counter's
 * receipt: the Electron shell's print bridge (silent, to the configured printer), or the browser's
 * print dialog with only the ticket on the page. The printed HTML carries the ticket's own styles.
 */
import type { Platform } from '../../../platform/platform.ts';
import type { PrintResult } from '../../counter/receipt/printReceipt.ts';
import ticketCss from './ticket.css?inline';

const PAGE = '@page { size: 80mm auto; margin: 0; }';

export function ticketHtml(ticket: HTMLElement): string {
  return `<!doctype html><html lang="${document.documentElement.lang || 'vi'}"><head><meta charset="utf-8"><title>${ticket.dataset.title ?? 'ticket'}</title><style>${ticketCss}\n${PAGE}\nbody{margin:0}</style></head><body>${ticket.outerHTML}</body></html>`;
}

export async function printTicket(platform: Pick<Platform, 'printing'>, ticket: HTMLElement): Promise<PrintResult> {
  if (platform.printing) {
    const result = await platform.printing.receipt({ html: ticketHtml(ticket) });
    if (!result.ok) return 'failed';
    return result.value.kind === 'printed' ? 'printed' : result.value.kind === 'preview' ? 'preview' : 'no-printer';
  }
  const style = document.createElement('style');
  style.textContent = PAGE;
  document.head.append(style);
  document.body.classList.add('printing-ticket');
  try {
    window.print();
  } finally {
    document.body.classList.remove('printing-ticket');
    style.remove();
  }
  return 'dialog';
}
