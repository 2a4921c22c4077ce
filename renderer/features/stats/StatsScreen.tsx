/**
 * The center's figures for an admin: a period (this month, last month or chosen days, Vietnam
 * dates) and a location; the whole center's figures from the server when it answers, otherwise
 * this counter's own files counted here, said plainly. Cards, chart, tables, CSV/XLSX, print.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayNumberOf, ymdOf } from '../../../shared/calendar/civilDay.ts';
import { computeCenterStats, type CenterStats } from '../../../shared/stats/centerStats.ts';
import { VIETNAM_TIME } from '../../../shared/files/vietnamTime.ts';
import type { DeviceIdentity, MotcuaDb } from '../../data/db.ts';
import { fetchCenterStats } from '../../sync/statsClient.ts';
import { failureKey } from '../../sync/apiFailureKey.ts';
import { TILE_ROWS, tileLabel } from './figureTiles.ts';
import { formatRate } from './formatFigures.ts';
import { localFileSummaries } from '../../data/localFileSummaries.ts';
import { StatsChart } from './StatsChart.tsx';
import { exportFileName, saveBlob, statsToCsv, statsToXlsx } from './statsExport.ts';
import { periodOf, vietnameseDate, type Period, type PeriodChoice } from './statsPeriod.ts';
import { StatsTable } from './StatsTable.tsx';
import { QueueFiguresSection } from './QueueFiguresSection.tsx';
import './stats.css';

interface Query {
  period: Period;
  location: string | null;
  groupBy: 'day' | 'week';
}

/** `error.key`: what went wrong as a translation key (the server's refusal, or this device's storage). */
type Loaded = { state: 'loading' } | { state: 'error'; key: string } | { state: 'ready'; stats: CenterStats; source: 'server' | 'local'; query: Query };

const RATE_CARDS = [
  ['onlineRate', 'onlineRate'],
  ['onTimeRate', 'onTimeRate'],
  ['satisfactionRate', 'satisfactionRate'],
] as const;

async function loadStats(db: MotcuaDb, device: DeviceIdentity, query: Query): Promise<Loaded> {
  const { period, location, groupBy } = query;
  const remote = await fetchCenterStats(device, { from: period.from, to: period.to, location, groupBy });
  if (remote.ok) return { state: 'ready', stats: remote.value, source: 'server', query };
  // Refused: the server's word stands. No answer, or a server that failed: this device's own files.
  if (remote.error.kind === 'refused') return { state: 'error', key: failureKey(remote.error) };
  const files = await localFileSummaries(db);
  if (!files.ok) return { state: 'error', key: 'counter.errors.storage.unavailable' };
  const local = computeCenterStats(files.value, {
    from: period.from,
    to: period.to,
    now: new Date(),
    centerCode: device.centerCode,
    ...(location === null ? {} : { locationCode: location }),
    series: groupBy,
  });
  return local.ok ? { state: 'ready', stats: local.value, source: 'local', query } : { state: 'error', key: 'stats.period.invalid' };
}

