/**
 * The receipt and appointment slip, laid out like the paper a one-stop counter hands out
 * (national motto top right, the center top left, numbered lines, signatures). Always in
 * Vietnamese: it is an official paper, whatever language the screen is in.
 */
import { useTranslation } from 'react-i18next';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import { describeCenterFee, describeEffectiveTime } from '../../procedure/effectiveFactsText.ts';
import { useQrDataUrl } from '../../procedure/useQrDataUrl.ts';
import { printedAddress } from './printedAddress.ts';
import type { ReceiptFacts } from './receiptFacts.ts';

export type PaperSize = 'A4' | 'A5' | 'roll80';

const dateTime = (d: Date) =>
  d.toLocaleString('vi-VN', { timeZone: VIETNAM_TIME, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
const dateOnly = (d: Date) => d.toLocaleDateString('vi-VN', { timeZone: VIETNAM_TIME, day: '2-digit', month: '2-digit', year: 'numeric' });
const weekday = (d: Date) => d.toLocaleDateString('vi-VN', { timeZone: VIETNAM_TIME, weekday: 'long' });

export function Receipt({ facts, paper }: { facts: ReceiptFacts; paper: PaperSize }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  const qr = useQrDataUrl(facts.qrPayload, 240);
  const address = printedAddress(facts, t);

  const money = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;
  const centerMark = <span className="receipt-center-mark"> {t('centerList.markReceipt')}</span>;
  const fee =
    facts.fee.source === 'center'
      ? facts.fee.fee.kind === 'amount'
        ? money(facts.fee.fee.amount)
        : facts.fee.fee.kind === 'free'
          ? t('receipt.feeFree')
          : describeCenterFee(t, facts.fee.fee, 'vi')
      : facts.fee.source === 'national' && facts.fee.fee.amount && facts.fee.fee.amount > 0
        ? money(facts.fee.fee.amount)
        : facts.fee.source === 'national' && facts.fee.fee.free === true
          ? t('receipt.feeFree')
          : t('receipt.feeUnknown');
  const place = facts.place.source === 'center' ? [facts.place.counter, facts.place.location].filter(Boolean).join(', ') : null;

  return (
    <article className={`receipt paper-${paper}`} data-testid="receipt" lang="vi">
      <header className="receipt-head">
        <div className="receipt-issuer">
          <p className="upper">{facts.centerName}</p>
          {facts.locationCode && <p>{t('receipt.location', { location: facts.locationCode })}</p>}
          <p className="rule-short" />
          <p>{t('receipt.number', { number: facts.number })}</p>
          {facts.lookupCode && (
            <p data-testid="receipt-lookup-code">
              {t('receipt.lookupCode')} <strong className="receipt-code">{facts.lookupCode}</strong>
            </p>
          )}
        </div>
        <div className="receipt-motto">
          <p className="upper strong">{t('receipt.country')}</p>
          <p className="strong">{t('receipt.motto')}</p>
          <p className="rule-short" />
          <p className="italic">{t('receipt.placeDate', { date: dateOnly(facts.receivedAt) })}</p>
        </div>
      </header>
      <h1 className="receipt-title">{t('receipt.title')}</h1>
      <p className="receipt-subtitle">{t('receipt.subtitle', { number: facts.number })}</p>
      <ol className="receipt-lines">
        <li>
          {t('receipt.received', { center: facts.centerName })} <strong>{facts.citizenName}</strong> —{' '}
          {t('receipt.idNumber', { id: facts.citizenId })}
          {facts.phone && <> — {t('receipt.phone', { phone: facts.phone })}</>}
          {address && <> — <span data-testid="receipt-address">{t('receipt.address', { address })}</span></>}
        </li>
        <li>
          {t('receipt.procedure')} <strong>{facts.procedureName}</strong> ({t('receipt.code', { code: facts.procedureCode })})
        </li>
        <li>
          {t('receipt.documents', { count: facts.documents.length })}
          <table className="receipt-docs">
            <thead>
              <tr>
                <th>{t('receipt.col.no')}</th>
                <th>{t('receipt.col.name')}</th>
                <th>{t('receipt.col.originals')}</th>
                <th>{t('receipt.col.copies')}</th>
              </tr>
            </thead>
            <tbody>
              {facts.documents.map((d, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>{d.name}</td>
                  <td>{d.originals}</td>
                  <td>{d.copies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
        <li data-testid="receipt-fee">
          {t('receipt.fee', { fee })}
          {facts.fee.source === 'center' && centerMark}
        </li>
        <li data-testid="receipt-time">
          {t('centerList.receipt.time', { time: describeEffectiveTime(t, facts.time) })}
          {facts.time.known && facts.time.source === 'center' && centerMark}
        </li>
        <li>{t('receipt.receivedAt', { time: dateTime(facts.receivedAt) })}</li>
        <li className="receipt-due" data-testid="receipt-due">
          {facts.dueAt ? (
            <>
              {t('receipt.due')} <strong>{t('receipt.dueAt', { weekday: weekday(facts.dueAt), time: dateTime(facts.dueAt) })}</strong>
            </>
          ) : (
            t('receipt.dueUnknown')
          )}
        </li>
        <li data-testid="receipt-where">
          {place ? (
            <>
              {t('centerList.receipt.where', { place, center: facts.centerName })}
              {centerMark}
            </>
          ) : (
            t('receipt.where', { center: facts.centerName })
          )}
        </li>
      </ol>
      <footer className="receipt-foot">
        <figure className="receipt-qr">
          {qr && <img src={qr} alt={t('receipt.qrAlt')} width={110} height={110} />}
          <figcaption>
            {t('receipt.qrCaption')}
            {facts.lookupCode && (
              <span className="receipt-qr-code">
                {t('receipt.lookupCode')} <strong className="receipt-code">{facts.lookupCode}</strong>
              </span>
            )}
          </figcaption>
        </figure>
        <div className="receipt-sign">
          <p className="strong">{t('receipt.applicant')}</p>
          <p className="italic">{t('receipt.signHint')}</p>
          <p className="sign-space" />
          <p className="strong">{facts.citizenName}</p>
        </div>
        <div className="receipt-sign">
          <p className="strong">{t('receipt.staff')}</p>
          <p className="italic">{t('receipt.signHint')}</p>
          <p className="sign-space" />
          <p className="strong">{facts.staffName}</p>
        </div>
      </footer>
    </article>
  );
}
