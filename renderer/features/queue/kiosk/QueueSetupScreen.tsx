/**
 * Where a kiosk stands for giving numbers (#/queue-setup, for the installer, not for citizens): once
 * it is enrolled as a kiosk (in its settings, the one place a kiosk enrols), what it knows: center,
 * its code (the prefix of its own numbers when the server cannot be reached), the link, the
 * settings and what waits to go.
 */
import { useTranslation } from 'react-i18next';
import type { KioskQueue } from './useKioskQueue.ts';
import './queueKiosk.css';

export function QueueSetupScreen({ queue, onDone }: { queue: KioskQueue; onDone(): void }) {
  const { t } = useTranslation();
  if (!queue.replica) {
    return (
      <section className="queue-setup" data-testid="queue-setup">
        <h2 className="queue-title">{t('queue.setup.title')}</h2>
        <p className="queue-hint" data-testid="queue-setup-enrol-first">
          {t('queue.setup.enrolHint')}
        </p>
        <button type="button" className="button primary big" onClick={onDone} data-testid="queue-setup-done">
          {t('queue.setup.done')}
        </button>
      </section>
    );
  }
  const { device } = queue.replica;
  const view = queue.view;
  return (
    <section className="queue-setup" data-testid="queue-setup" data-ready={queue.available}>
      <h2 className="queue-title">{t('queue.setup.title')}</h2>
      <dl>
        <dt>{t('queue.setup.center')}</dt>
        <dd>{device.centerName}</dd>
        <dt>{t('queue.setup.deviceCode')}</dt>
        <dd data-testid="kiosk-code">{device.deviceCode}</dd>
        <dt>{t('queue.setup.link')}</dt>
        <dd data-testid="queue-link" data-link={view?.link}>
          {t(`queue.link.${view?.link ?? 'connecting'}`)}
        </dd>
        <dt>{t('queue.setup.settings')}</dt>
        <dd>{view?.settings ? t('queue.setup.revision', { revision: view.settings.revision, services: view.settings.settings.services.length }) : t('queue.setup.noSettings')}</dd>
        <dt>{t('queue.setup.pending')}</dt>
        <dd data-testid="queue-pending">{view?.pending ?? 0}</dd>
      </dl>
      <button type="button" className="button primary big" onClick={onDone} data-testid="queue-setup-done">
        {t('queue.setup.done')}
      </button>
    </section>
  );
}
