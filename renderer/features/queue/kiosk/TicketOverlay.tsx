/**
 * The number just taken, on screen and on paper: printed once when it appears, shown with what to
 * do next, gone by itself after a while so the next person finds the kiosk ready.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedTicket } from '../../../../shared/queue/queueApi.ts';
import type { QueueService } from '../../../../shared/queue/queueSettings.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { PrintableDocument, PrintOutcome } from '../../../platform/printing.ts';
import { ROLL_80MM_PAGE } from '../../counter/receipt/printReceipt.ts';
import ticketCss from './ticket.css?inline';
import { TicketSlip } from './TicketSlip.tsx';
import './queueKiosk.css';

/** The ticket as the one printable document path prints it (receipts, slips, posters, the checklist): 80 mm roll. */
export const ticketDocument = (element: HTMLElement): PrintableDocument => ({ element, css: ticketCss, pageRule: ROLL_80MM_PAGE, bodyClass: 'printing-ticket' });

/** Long enough to read the number and take the paper. */
const SHOWN_MS = 25_000;

interface Props {
  ticket: IssuedTicket;
  service: QueueService | null;
  centerName: string;
  platform: Pick<Platform, 'printing'>;
  onDone(): void;
  /** More to say with the number (a pre-registration's code and whether it reached the counter). */
  children?: ReactNode;
}

export function TicketOverlay({ ticket, service, centerName, platform, onDone, children }: Props) {
  const { t } = useTranslation();
  const slip = useRef<HTMLDivElement>(null);
  const [printed, setPrinted] = useState<PrintOutcome | 'printing'>('printing');
  useEffect(() => {
    const element = slip.current;
    if (!element) return;
    let live = true;
    void platform.printing.print(ticketDocument(element)).then((r) => live && setPrinted(r));
    return () => {
      live = false;
    };
  }, [platform, ticket.number]);
  useEffect(() => {
    const timer = window.setTimeout(onDone, SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [onDone, ticket.number]);

  const message = printed === 'printing' ? 'printing' : printed === 'printed' || printed === 'dialog' || printed === 'preview' ? 'printed' : 'notPrinted';
  return (
    <div className="overlay" role="dialog" aria-labelledby="ticket-title" data-testid="ticket-overlay" data-printed={printed}>
      <div className="overlay-card queue-ticket-card">
        <h2 id="ticket-title">{t('queue.kiosk.yourNumber')}</h2>
        <p className="queue-big-number" data-testid="overlay-number">
          {ticket.number}
        </p>
        <p className={`queue-print-state ${message}`} role="status">
          {t(`queue.kiosk.print.${message}`)}
        </p>
        {children}
        <TicketSlip ref={slip} ticket={ticket} service={service} centerName={centerName} />
        <button type="button" className="button primary big" onClick={onDone} data-testid="ticket-done">
          {t('queue.kiosk.done')}
        </button>
      </div>
    </div>
  );
}
