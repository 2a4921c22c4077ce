/**
 * One group table of the report (per field or per procedure): the figures a monthly report lists,
 * paged on screen so a long catalog stays light, every row when printing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupFigures } from '../../../shared/stats/centerStats.ts';
import { formatRate } from './formatFigures.ts';

const PAGE_SIZE = 25;

interface Props {
  title: string;
  groups: readonly GroupFigures[];
  showField: boolean;
  /** Every row at once (printing). */
  all: boolean;
  testId: string;
}

export function StatsTable({ title, groups, showField, all, testId }: Props) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(groups.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = all ? groups : groups.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const n = (v: number) => v.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <section className="stats-table-block" data-testid={testId}>
      <h3>{title}</h3>
      <table className="stats-table">
        <thead>
          <tr>
            <th rowSpan={2}>{t('stats.table.index')}</th>
            <th rowSpan={2}>{t('stats.table.name')}</th>
            {showField && <th rowSpan={2}>{t('stats.table.field')}</th>}
            <th colSpan={4}>{t('stats.table.receivedGroup')}</th>
            <th colSpan={5}>{t('stats.table.doneGroup')}</th>
            <th rowSpan={2}>{t('stats.figures.withinPeriod')}</th>
            <th rowSpan={2}>{t('stats.table.onTimeRate')}</th>
          </tr>
          <tr>
            <th>{t('stats.table.total')}</th>
            <th>{t('stats.figures.inPerson')}</th>
            <th>{t('stats.figures.online')}</th>
            <th>{t('stats.figures.postal')}</th>
            <th>{t('stats.table.total')}</th>
            <th>{t('stats.figures.early')}</th>
            <th>{t('stats.figures.onTime')}</th>
            <th>{t('stats.figures.overdue')}</th>
            <th>{t('stats.figures.returned')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={showField ? 14 : 13} className="stats-empty">
                {t('stats.table.empty')}
              </td>
            </tr>
          )}
          {shown.map((g, i) => (
            <tr key={g.key} data-key={g.key}>
              <td className="num">{(all ? 0 : current * PAGE_SIZE) + i + 1}</td>
              <td className="name">{g.label || t('stats.table.noField')}</td>
              {showField && <td className="stats-field">{g.field ?? ''}</td>}
              <td className="num">{n(g.received)}</td>
              <td className="num">{n(g.receivedInPerson)}</td>
              <td className="num">{n(g.receivedOnline)}</td>
              <td className="num">{n(g.receivedPostal)}</td>
              <td className="num">{n(g.done)}</td>
              <td className="num">{n(g.early)}</td>
              <td className="num">{n(g.onTime)}</td>
              <td className="num">{n(g.overdue)}</td>
              <td className="num">{n(g.returned)}</td>
              <td className="num">{n(g.withinPeriod)}</td>
              <td className="num">{formatRate(g.onTimeRate, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!all && pages > 1 && (
        <div className="stats-pager no-print">
          <button type="button" className="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('stats.table.previous')}
          </button>
          <span>{t('stats.table.page', { page: current + 1, pages })}</span>
          <button type="button" className="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('stats.table.next')}
          </button>
        </div>
      )}
    </section>
  );
}
