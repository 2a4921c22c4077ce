/**
 * The front desk's figures in the admin's report, for the same period: numbers given, served,
 * absent, the wait and the time at the desk, by service, counter, hour of issue and day, from the
 * center's server (the queue's log lives there), with their own CSV and Excel downloads.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFigureGroup, QueueFigures } from '../../../shared/queue/queueFigures.ts';
import type { DeviceIdentity } from '../../data/db.ts';
import { createApiClient, noAnswer } from '../../sync/apiClient.ts';
import { createQueueClient } from '../../sync/queueClient.ts';
import { queueFailureText } from '../queue/refusalText.ts';
import { queueFiguresFileName, queueFiguresToXlsx, queueFiguresCsv } from './queueFiguresExport.ts';
import { saveBlob } from './statsExport.ts';
import { vietnameseDate } from './statsPeriod.ts';
import './queueFigures.css';

type Loaded = { state: 'loading' } | { state: 'failed'; text: string } | { state: 'ready'; figures: QueueFigures };

const COLUMNS = ['tickets', 'called', 'served', 'noShows', 'waitMinutesAvg', 'waitMinutesMax', 'serveMinutesAvg'] as const;

export function QueueFiguresSection({ device, from, to, last }: { device: DeviceIdentity; from: string; to: string; last: string }) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void createQueueClient(createApiClient({ serverUrl: device.serverUrl, token: device.token }))
      .figures(from, to)
      .then((r) => {
        if (!live) return;
        if (r.ok) setLoaded({ state: 'ready', figures: r.value });
        else if (noAnswer(r.error)) setLoaded({ state: 'failed', text: t('queue.figures.unreachable') });
        else setLoaded({ state: 'failed', text: queueFailureText(t, r.error) });
      });
    return () => {
      live = false;
    };
  }, [device, from, to, t]);

  const locale = i18n.language === 'vi' ? 'vi-VN' : 'en-GB';
  const cell = (v: number | null) => (v === null ? '–' : v.toLocaleString(locale));
  const period = `${vietnameseDate(from)} – ${vietnameseDate(last)}`;
  const download = async (kind: 'csv' | 'xlsx') => {
    if (loaded.state !== 'ready') return;
    const blob = kind === 'csv' ? new Blob([queueFiguresCsv(loaded.figures, period)], { type: 'text/csv;charset=utf-8' }) : await queueFiguresToXlsx(loaded.figures, period, `${device.centerName} – ${t('queue.figures.title')} ${period}`);
    saveBlob(blob, queueFiguresFileName(device.centerCode, loaded.figures, kind));
  };

  const table = (title: string, groups: readonly QueueFigureGroup[], testId: string) =>
    groups.length > 0 && (
      <section className="stats-table-block" data-testid={testId}>
        <h3>{title}</h3>
        <table className="stats-table">
          <thead>
            <tr>
              <th>{t('queue.figures.group')}</th>
              {COLUMNS.map((c) => (
                <th key={c}>{t(`queue.figures.columns.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key} data-key={g.key}>
                <td>{testId === 'queue-by-day' ? vietnameseDate(g.key) : g.label}</td>
                {COLUMNS.map((c) => (
                  <td key={c} className="num" data-column={c}>
                    {cell(g[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );

  return (
    <section className="queue-figures" data-testid="queue-figures" data-state={loaded.state}>
      <header className="queue-figures-head">
        <h2 className="stats-report-title">{t('queue.figures.title')}</h2>
        <span className="stats-actions no-print">
          <button type="button" className="button" disabled={loaded.state !== 'ready'} onClick={() => void download('csv')} data-testid="queue-figures-csv">
            {t('queue.figures.csv')}
          </button>
          <button type="button" className="button" disabled={loaded.state !== 'ready'} onClick={() => void download('xlsx')} data-testid="queue-figures-xlsx">
            {t('queue.figures.xlsx')}
          </button>
        </span>
      </header>
      {loaded.state === 'loading' && <p className="stats-note">{t('stats.loading')}</p>}
      {loaded.state === 'failed' && (
        <p className="banner warning" role="status" data-testid="queue-figures-problem">
          {loaded.text}
        </p>
      )}
      {loaded.state === 'ready' && (
        <>
          <div className="stats-cards">
            {(['tickets', 'served', 'noShows'] as const).map((k) => (
              <div key={k} className="stats-card" data-testid={`queue-figure-${k}`} data-value={loaded.figures.total[k]}>
                <span className="stats-card-value">{cell(loaded.figures.total[k])}</span>
                <span className="stats-card-label">{t(`queue.figures.columns.${k}`)}</span>
              </div>
            ))}
            {(['waitMinutesAvg', 'serveMinutesAvg'] as const).map((k) => (
              <div key={k} className="stats-card rate" data-testid={`queue-figure-${k}`} data-value={loaded.figures.total[k] ?? ''}>
                <span className="stats-card-value">{cell(loaded.figures.total[k])}</span>
                <span className="stats-card-label">{t(`queue.figures.columns.${k}`)}</span>
              </div>
            ))}
          </div>
          {table(t('queue.figures.byService'), loaded.figures.byService, 'queue-by-service')}
          {table(t('queue.figures.byCounter'), loaded.figures.byCounter, 'queue-by-counter')}
          {table(t('queue.figures.byHour'), loaded.figures.byHour, 'queue-by-hour')}
          {table(t('queue.figures.byDay'), loaded.figures.byDay, 'queue-by-day')}
        </>
      )}
    </section>
  );
}
