/**
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 05 of the one-stop forms): the result will not be
 * ready when promised, why, the center's apology and the new date (the due date is moved with it).
 * Always in Vietnamese.
 */
import { useTranslation } from 'react-i18next';
import type { PaperSize } from '../receipt/Receipt.tsx';
import { dueMomentParts, vietnamDateParts } from './slipDates.ts';
import type { SlipFacts } from './slipFacts.ts';
import { SignatureBlock, SlipHeader } from './SlipHeader.tsx';

interface Props {
  facts: SlipFacts;
  /** The date the receipt promised; null when none was given. */
  previousDueAt: Date | null;
  newDueAt: Date;
  reason: string;
  paper: PaperSize;
}

export function ApologySlip({ facts, previousDueAt, newDueAt, reason, paper }: Props) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  const received = vietnamDateParts(facts.receivedAt);
  return (
    <article className={`receipt slip paper-${paper}`} data-testid="slip" data-slip="apology" data-title={t('slips.apology.title')} lang="vi">
      <SlipHeader facts={facts} suffix={t('slips.apology.suffix')} t={t} />
      <h1 className="receipt-title">{t('slips.apology.title')}</h1>
      <p className="slip-to strong">
        {t('slips.apology.to')} {t('slips.common.honorific')} {facts.citizenName}
      </p>
      <div className="slip-lines">
        <p>{t('slips.apology.received', { ...received, center: facts.centerName })}</p>
        <p>{t('slips.common.fileNumber', { number: facts.number })}</p>
        <p>{t('slips.common.procedure', { procedure: facts.procedureName })}</p>
        <p>
          {previousDueAt
            ? t('slips.apology.due', { due: t('slips.common.dueMoment', dueMomentParts(previousDueAt)) })
            : t('slips.apology.dueNone')}
        </p>
        <p>{t('slips.apology.late', { center: facts.centerName })}</p>
        <p className="slip-reason" data-testid="slip-reason">
          {t('slips.apology.reason', { reason })}
        </p>
        <p>
          {t('slips.apology.sorry', { center: facts.centerName })}{' '}
          <strong data-testid="slip-new-due">{t('slips.common.dueMoment', dueMomentParts(newDueAt))}</strong>.
        </p>
        <p>{t('slips.apology.thanks')}</p>
      </div>
      <footer className="slip-foot">
        <div className="receipt-sign slip-prepared">
          <p className="italic">{t('slips.apology.preparedBy', { staff: facts.staffName })}</p>
        </div>
        <SignatureBlock role={t('slips.apology.signer')} hint={t('slips.apology.signHint')} name={null} />
      </footer>
    </article>
  );
}
