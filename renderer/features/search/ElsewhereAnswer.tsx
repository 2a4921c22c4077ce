/**
 * The best answer is a procedure this commune center does not handle: say so first, with who does
 * and where to go, rather than offer a wrong commune procedure. The person can still open it to see
 * the papers to prepare.
 */
import { useTranslation } from 'react-i18next';
import type { ElsewhereHit } from '../../../shared/catalog/searchTypes.ts';
import { MatchedWordsLine } from './MatchedWordsLine.tsx';
import './search.css';

export function ElsewhereAnswer({ hit, onOpen }: { hit: ElsewhereHit; onOpen(code: string): void }) {
  const { t } = useTranslation();
  return (
    <section className="elsewhere" data-testid="elsewhere" data-code={hit.code} aria-labelledby={`elsewhere-${hit.code}`}>
      <p className="elsewhere-title" id={`elsewhere-${hit.code}`}>
        <strong>{t('search.elsewhereTitle')}</strong> <span className="chip">{t(`search.elsewhereLevel_${hit.level}`)}</span>
      </p>
      <button type="button" className="result-card elsewhere-card" onClick={() => onOpen(hit.code)} data-code={hit.code}>
        <span className="result-name">{hit.name}</span>
        <span className="elsewhere-where" data-testid="elsewhere-where">
          {hit.where ? t('search.elsewhereWhere', { where: hit.where }) : t('search.elsewhereAskCounter')}
        </span>
        <MatchedWordsLine matched={hit.matched} t={t} />
      </button>
    </section>
  );
}
