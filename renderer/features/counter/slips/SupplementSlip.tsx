/**
 * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02 of the one-stop forms): what the citizen must
 * still bring, from the checklist, and anything else staff wrote. Always in Vietnamese.
 */
import { useTranslation } from 'react-i18next';
import { printedAddress } from '../receipt/printedAddress.ts';
import type { PaperSize } from '../receipt/Receipt.tsx';
import type { MissingDocument, SlipFacts } from './slipFacts.ts';
import { SignatureBlock, SlipHeader } from './SlipHeader.tsx';

export function SupplementSlip({ facts, documents, text, paper }: { facts: SlipFacts; documents: MissingDocument[]; text: string; paper: PaperSize }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  return (
    <article className={`receipt slip paper-${paper}`} data-testid="slip" data-slip="supplement" data-title={t('slips.supplement.title')} lang="vi">
      <SlipHeader facts={facts} suffix={t('slips.supplement.suffix')} t={t} />
      <h1 className="receipt-title">{t('slips.supplement.title')}</h1>
      <div className="slip-lines">
        <p>
          {t('slips.supplement.fileOf')} <strong>{t('slips.common.honorific')} {facts.citizenName}</strong>
        </p>
        <p>{t('slips.common.fileNumber', { number: facts.number })}</p>
        <p>{t('slips.common.procedure', { procedure: facts.procedureName })}</p>
        <p data-testid="slip-address">{t('slips.common.address', { address: printedAddress(facts, t) ?? t('slips.common.blank') })}</p>
        <p>{t('slips.common.phone', { phone: facts.phone ?? t('slips.common.blank') })}</p>
        <p>{t('slips.supplement.request')}</p>
        {documents.length > 0 ? (
          <table className="receipt-docs" data-testid="slip-documents">
            <thead>
              <tr>
                <th>{t('receipt.col.no')}</th>
                <th>{t('slips.supplement.col.name')}</th>
                <th>{t('receipt.col.originals')}</th>
                <th>{t('receipt.col.copies')}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d, i) => (
                <tr key={d.name}>
                  <td>{i + 1}</td>
                  <td>{d.name}</td>
                  <td>{d.originals}</td>
                  <td>{d.copies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="italic">{t('slips.supplement.noDocuments')}</p>
        )}
        {text.trim() && <p className="slip-reason">{t('slips.supplement.other', { text: text.trim() })}</p>}
        <p>{t('slips.supplement.contact', { staff: facts.staffName, center: facts.centerName })}</p>
      </div>
      <footer className="slip-foot">
        <SignatureBlock role={t('slips.common.applicant')} hint={t('receipt.signHint')} name={facts.citizenName} />
        <SignatureBlock role={t('slips.supplement.signer')} hint={t('receipt.signHint')} name={facts.staffName} />
      </footer>
    </article>
  );
}
