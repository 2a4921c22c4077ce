/**
 * "Trả lời vài câu hỏi để chọn đúng thủ tục": offered beside a search result or a procedure page
 * that belongs to a family with variants, so a citizen need not tell "khai tử có yếu tố nước ngoài
 * tại khu vực biên giới" from its neighbours by name.
 */
import { useTranslation } from 'react-i18next';
import type { Flow } from '../../../shared/guidance/flowSchema.ts';
import { localText } from './checklistLines.ts';
import './guidance.css';

export function FlowOffer({ flows, onStart }: { flows: readonly Flow[]; onStart(flowId: string): void }) {
  const { t, i18n } = useTranslation();
  if (flows.length === 0) return null;
  return (
    <aside className="flow-offer" data-testid="flow-offer" aria-label={t('guidance.offer.label')}>
      <p className="flow-offer-text">{t('guidance.offer.text')}</p>
      <div className="flow-offer-buttons">
        {flows.map((f) => (
          <button key={f.id} type="button" className="button primary" onClick={() => onStart(f.id)} data-flow={f.id}>
            {t('guidance.offer.start', { title: localText(f.title, i18n.language) })} <span aria-hidden="true">›</span>
          </button>
        ))}
      </div>
    </aside>
  );
}
