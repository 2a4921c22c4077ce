/** One result row: the name big, then field, time and fee at a glance, then why it matched. */
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import type { MatchedWords } from '../../../shared/catalog/searchTypes.ts';
import { describeFee, describeTime, primaryMethod } from '../procedure/procedureFacts.ts';
import { MatchedWordsLine } from './MatchedWordsLine.tsx';

export function ProcedureCard({ procedure, matched, onOpen }: { procedure: Procedure; matched?: readonly MatchedWords[]; onOpen(code: string): void }) {
  const { t, i18n } = useTranslation();
  const method = primaryMethod(procedure);
  return (
    <li>
      <button type="button" className="result-card" onClick={() => onOpen(procedure.code)} data-code={procedure.code}>
        <span className="result-name">{procedure.name}</span>
        <span className="result-facts">
          <span className="chip">{procedure.field}</span>
          <span className="fact">
            <span className="fact-label">{t('facts.timeLabel')}</span> {describeTime(t, method)}
          </span>
          <span className="fact">
            <span className="fact-label">{t('facts.feeLabel')}</span> {describeFee(t, method, i18n.language)}
          </span>
        </span>
        <MatchedWordsLine matched={matched} />
      </button>
    </li>
  );
}
