/**
 * The plain list of a family's procedures: where "không phải? chọn khác" leads, and what an outcome
 * shows when this catalog does not have its procedure.
 */
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import type { Flow } from '../../../shared/guidance/flowSchema.ts';
import { ProcedureCard } from '../search/ProcedureCard.tsx';
import { localText } from './checklistLines.ts';
import './guidance.css';
import '../search/search.css';

interface Props {
  flow: Flow;
  procedures: Procedure[];
  /** Why the list is shown instead of a checklist, when it is a fallback. */
  fallbackFor?: string;
  onOpen(code: string): void;
  onRestart(): void;
}

export function FamilyList({ flow, procedures, fallbackFor, onOpen, onRestart }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <section className="family-list" data-testid="family-list" data-flow={flow.id}>
      {fallbackFor && (
        <div className="notice" role="status" data-testid="flow-fallback">
          <p>
            <strong>{t('guidance.fallback.title', { title: fallbackFor })}</strong>
          </p>
          <p>{t('guidance.fallback.body')}</p>
        </div>
      )}
      <div className="family-head">
        <h2 className="section-title">{t('guidance.familyTitle', { title: localText(flow.title, i18n.language) })}</h2>
        <button type="button" className="button" onClick={onRestart} data-testid="flow-restart">
          {t('guidance.restart')}
        </button>
      </div>
      {procedures.length === 0 ? (
        <p className="muted">{t('guidance.familyEmpty')}</p>
      ) : (
        <ol className="result-list">
          {procedures.map((p) => (
            <ProcedureCard key={p.code} procedure={p} onOpen={onOpen} t={t} language={i18n.language} />
          ))}
        </ol>
      )}
    </section>
  );
}
