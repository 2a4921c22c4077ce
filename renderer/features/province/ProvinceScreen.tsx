/**
 * A province's figures on a province device: for a period (this month, last month or chosen days,
 * Vietnam dates), every center of the province side by side with the same figures a center sees,
 * the province per field and in total, the online and on-time rates by center as a chart, and the
 * table as CSV or Excel. Read from the server only: a province device keeps no files of its own.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvinceStats } from '../../../shared/stats/provinceStats.ts';
import { VIETNAM_TIME } from '../../../shared/files/vietnamTime.ts';
import type { DeviceIdentity } from '../../data/db.ts';
import { noAnswer } from '../../sync/apiClient.ts';
import { failureKey } from '../../sync/apiFailureKey.ts';
import { fetchProvinceStats } from '../../sync/provinceStatsClient.ts';
import { formatRate } from '../stats/formatFigures.ts';
import { saveBlob } from '../stats/statsExport.ts';
import { periodOf, vietnameseDate, type Period, type PeriodChoice } from '../stats/statsPeriod.ts';
import { StatsTable } from '../stats/StatsTable.tsx';
import { provinceCsv, provinceFileName, provinceXlsx } from './provinceExport.ts';
import { ProvinceRatesChart } from './ProvinceRatesChart.tsx';
// The period buttons, tiles and table are the admin report's own (stats.css): the province's
// screen loads without the report's chunk, so it brings their styles itself.
import '../stats/stats.css';
import './province.css';

type Loaded = { state: 'loading' } | { state: 'error'; key: string; offline: boolean } | { state: 'ready'; stats: ProvinceStats; period: Period };

const CARDS = ['received', 'done', 'overdue'] as const;
const RATES = ['onlineRate', 'onTimeRate', 'satisfactionRate'] as const;

export function ProvinceScreen({ device }: { device: DeviceIdentity }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'vi' ? 'vi-VN' : 'en-GB';
  const [today] = useState(() => Date.now());
  const initial = periodOf({ kind: 'thisMonth' }, today)!;
  const [choice, setChoice] = useState<PeriodChoice['kind']>('thisMonth');
  const [first, setFirst] = useState(initial.from);
  const [last, setLast] = useState(initial.last);
  const [period, setPeriod] = useState<Period>(initial);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    void fetchProvinceStats(device, period).then((r) => {
      if (!live) return;
      setLoaded(r.ok ? { state: 'ready', stats: r.value, period } : { state: 'error', key: failureKey(r.error), offline: noAnswer(r.error) });
    });
    return () => {
      live = false;
    };
  }, [device, period, attempt]);

  const chosen = choice === 'custom' ? periodOf({ kind: 'custom', first, last }, today) : periodOf({ kind: choice }, today);
  const ready = loaded.state === 'ready' ? loaded : null;
  const n = (v: number) => v.toLocaleString(locale);
  const time = (d: string) => new Date(d).toLocaleString(locale, { timeZone: VIETNAM_TIME, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const title = ready ? t('province.period', { from: vietnameseDate(ready.stats.from), last: vietnameseDate(ready.period.last) }) : '';
  const download = async (kind: 'csv' | 'xlsx') => {
    if (!ready) return;
    const blob =
      kind === 'csv'
        ? new Blob([provinceCsv(ready.stats, ready.period.last)], { type: 'text/csv;charset=utf-8' })
        : await provinceXlsx(ready.stats, ready.period.last, `${ready.stats.province.name} – ${title}`);
    saveBlob(blob, provinceFileName(ready.stats, kind));
  };

  return (
    <section className="panel stats-screen province-screen" data-testid="province-screen">
      <div className="stats-controls no-print">
        <h2>{t('province.title', { province: device.centerName })}</h2>
        <div className="segmented" role="group" aria-label={t('stats.period.label')}>
          {(['thisMonth', 'lastMonth', 'custom'] as const).map((k) => (
            <button key={k} type="button" className={`button${choice === k ? ' active' : ''}`} onClick={() => setChoice(k)} data-testid={`province-period-${k}`}>
              {t(`stats.period.${k}`)}
            </button>
          ))}
        </div>
        {choice === 'custom' && (
          <>
            <label>
              {t('stats.period.from')}
              <input type="date" value={first} onChange={(e) => setFirst(e.target.value)} data-testid="province-from" />
            </label>
            <label>
              {t('stats.period.to')}
              <input type="date" value={last} onChange={(e) => setLast(e.target.value)} data-testid="province-to" />
            </label>
          </>
        )}
        <button type="button" className="button primary" disabled={!chosen} onClick={() => {
            if (!chosen) return;
            setLoaded({ state: 'loading' });
            setPeriod(chosen);
          }} data-testid="province-apply">
          {t('stats.show')}
        </button>
        <span className="stats-actions">
          <button type="button" className="button" disabled={!ready} onClick={() => void download('csv')} data-testid="province-export-csv">
            {t('stats.export.csv')}
          </button>
          <button type="button" className="button" disabled={!ready} onClick={() => void download('xlsx')} data-testid="province-export-xlsx">
            {t('stats.export.xlsx')}
          </button>
        </span>
        {!chosen && <p className="field-error">{t('stats.period.invalid')}</p>}
      </div>

      {loaded.state === 'loading' && <p className="stats-note">{t('stats.loading')}</p>}
      {loaded.state === 'error' && (
        <div className="banner warning" role="alert" data-testid="province-error">
          <span>
            {t(loaded.key)}
            {loaded.offline && ` ${t('province.needsNetwork')}`}
          </span>
          <button type="button" className="button" onClick={() => {
              setLoaded({ state: 'loading' });
              setAttempt((a) => a + 1);
            }} data-testid="province-retry">
            {t('province.retry')}
          </button>
        </div>
      )}
      {ready && (
        <article className="stats-report" data-testid="province-report">
          <h2 className="stats-report-title">{t('province.reportTitle', { province: ready.stats.province.name.toLocaleUpperCase('vi') })}</h2>
          <p className="stats-report-period" data-testid="province-period">
            {title} · {t('province.centers', { count: ready.stats.byCenter.length })}
          </p>
          <p className="stats-source server" role="status">
            {t('province.asOf', { time: time(ready.stats.asOf) })}
          </p>
          <section className="stats-row">
            <div className="stats-cards">
              {CARDS.map((key) => (
                <div key={key} className="stats-card" data-testid={`province-figure-${key}`} data-value={ready.stats.total[key]}>
                  <span className="stats-card-value">{n(ready.stats.total[key])}</span>
                  <span className="stats-card-label">{t(`stats.figures.${key}`)}</span>
                </div>
              ))}
              {RATES.map((key) => (
                <div key={key} className="stats-card rate" data-testid={`province-figure-${key}`} data-value={ready.stats.total[key] ?? ''}>
                  <span className="stats-card-value">{formatRate(ready.stats.total[key], i18n.language)}</span>
                  <span className="stats-card-label">{t(`stats.figures.${key}`)}</span>
                </div>
              ))}
            </div>
          </section>
          <ProvinceRatesChart centers={ready.stats.byCenter} />
          <StatsTable title={t('province.byCenter')} groups={ready.stats.byCenter} showField={false} all={false} testId="province-by-center" />
          <StatsTable title={t('province.byField')} groups={ready.stats.byField} showField={false} all={false} testId="province-by-field" />
        </article>
      )}
    </section>
  );
}
