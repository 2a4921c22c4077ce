/**
 * The heading every one-stop paper shares: the issuing center on the left with the paper's number,
 * the national name and motto on the right with the date line, each underlined with a short rule.
 */
import type { TFunction } from 'i18next';
import { vietnamDateParts } from './slipDates.ts';
import type { SlipFacts } from './slipFacts.ts';

export function SlipHeader({ facts, suffix, t }: { facts: SlipFacts; suffix: string; t: TFunction }) {
  const day = vietnamDateParts(facts.issuedAt);
  return (
    <header className="receipt-head">
      <div className="receipt-issuer">
        <p className="upper">{facts.centerName}</p>
        {facts.locationCode && <p>{t('receipt.location', { location: facts.locationCode })}</p>}
        <p className="rule-short" />
        <p>{t('slips.common.number', { number: facts.number, suffix })}</p>
      </div>
      <div className="receipt-motto">
        <p className="upper strong">{t('receipt.country')}</p>
        <p className="strong">{t('receipt.motto')}</p>
        <p className="rule-short" />
        <p className="italic">{t('slips.common.placeDate', day)}</p>
      </div>
    </header>
  );
}

/** A signature block: the role in capitals, the hint, room to sign, the name. */
export function SignatureBlock({ role, hint, name }: { role: string; hint: string; name: string | null }) {
  return (
    <div className="receipt-sign">
      <p className="strong">{role}</p>
      <p className="italic">{hint}</p>
      <p className="sign-space" />
      {name && <p className="strong">{name}</p>}
    </div>
  );
}
