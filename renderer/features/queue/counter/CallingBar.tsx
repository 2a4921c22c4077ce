/**
 * The counter's calling bar, above every counter screen: which desk this is, the number it calls or
 * serves, and the clerk's buttons (call next, recall, absent, start, finish, transfer, pause with a
 * reason, call a number by hand), with how many wait and whether the server is reachable.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { waitingLine } from '../../../../shared/queue/callOrder.ts';
import { pauseReasonSchema, type PauseReason } from '../../../../shared/queue/queueEvents.ts';
import type { Result } from '../../../../shared/result.ts';
import type { DeviceIdentity, MotcuaDb, StaffMember } from '../../../data/db.ts';
import { refusalText } from '../refusalText.ts';
import { QueueSettingsEditor } from '../settings/QueueSettingsEditor.tsx';
import { useCounterQueue, type CounterProblem } from './useCounterQueue.ts';
import './callingBar.css';

type Panel = 'none' | 'transfer' | 'pause' | 'manual' | 'settings';

interface Props {
  db: MotcuaDb;
  device: DeviceIdentity;
  staff: StaffMember;
  /** The queue set-up is open: it has its own address (#/counter/queue-settings), so the counter holds it. */
  settingsOpen: boolean;
  onSettings(open: boolean): void;
  /** The called number came with a kiosk pre-registration; open it into the registration form. */
  onOpenPrereg?: (draftId: string) => void;
}

