/** Browsing by field (lĩnh vực): for people who would rather tap than type. */
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import { compareVietnamese } from '../../../shared/text/vietnameseOrder.ts';
import { ProcedureCard } from '../search/ProcedureCard.tsx';
import type { CitizenField } from './citizenFields.ts';
import '../home/home.css';

export function FieldList({ fields, onField }: { fields: CitizenField[]; onField(field: string): void }) {
  const { t } = useTranslation();
  return (
    <section className="browse" data-testid="field-list">
      <h2 className="section-title">{t('browse.allFields')}</h2>
      <ul className="field-grid wide">
        {fields.map((f) => (
          <li key={f.field}>
            <button type="button" className="field-tile" onClick={() => onField(f.field)}>
              <span>{f.field}</span>
              <span className="count">{t('home.procedureCount', { count: f.count })}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FieldProcedures({ field, procedures, onOpen }: { field: string; procedures: Procedure[]; onOpen(code: string): void }) {
  const { t, i18n } = useTranslation();
  const inField = procedures
    .filter((p) => p.field === field)
    .sort((a, b) => Number(a.verticalAgency) - Number(b.verticalAgency) || compareVietnamese(a.name, b.name));
  return (
    <section className="browse" data-testid="field-procedures">
      <h2 className="section-title">
        {field} <span className="muted">({t('home.procedureCount', { count: inField.length })})</span>
      </h2>
      <ol className="result-list">
        {inField.map((p) => (
          <ProcedureCard key={p.code} procedure={p} onOpen={onOpen} t={t} language={i18n.language} />
        ))}
      </ol>
    </section>
  );
}
