/**
 * The paper ticket (80 mm): the number in large type, the service, how many wait before, the time it
 * was taken and an estimate of the wait. A number the kiosk gave without the server says so.
 */
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedTicket } from '../../../../shared/queue/queueApi.ts';
import type { QueueService } from '../../../../shared/queue/queueSettings.ts';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import './ticket.css';

interface Props {
  ticket: IssuedTicket;
  service: QueueService | null;
  centerName: string;
}

export const TicketSlip = forwardRef<HTMLDivElement, Props>(function TicketSlip({ ticket, service, centerName }, ref) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'vi' ? 'vi-VN' : 'en-GB';
  const taken = new Date(ticket.issuedAt);
  const time = taken.toLocaleTimeString(locale, { timeZone: VIETNAM_TIME, hour: '2-digit', minute: '2-digit' });
  const date = taken.toLocaleDateString(locale, { timeZone: VIETNAM_TIME, day: '2-digit', month: '2-digit', year: 'numeric' });
  const serviceName = service ? (i18n.language === 'en' && service.nameEn ? service.nameEn : service.name) : ticket.serviceId;
  const wait =
    ticket.estimateMinutes === null ? t('queue.ticket.waitUnknown') : ticket.ahead === 0 ? t('queue.ticket.waitNone') : t('queue.ticket.wait', { minutes: Math.max(1, ticket.estimateMinutes) });
  return (
    <div className="queue-ticket" ref={ref} data-testid="queue-ticket" data-number={ticket.number} data-title={t('queue.ticket.documentTitle', { number: ticket.number })}>
      <p className="ticket-center">{centerName}</p>
      <div className="ticket-rule" />
      <p className="ticket-title">{t('queue.ticket.title')}</p>
      <p className={`ticket-number${ticket.number.length > 5 ? ' long' : ''}`} data-testid="ticket-number">
        {ticket.number}
      </p>
      <p className="ticket-service">{service ? `${service.prefix} – ${serviceName}` : serviceName}</p>
      {ticket.priority && <p className="ticket-priority">{t('queue.ticket.priority', { category: t(`queue.priority.${ticket.priority}`) })}</p>}
      <div className="ticket-lines">
        <p data-testid="ticket-ahead">{t('queue.ticket.ahead', { count: ticket.ahead })}</p>
        <p data-testid="ticket-wait">{wait}</p>
        <p>{t('queue.ticket.takenAt', { time, date })}</p>
      </div>
      {ticket.origin === 'offline' && <p className="ticket-offline">{t('queue.ticket.offline')}</p>}
      <div className="ticket-rule" />
      <p className="ticket-foot">{t('queue.ticket.foot')}</p>
    </div>
  );
});
