/**
 * "Lấy số thứ tự" at the kiosk: one big button per service (with how many wait), or, from a
 * procedure page, the one service that takes that procedure; an optional priority category first.
 * One tap gives the number; the ticket then shows and prints.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waitingLine } from '../../../../shared/queue/callOrder.ts';
import { PRIORITY_CATEGORIES, serviceForProcedure, type PriorityCategory, type QueueService } from '../../../../shared/queue/queueSettings.ts';
import type { Procedure } from '../../../../shared/catalog/procedure.ts';
import { refusalText } from '../refusalText.ts';
import type { KioskQueue } from './useKioskQueue.ts';
import './queueKiosk.css';

interface Props {
  queue: KioskQueue;
  /** Taking a number for this procedure (from its page), or null to choose a service. */
  procedure: Procedure | null;
}

export function TakeNumberScreen({ queue, procedure }: Props) {
  const { t, i18n } = useTranslation();
  const [priority, setPriority] = useState<PriorityCategory | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const view = queue.view;
  const settings = view?.settings?.settings ?? null;
  const services = useMemo((): QueueService[] => {
    if (!settings) return [];
    if (!procedure) return settings.services;
    const one = serviceForProcedure(settings, { code: procedure.code, field: procedure.field });
    return one ? [one] : settings.services;
  }, [settings, procedure]);

  if (!view || !settings) {
    return (
      <section className="queue-take" data-testid="take-number">
        <h2 className="queue-title">{t('queue.kiosk.title')}</h2>
        <p className="queue-message problem" role="alert">
          {t('queue.kiosk.notReady')}
        </p>
      </section>
    );
  }

  const take = async (service: QueueService) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const issued = await queue.take({ serviceId: service.id, procedure: procedure ? { code: procedure.code, field: procedure.field } : undefined, priority });
    setBusy(false);
    if (!issued.ok) setProblem(issued.error.kind === 'refused' ? refusalText(t, issued.error.code) : t(`queue.kiosk.failed.${issued.error.kind}`));
    else setPriority(null);
  };
  const name = (s: QueueService) => (i18n.language === 'en' && s.nameEn ? s.nameEn : s.name);

  return (
    <section className="queue-take" data-testid="take-number">
      <h2 className="queue-title">{t('queue.kiosk.title')}</h2>
      {procedure && (
        <p className="queue-for" data-testid="take-for-procedure">
          {t('queue.kiosk.forProcedure', { name: procedure.name })}
        </p>
      )}
      {view.link !== 'live' && (
        <p className="queue-message" role="status" data-testid="queue-offline-note">
          {t('queue.kiosk.offlineNote')}
        </p>
      )}
      <fieldset className="queue-priority">
        <legend>{t('queue.kiosk.priorityQuestion')}</legend>
        <div className="queue-priority-options">
          {[null, ...PRIORITY_CATEGORIES].map((c) => (
            <button
              key={c ?? 'none'}
              type="button"
              className={`chip-button${priority === c ? ' active' : ''}`}
              aria-pressed={priority === c}
              onClick={() => setPriority(c)}
              data-priority={c ?? 'none'}
            >
              {c ? t(`queue.priority.${c}`) : t('queue.kiosk.noPriority')}
            </button>
          ))}
        </div>
      </fieldset>
      <p className="queue-hint">{services.length === 1 ? t('queue.kiosk.tapOne') : t('queue.kiosk.tapService')}</p>
      <ul className="queue-services">
        {services.map((s) => {
          const waiting = waitingLine(view.state, settings, s.id).length;
          return (
            <li key={s.id}>
              <button type="button" className="queue-service" disabled={busy} onClick={() => void take(s)} data-service={s.id}>
                <span className="queue-service-letter" aria-hidden="true">
                  {s.prefix}
                </span>
                <span className="queue-service-name">{name(s)}</span>
                <span className="queue-service-waiting">{t('queue.kiosk.waiting', { count: waiting })}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {busy && (
        <p className="queue-message" role="status">
          {t('queue.kiosk.taking')}
        </p>
      )}
      {problem && (
        <p className="queue-message problem" role="alert" data-testid="take-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
