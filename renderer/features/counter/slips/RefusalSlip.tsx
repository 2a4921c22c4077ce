/**
 * Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03 of the one-stop forms): the file is not taken
 * and why, handed to the citizen when staff move it to "rejected". Always in Vietnamese.
 */
import { useTranslation } from 'react-i18next';
import { printedAddress } from '../receipt/printedAddress.ts';
import type { PaperSize } from '../receipt/Receipt.tsx';
import type { SlipFacts } from './slipFacts.ts';
import { SignatureBlock, SlipHeader } from './SlipHeader.tsx';

export function RefusalSlip({ facts, reason, paper }: { facts: SlipFacts; reason: string; paper: PaperSize }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  return (
    <article className={`receipt slip paper-${paper}`} data-testid="slip" data-slip="refusal" data-title={t('slips.refusal.title')} lang="vi">
      <SlipHeader facts={facts} suffix={t('slips.refusal.suffix')} t={t} />
      <h1 className="receipt-title">{t('slips.refusal.title')}</h1>
      <div className="slip-lines">
        <p>
          {t('slips.refusal.receivedFrom', { center: facts.centerName })} <strong>{t('slips.common.honorific')} {facts.citizenName}</strong>
        </p>
        <p>{t('slips.common.fileNumber', { number: facts.number })}</p>
        <p data-testid="slip-address">{t('slips.common.address', { address: printedAddress(facts, t) ?? t('slips.common.blank') })}</p>
        <p>{t('slips.common.phone', { phone: facts.phone ?? t('slips.common.blank') })}</p>
        <p>{t('slips.common.procedure', { procedure: facts.procedureName })}</p>
        <p>{t('slips.refusal.decision', { center: facts.centerName })}</p>
        <p className="slip-reason" data-testid="slip-reason">
          {reason}
        </p>
        <p>{t('slips.refusal.notice')}</p>
      </div>
      <footer className="slip-foot">
        <SignatureBlock role={t('slips.common.applicant')} hint={t('receipt.signHint')} name={facts.citizenName} />
        <SignatureBlock role={t('slips.refusal.signer')} hint={t('receipt.signHint')} name={facts.staffName} />
      </footer>
    </article>
  );
}
