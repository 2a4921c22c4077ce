/** The report of an imported table: every row with its number, code, verdict and reasons, errors first. */
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/centerList/centerListTable.ts';

const ORDER = { error: 0, warning: 1, imported: 2 } as const;

export function ImportReportView({ report, onClose }: { report: ImportReport; onClose(): void }) {
  const { t } = useTranslation();
  const rows = [...report.rows].sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict] || a.row - b.row);
  return (
    <section className="panel import-report" data-testid="import-report" aria-labelledby="import-report-title">
      <div className="import-report-head">
        <h3 id="import-report-title">{t('centerList.import.reportTitle')}</h3>
        <button type="button" className="button" onClick={onClose} data-testid="import-report-close">
          {t('centerList.import.close')}
        </button>
      </div>
      <p data-testid="import-counts">
        {t('centerList.import.counts', {
          imported: report.counts.imported,
          warnings: report.counts.warnings,
          errors: report.counts.errors,
          blank: report.counts.blank,
        })}
      </p>
      {report.ignoredColumns.length > 0 && <p className="muted small">{t('centerList.import.ignoredColumns', { columns: report.ignoredColumns.join(', ') })}</p>}
      {rows.length > 0 && (
        <div className="import-report-rows">
          <table>
            <thead>
              <tr>
                <th>{t('centerList.import.col.row')}</th>
                <th>{t('centerList.import.col.code')}</th>
                <th>{t('centerList.import.col.verdict')}</th>
                <th>{t('centerList.import.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.row} data-row={r.row} data-verdict={r.verdict} className={`verdict-${r.verdict}`}>
                  <td>{r.row}</td>
                  <td>{r.code ?? '—'}</td>
                  <td>{t(`centerList.import.verdict.${r.verdict}`)}</td>
                  <td>{r.reasons.map((reason) => t(`centerList.import.reason.${reason.key}`, reason.params)).join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
