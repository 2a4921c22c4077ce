/**
 * The waiting-room screen (#/display/CENTER, a 1920x1080 TV): per counter the number it calls or
 * serves, per service the next numbers, all in large type; each call chimes and is said aloud
 * ("Mời số A023 đến quầy số 2"), a recall again, and the newest call stays highlighted for a while.
 */
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallAnnouncement } from '../../../../shared/queue/queueBoard.ts';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import type { Platform } from '../../../platform/platform.ts';
import { createAnnouncer, loadClipManifest, speechVoice, webAudioChime, type Announcer, type Spoken } from './announcer.ts';
import { useBoard } from './useBoard.ts';
import './display.css';

/** How long the newest call stays highlighted. */
const HIGHLIGHT_MS = 12_000;

interface Heard {
  call: CallAnnouncement;
  text: string;
  spoken: Spoken | 'pending';
}

export function DisplayApp({ platform, center }: { platform: Pick<Platform, 'serverUrl' | 'speech'>; center: string }) {
  const { t } = useTranslation();
  const chime = useMemo(() => webAudioChime(), []);
  const voice = useMemo(() => speechVoice(platform.speech), [platform]);
  const [announcer, setAnnouncer] = useState<Announcer>(() => createAnnouncer({ chime, voice, clips: null }));
  // Browsers keep sound off until someone touches the page; a TV kiosk can be started with autoplay allowed instead.
  const [soundBlocked, setSoundBlocked] = useState(() => chime.context?.state === 'suspended');
  const [heard, setHeard] = useState<Heard[]>([]);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    let live = true;
    // The center's own recorded clips, when it has them, take over from the system voice.
    void loadClipManifest(platform.serverUrl).then((clips) => live && clips && setAnnouncer(createAnnouncer({ chime, voice, clips })));
    return () => {
      live = false;
    };
  }, [chime, voice, platform]);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);

  const onCall = useCallback(
    (call: CallAnnouncement) => {
      // Always in Vietnamese: the waiting room's language, whatever this screen's.
      const text = t('queue.display.announce', { number: call.number, counter: call.counter, lng: 'vi' });
      setHeard((h) => [{ call, text, spoken: 'pending' as const }, ...h].slice(0, 6));
      void announcer.announce(call, text).then((spoken) => {
        if (spoken === 'silent') setSoundBlocked(true);
        setHeard((h) => h.map((x) => (x.call.cursor === call.cursor ? { ...x, spoken } : x)));
      });
    },
    [announcer, t],
  );
  const { board, link, missing } = useBoard(platform.serverUrl, center, onCall);
  const latest = heard[0];
  const fresh = latest && now.getTime() - Date.parse(latest.call.at) < HIGHLIGHT_MS ? latest.call : null;

  const clock = now.toLocaleTimeString('vi-VN', { timeZone: VIETNAM_TIME, hour: '2-digit', minute: '2-digit' });
  const date = now.toLocaleDateString('vi-VN', { timeZone: VIETNAM_TIME, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' });
  return (
    <div
      className="display"
      data-testid="display"
      data-link={link}
      data-last-call={latest ? `${latest.call.number}@${latest.call.counter}` : ''}
      data-last-spoken={latest?.spoken ?? ''}
      data-calls-heard={heard.length}
    >
      <header className="display-head">
        <div>
          <p className="display-center">{board?.centerName ?? center}</p>
          <h1>{t('queue.display.title')}</h1>
        </div>
        <div className="display-clock">
          <strong>{clock}</strong>
          <span>{date}</span>
        </div>
      </header>
      {missing && !board ? (
        <p className="display-missing" role="alert">
          {t('queue.display.missing', { center })}
        </p>
      ) : (
        <main className="display-main">
          <section className="display-counters" aria-label={t('queue.display.nowServing')} style={{ '--rows': Math.max(4, board?.counters.length ?? 4) } as CSSProperties}>
            <div className="display-row display-row-head" aria-hidden="true">
              <span>{t('queue.display.counter')}</span>
              <span>{t('queue.display.number')}</span>
            </div>
            {(board?.counters ?? []).map((c) => (
              <div
                key={c.number}
                className={`display-row status-${c.status}${fresh && fresh.counter === c.number && fresh.number === c.ticket ? ' fresh' : ''}`}
                data-counter={c.number}
                data-ticket={c.ticket ?? ''}
              >
                <span className="display-counter-name">{c.name}</span>
                <span className="display-ticket">{c.ticket ?? (c.status === 'paused' ? t('queue.display.paused') : '—')}</span>
              </div>
            ))}
          </section>
          <section className="display-next" aria-label={t('queue.display.next')}>
            <h2>{t('queue.display.next')}</h2>
            {(board?.services ?? []).map((s) => (
              <div key={s.id} className="display-service" data-service={s.id}>
                <p className="display-service-name">
                  <span className="display-letter">{s.prefix}</span> {s.name}
                  <span className="display-waiting">{t('queue.display.waiting', { count: s.waiting })}</span>
                </p>
                <p className={`display-next-numbers${s.next.length === 0 ? ' empty' : ''}`}>{s.next.length > 0 ? s.next.join('  ·  ') : t('queue.display.nobody')}</p>
              </div>
            ))}
          </section>
        </main>
      )}
      <footer className={`display-foot${fresh ? ' fresh' : ''}`} aria-live="polite" data-testid="display-announcement">
        {latest ? (
          <span>
            {latest.call.recall ? `${t('queue.display.recall')} ` : ''}
            {latest.text}
          </span>
        ) : (
          <span className="display-hint">{t('queue.display.hint')}</span>
        )}
        {link !== 'live' && <span className="display-link">{t(`queue.link.${link}`)}</span>}
      </footer>
      {soundBlocked && (
        <button
          type="button"
          className="display-sound"
          onClick={() => {
            void chime.context?.resume().then(() => setSoundBlocked(chime.context?.state !== 'running'));
          }}
          data-testid="display-sound"
        >
          {t('queue.display.enableSound')}
        </button>
      )}
    </div>
  );
}