export function CallingBar({ db, device, staff, settingsOpen, onSettings, onOpenPrereg }: Props) {
  const { t, i18n } = useTranslation();
  const queue = useCounterQueue(db, device);
  const [shown, setShown] = useState<Exclude<Panel, 'settings'>>('none');
  // Only an admin sets the queue up; anyone else at that address sees the bar as usual.
  const panel: Panel = settingsOpen && staff.role === 'admin' ? 'settings' : shown;
  const setPanel = (next: Panel) => {
    if (next === 'settings') onSettings(true);
    else {
      if (panel === 'settings') onSettings(false);
      setShown(next);
    }
  };
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const { view, counter } = queue;
  const settings = view.settings?.settings ?? null;
  const desk = counter === null ? null : (settings?.counters.find((c) => c.number === counter) ?? null);
  const held = counter === null ? undefined : view.state.counters.get(counter);
  const ticket = held?.current ? (view.state.tickets.get(held.current) ?? null) : null;
  const serviceName = (id: string | null) => {
    const s = settings?.services.find((x) => x.id === id);
    return s ? (i18n.language === 'en' && s.nameEn ? s.nameEn : s.name) : '';
  };
  const waiting = desk
    ? desk.services.reduce((n, id) => n + waitingLine(view.state, settings!, id).length, 0) +
      [...view.state.tickets.values()].filter((x) => x.status === 'waiting' && x.forCounter === desk.number).length
    : 0;

  const problemText = (p: CounterProblem) =>
    p.kind === 'refused' ? refusalText(t, p.code) : p.kind === 'storage' ? t('queue.counter.problem.storage', { reason: p.reason }) : t(`queue.counter.problem.${p.kind}`);
  async function run<T>(work: () => Promise<Result<T, CounterProblem>>, said: (value: T) => string) {
    if (busy) return;
    setBusy(true);
    const done = await work();
    setBusy(false);
    setMessage(done.ok ? { ok: true, text: said(done.value) } : { ok: false, text: problemText(done.error) });
    if (done.ok) setPanel('none');
  }

  if (!settings) {
    // A center without a queue: staff see nothing of it; an admin gets one quiet line to set it up.
    if (staff.role !== 'admin' || view.link !== 'live') return null;
    return (
      <div className="calling-bar" data-testid="calling-bar" data-state="unset">
        <div className="calling-row">
          <span className="calling-note">{t('queue.counter.noSettings')}</span>
          <button type="button" className="button" onClick={() => setPanel(panel === 'settings' ? 'none' : 'settings')} data-testid="queue-settings-open">
            {t('queue.counter.settings')}
          </button>
        </div>
        {panel === 'settings' && <QueueSettingsEditor client={queue.replica.client} stored={null} onClose={() => setPanel('none')} />}
      </div>
    );
  }

  const settingsButton = staff.role === 'admin' && (
    <button type="button" className={`button${panel === 'settings' ? ' active' : ''}`} onClick={() => setPanel(panel === 'settings' ? 'none' : 'settings')} data-testid="queue-settings-open">
      {t('queue.counter.settings')}
    </button>
  );
  const settingsPanel = panel === 'settings' && <QueueSettingsEditor client={queue.replica.client} stored={view.settings} onClose={() => setPanel('none')} />;

  if (!desk) {
    return (
      <div className="calling-bar" data-testid="calling-bar" data-state="choose">
        <div className="calling-row">
          <span className="calling-label">{t('queue.counter.chooseDesk')}</span>
          {settings.counters.map((c) => (
            <button key={c.number} type="button" className="button" onClick={() => queue.chooseCounter(c.number)} data-counter={c.number}>
              {c.name}
            </button>
          ))}
          {settingsButton}
        </div>
        {settingsPanel}
      </div>
    );
  }

  const status = held?.paused ? 'paused' : (ticket?.status ?? 'idle');
  return (
    <div className="calling-bar" data-testid="calling-bar" data-state={status} data-counter={desk.number} data-ticket={ticket?.number ?? ''}>
      <div className="calling-row">
        <button type="button" className="button calling-desk" onClick={() => queue.chooseCounter(null)} title={t('queue.counter.changeDesk')} data-testid="calling-desk">
          {desk.name}
        </button>
        <div className="calling-current" aria-live="polite">
          {ticket ? (
            <>
              <strong className="calling-number" data-testid="calling-number">
                {ticket.number}
              </strong>
              <span>
                {t(`queue.counter.status.${ticket.status === 'serving' ? 'serving' : 'called'}`)}
                {ticket.serviceId ? ` · ${serviceName(ticket.serviceId)}` : ''}
                {ticket.priority ? ` · ${t(`queue.priority.${ticket.priority}`)}` : ''}
                {ticket.recalls > 0 ? ` · ${t('queue.counter.recalls', { count: ticket.recalls })}` : ''}
              </span>
            </>
          ) : held?.paused ? (
            <span className="calling-paused">{t('queue.counter.pausedFor', { reason: t(`queue.pause.${held.paused.reason}`) })}</span>
          ) : (
            <span className="calling-note">{t('queue.counter.idle')}</span>
          )}
        </div>
        <div className="calling-actions">
          {ticket?.draftId && onOpenPrereg && (
            <button type="button" className="button primary" onClick={() => onOpenPrereg(ticket.draftId!)} data-testid="call-open-prereg">
              {t('prereg.counter.openCalled')}
            </button>
          )}
          {!ticket && !held?.paused && (
            <button type="button" className="button primary" disabled={busy} onClick={() => void run(queue.callNext, (n) => t('queue.counter.done.called', { number: n }))} data-testid="call-next">
              {t('queue.counter.callNext')}
            </button>
          )}
          {ticket?.status === 'called' && (
            <>
              <button type="button" className="button primary" disabled={busy} onClick={() => void run(queue.start, () => t('queue.counter.done.started', { number: ticket.number }))} data-testid="call-start">
                {t('queue.counter.start')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => void run(queue.recall, () => t('queue.counter.done.recalled', { number: ticket.number }))} data-testid="call-recall">
                {t('queue.counter.recall')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => void run(queue.noShow, () => t('queue.counter.done.noShow', { number: ticket.number }))} data-testid="call-no-show">
                {t('queue.counter.noShow')}
              </button>
            </>
          )}
          {ticket?.status === 'serving' && (
            <button type="button" className="button primary" disabled={busy} onClick={() => void run(queue.finish, () => t('queue.counter.done.finished', { number: ticket.number }))} data-testid="call-finish">
              {t('queue.counter.finish')}
            </button>
          )}
          {ticket && (
            <button type="button" className={`button${panel === 'transfer' ? ' active' : ''}`} onClick={() => setPanel(panel === 'transfer' ? 'none' : 'transfer')} data-testid="call-transfer">
              {t('queue.counter.transfer')}
            </button>
          )}
          {!ticket && !held?.paused && (
            <>
              <button type="button" className={`button${panel === 'manual' ? ' active' : ''}`} onClick={() => setPanel(panel === 'manual' ? 'none' : 'manual')} data-testid="call-by-hand">
                {t('queue.counter.byHand')}
              </button>
              <button type="button" className={`button${panel === 'pause' ? ' active' : ''}`} onClick={() => setPanel(panel === 'pause' ? 'none' : 'pause')} data-testid="call-pause">
                {t('queue.counter.pause')}
              </button>
            </>
          )}
          {held?.paused && (
            <button type="button" className="button primary" disabled={busy} onClick={() => void run(queue.resume, () => t('queue.counter.done.resumed'))} data-testid="call-resume">
              {t('queue.counter.resume')}
            </button>
          )}
          {settingsButton}
        </div>
        <div className="calling-facts">
          <span data-testid="calling-waiting">{t('queue.counter.waiting', { count: waiting })}</span>
          <span className={`link-badge ${view.link === 'live' ? 'online' : 'offline'}`} data-testid="calling-link" data-link={view.link}>
            {t(`queue.link.${view.link}`)}
          </span>
          {view.pending > 0 && <span data-testid="calling-pending">{t('queue.counter.pending', { count: view.pending })}</span>}
        </div>
      </div>
      {message && (
        <p className={`calling-message${message.ok ? '' : ' problem'}`} role={message.ok ? 'status' : 'alert'} data-testid="calling-message">
          {message.text}
        </p>
      )}
      {panel === 'manual' && (
        <form
          className="calling-panel"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(() => queue.callByHand(typed), (n) => {
              setTyped('');
              return t('queue.counter.done.called', { number: n });
            });
          }}
        >
          <label>
            {t('queue.counter.byHandLabel')}
            <input className="input" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('queue.counter.byHandPlaceholder')} autoComplete="off" data-testid="by-hand-number" />
          </label>
          <button type="submit" className="button primary" disabled={busy} data-testid="by-hand-call">
            {t('queue.counter.byHandCall')}
          </button>
        </form>
      )}
      {panel === 'pause' && (
        <div className="calling-panel" role="group" aria-label={t('queue.counter.pauseWhy')}>
          <span>{t('queue.counter.pauseWhy')}</span>
          {pauseReasonSchema.options.map((r: PauseReason) => (
            <button key={r} type="button" className="button" disabled={busy} onClick={() => void run(() => queue.pause(r, null), () => t('queue.counter.done.paused'))} data-pause={r}>
              {t(`queue.pause.${r}`)}
            </button>
          ))}
        </div>
      )}
      {panel === 'transfer' && ticket && (
        <div className="calling-panel" role="group" aria-label={t('queue.counter.transferTo')}>
          <span>{t('queue.counter.transferToService')}</span>
          {settings.services
            .filter((s) => s.id !== ticket.serviceId)
            .map((s) => (
              <button key={s.id} type="button" className="button" disabled={busy} onClick={() => void run(() => queue.transfer({ service: s.id, counter: null }), () => t('queue.counter.done.transferred', { number: ticket.number }))} data-transfer-service={s.id}>
                {s.prefix} – {serviceName(s.id)}
              </button>
            ))}
          <span>{t('queue.counter.transferToCounter')}</span>
          {settings.counters
            .filter((c) => c.number !== desk.number)
            .map((c) => (
              <button key={c.number} type="button" className="button" disabled={busy} onClick={() => void run(() => queue.transfer({ service: null, counter: c.number }), () => t('queue.counter.done.transferred', { number: ticket.number }))} data-transfer-counter={c.number}>
                {c.name}
              </button>
            ))}
        </div>
      )}
      {settingsPanel}
    </div>
  );
}
