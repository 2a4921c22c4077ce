/**
 * The online rate and the on-time rate of each of the province's centers, side by side as bars
 * (Chart.js on a canvas, the app's bundled font): which centers lag shows at a glance. A center with
 * nothing to divide by has no bar, not a zero.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvinceStats } from '../../../shared/stats/provinceStats.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const FONT = { family: "'Be Vietnam Pro', system-ui, sans-serif" };
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export function ProvinceRatesChart({ centers }: { centers: ProvinceStats['byCenter'] }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: centers.map((c) => c.label),
        datasets: [
          { label: t('province.chart.onlineRate'), data: centers.map((c) => percent(c.onlineRate)), backgroundColor: '#7fa7d9' },
          { label: t('province.chart.onTimeRate'), data: centers.map((c) => percent(c.onTimeRate)), backgroundColor: '#1f4e8c' },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        font: FONT,
        scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${String(v)}%` } }, x: { grid: { display: false }, ticks: { font: FONT, autoSkip: false, maxRotation: 60 } } },
        plugins: { legend: { position: 'bottom', labels: { font: FONT } } },
      },
    });
    return () => chart.destroy();
  }, [centers, t]);
  return (
    <figure className="stats-chart province-chart" data-testid="province-chart">
      <figcaption>{t('province.chart.title')}</figcaption>
      <div className="stats-chart-box">
        <canvas ref={canvas} role="img" aria-label={t('province.chart.title')} />
      </div>
    </figure>
  );
}
