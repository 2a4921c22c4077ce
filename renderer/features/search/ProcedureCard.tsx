/**
 * One result row: the name big, then field, time and fee at a glance, then why it matched. The
 * list passes its `t` and language down: one i18n subscription per list, not one per card (a
 * kiosk draws several cards at every key).
 */
import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import type { MatchedWords } from '../../../shared/catalog/searchTypes.ts';
import { describeFee, describeTime, primaryMethod } from '../procedure/procedureFacts.ts';
import { MatchedWordsLine } from './MatchedWordsLine.tsx';
import './search.css';

interface Props {
  procedure: Procedure;
  matched?: readonly MatchedWords[];
  onOpen(code: string): void;
  t: TFunction;
  language: string;
}

function ProcedureCardView({ procedure, matched, onOpen, t, language }: Props) {
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
            <span className="fact-label">{t('facts.feeLabel')}</span> {describeFee(t, method, language)}
          </span>
        </span>
        <MatchedWordsLine matched={matched} t={t} />
      </button>
    </li>
  );
}

const sameMatched = (a: readonly MatchedWords[] | undefined, b: readonly MatchedWords[] | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((m, i) => m.typed === b[i]!.typed && m.found === b[i]!.found));

/** A card that stays from one key to the next (same procedure, same matched words) is not drawn again. */
export const ProcedureCard = memo(
  ProcedureCardView,
  (a, b) => a.procedure === b.procedure && a.onOpen === b.onOpen && a.t === b.t && a.language === b.language && sameMatched(a.matched, b.matched),
);
