/**
 * Files by day or week as a bar chart (received, of which online) with the results made ready as
 * a line, drawn by Chart.js on a canvas with the app's own bundled font: nothing is fetched.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesPoint } from '../../../shared/stats/centerStats.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export function StatsChart({ points, bucket }: { points: readonly SeriesPoint[]; bucket: 'day' | 'week' }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const label = (iso: string) => {
      const [, m, d] = iso.split('-');
      return `${d}/${m}`;
    };
    const chart = new Chart(canvas.current, {
      data: {
        labels: points.map((p) => label(p.start)),
        datasets: [
          { type: 'bar', label: t('stats.chart.inPerson'), data: points.map((p) => p.received - p.online), backgroundColor: '#1f4e8c', stack: 'received' },
          { type: 'bar', label: t('stats.chart.online'), data: points.map((p) => p.online), backgroundColor: '#7fa7d9', stack: 'received' },
          { type: 'line', label: t('stats.chart.done'), data: points.map((p) => p.done), borderColor: '#b3261e', backgroundColor: '#b3261e', pointRadius: 2, borderWidth: 2 },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        font: { family: "'Be Vietnam Pro', system-ui, sans-serif" },
        scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom', labels: { font: { family: "'Be Vietnam Pro', system-ui, sans-serif" } } } },
      },
    });
    return () => chart.destroy();
  }, [points, t]);
  return (
    <figure className="stats-chart" data-testid="stats-chart" data-bucket={bucket}>
      <figcaption>{bucket === 'day' ? t('stats.chart.byDay') : t('stats.chart.byWeek')}</figcaption>
      <div className="stats-chart-box">
        <canvas ref={canvas} role="img" aria-label={bucket === 'day' ? t('stats.chart.byDay') : t('stats.chart.byWeek')} />
      </div>
    </figure>
  );
}