export function StatsScreen({ db, device }: { db: MotcuaDb; device: DeviceIdentity }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'vi' ? 'vi-VN' : 'en-GB';
  const [today] = useState(() => Date.now());
  const initial = periodOf({ kind: 'thisMonth' }, today)!;
  const [choice, setChoice] = useState<PeriodChoice['kind']>('thisMonth');
  const [first, setFirst] = useState(initial.from);
  const [last, setLast] = useState(initial.last);
  const [location, setLocation] = useState('');
  const [groupBy, setGroupBy] = useState<'day' | 'week'>('day');
  const [query, setQuery] = useState<Query>({ period: initial, location: null, groupBy: 'day' });
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [printing, setPrinting] = useState(false);
  const [printedAt, setPrintedAt] = useState(() => new Date());

  useEffect(() => {
    let live = true;
    void loadStats(db, device, query).then((r) => live && setLoaded(r));
    return () => {
      live = false;
    };
  }, [db, device, query]);

  useEffect(() => {
    if (!printing) return;
    const done = () => {
      document.head.querySelector('style[data-stats-page]')?.remove();
      document.body.classList.remove('printing-stats');
      setPrinting(false);
    };
    // A4 landscape for this report only (the receipt sets its own page the same way).
    const page = document.createElement('style');
    page.dataset.statsPage = '';
    page.textContent = '@page { size: A4 landscape; margin: 10mm 12mm; }';
    document.head.append(page);
    document.body.classList.add('printing-stats');
    window.addEventListener('afterprint', done, { once: true });
    // Let React draw every table row before the print dialog takes its snapshot.
    const timer = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, [printing]);

  const chosen = choice === 'custom' ? periodOf({ kind: 'custom', first, last }, today) : periodOf({ kind: choice }, today);
  const locations = useMemo(() => [...new Set([device.locationCode].filter((l): l is string => !!l))], [device.locationCode]);
  const apply = () => {
    if (!chosen) return;
    setLoaded({ state: 'loading' });
    setQuery({ period: chosen, location: location.trim() || null, groupBy });
  };
  const time = (d: Date | string) => new Date(d).toLocaleString(locale, { timeZone: VIETNAM_TIME, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const n = (v: number) => v.toLocaleString(locale);

  const ready = loaded.state === 'ready' ? loaded : null;
  const title = ready ? t('stats.report.period', { from: vietnameseDate(ready.stats.from), last: vietnameseDate(ready.query.period.last) }) : '';
  const download = async (kind: 'csv' | 'xlsx') => {
    if (!ready) return;
    const blob =
      kind === 'csv'
        ? new Blob([statsToCsv(ready.stats, ready.query.period.last)], { type: 'text/csv;charset=utf-8' })
        : await statsToXlsx(ready.stats, ready.query.period.last, `${device.centerName} – ${title}`);
    saveBlob(blob, exportFileName(device.centerCode, ready.stats, kind));
  };
  const signDay = ymdOf(dayNumberOf(printedAt));

  return (
    <section className="panel stats-screen" data-testid="stats-screen">
      <div className="stats-controls no-print">
        <h2>{t('stats.title')}</h2>
        <div className="segmented" role="group" aria-label={t('stats.period.label')}>
          {(['thisMonth', 'lastMonth', 'custom'] as const).map((k) => (
            <button key={k} type="button" className={`button${choice === k ? ' active' : ''}`} onClick={() => setChoice(k)} data-testid={`stats-period-${k}`}>
              {t(`stats.period.${k}`)}
            </button>
          ))}
        </div>
        {choice === 'custom' && (
          <>
            <label>
              {t('stats.period.from')}
              <input type="date" value={first} onChange={(e) => setFirst(e.target.value)} data-testid="stats-from" />
            </label>
            <label>
              {t('stats.period.to')}
              <input type="date" value={last} onChange={(e) => setLast(e.target.value)} data-testid="stats-to" />
            </label>
          </>
        )}
        <label>
          {t('stats.location')}
          <input list="stats-locations" value={location} placeholder={t('stats.allLocations')} onChange={(e) => setLocation(e.target.value)} data-testid="stats-location" />
          <datalist id="stats-locations">
            {locations.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
        </label>
        <label>
          {t('stats.chart.groupBy')}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value === 'week' ? 'week' : 'day')} data-testid="stats-group-by">
            <option value="day">{t('stats.chart.day')}</option>
            <option value="week">{t('stats.chart.week')}</option>
          </select>
        </label>
        <button type="button" className="button primary" disabled={!chosen} onClick={apply} data-testid="stats-apply">
          {t('stats.show')}
        </button>
        <span className="stats-actions">
          <button type="button" className="button" disabled={!ready} onClick={() => void download('csv')} data-testid="stats-export-csv">
            {t('stats.export.csv')}
          </button>
          <button type="button" className="button" disabled={!ready} onClick={() => void download('xlsx')} data-testid="stats-export-xlsx">
            {t('stats.export.xlsx')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!ready}
            onClick={() => {
              setPrintedAt(new Date());
              setPrinting(true);
            }}
            data-testid="stats-print"
          >
            {t('stats.export.print')}
          </button>
        </span>
        {!chosen && <p className="field-error">{t('stats.period.invalid')}</p>}
      </div>

      {loaded.state === 'loading' && <p className="stats-note">{t('stats.loading')}</p>}
      {loaded.state === 'error' && (
        <p className="banner warning" role="alert">
          {t('stats.error', { reason: t(loaded.key) })}
        </p>
      )}
      {ready && (
        <article className="stats-report" data-testid="stats-report" data-source={ready.source}>
          <header className="stats-report-head">
            <div className="stats-issuer">
              <strong>{device.centerName.toLocaleUpperCase('vi')}</strong>
              <span>{t('stats.report.center')}</span>
            </div>
            <div className="stats-motto">
              <strong>{t('stats.report.nation')}</strong>
              <span>{t('stats.report.motto')}</span>
            </div>
          </header>
          <h2 className="stats-report-title">{t('stats.report.title')}</h2>
          <p className="stats-report-period" data-testid="stats-period">
            {title}
            {' · '}
            {ready.query.location ? t('stats.report.location', { location: ready.query.location }) : t('stats.allLocations')}
          </p>
          <p className={`stats-source ${ready.source}`} data-testid="stats-source" role="status">
            {ready.source === 'server' ? t('stats.source.server', { time: time(ready.stats.asOf) }) : t('stats.source.local', { time: time(ready.stats.asOf) })}
          </p>

          {TILE_ROWS.map((row) => (
            <section key={row.key} className="stats-row" data-testid={`figures-${row.key}`}>
              <h3 className="stats-row-title">{t(`stats.rows.${row.key}`)}</h3>
              <div className="stats-cards">
                {row.tiles.map((key) => (
                  <div key={key} className={`stats-card card-${tileLabel(key)}`} data-testid={`figure-${key}`} data-value={ready.stats.total[key]}>
                    <span className="stats-card-value">{n(ready.stats.total[key])}</span>
                    <span className="stats-card-label">{t(`stats.figures.${tileLabel(key)}`)}</span>
                  </div>
                ))}
              </div>
            </section>
          ))}
          <section className="stats-row">
            <h3 className="stats-row-title">{t('stats.rows.rates')}</h3>
            <div className="stats-cards">
              {RATE_CARDS.map(([key, label]) => (
                <div key={key} className="stats-card rate" data-testid={`figure-${key}`} data-value={ready.stats.total[key] ?? ''}>
                  <span className="stats-card-value">{formatRate(ready.stats.total[key], i18n.language)}</span>
                  <span className="stats-card-label">{t(`stats.figures.${label}`)}</span>
                </div>
              ))}
            </div>
          </section>

          <StatsChart points={ready.stats.series.points} bucket={ready.stats.series.bucket} />
          <StatsTable title={t('stats.table.byField')} groups={ready.stats.byField} showField={false} all={printing} testId="stats-by-field" />
          <StatsTable title={t('stats.table.byProcedure')} groups={ready.stats.byProcedure} showField all={printing} testId="stats-by-procedure" />
          <QueueFiguresSection device={device} from={ready.stats.from} to={ready.stats.to} last={ready.query.period.last} />

          <footer className="stats-signatures">
            <div>
              <strong>{t('stats.report.preparedBy')}</strong>
              <em>{t('stats.report.signHint')}</em>
            </div>
            <div>
              <span>{t('stats.report.signDate', { day: signDay.day, month: signDay.month, year: signDay.year })}</span>
              <strong>{t('stats.report.head')}</strong>
              <em>{t('stats.report.signHint')}</em>
            </div>
          </footer>
          <p className="stats-printed-at">{t('stats.report.printedAt', { time: time(printedAt) })}</p>
        </article>
      )}
    </section>
  );
}
