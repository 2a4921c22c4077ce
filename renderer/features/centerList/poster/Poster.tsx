/**
 * The printable poster of one field's procedures, as centers post them at every location: large
 * type, the center's time, fee and counter for each, and a QR code to the procedure on the national
 * portal. Always in Vietnamese, like the receipt: it is a public notice.
 */
import { useTranslation } from 'react-i18next';
import { describeEffectiveFee, describeEffectiveTime, describePlace } from '../../procedure/effectiveFactsText.ts';
import { useQrDataUrl } from '../../procedure/useQrDataUrl.ts';
import type { PosterRow } from './posterRows.ts';

export type PosterPaper = 'A4' | 'A3';

function PortalQr({ url }: { url: string }) {
  const { i18n } = useTranslation();
  const image = useQrDataUrl(url, 360);
  return image ? <img className="poster-qr" src={image} alt={i18n.getFixedT('vi')('centerList.poster.qrAlt')} /> : <span className="poster-qr poster-qr-pending" />;
}

interface Props {
  centerName: string;
  field: string;
  rows: PosterRow[];
  paper: PosterPaper;
  version: number;
  /** The day the poster is printed, shown as "Cập nhật ngày". */
  date: string;
}

export function Poster({ centerName, field, rows, paper, version, date }: Props) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  return (
    <article className={`poster poster-${paper}`} data-testid="poster" data-paper={paper} data-title={t('centerList.poster.title')} lang="vi">
      <header className="poster-head">
        <p className="poster-center">{centerName}</p>
        <h1>{t('centerList.poster.title')}</h1>
        <p className="poster-field">{t('centerList.poster.field', { field })}</p>
      </header>
      <table className="poster-table">
        <thead>
          <tr>
            <th className="poster-no">{t('centerList.poster.col.no')}</th>
            <th>{t('centerList.poster.col.name')}</th>
            <th className="poster-time">{t('centerList.poster.col.time')}</th>
            <th className="poster-fee">{t('centerList.poster.col.fee')}</th>
            <th className="poster-place">{t('centerList.poster.col.place')}</th>
            <th className="poster-qr-col">{t('centerList.poster.col.qr')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.code} data-code={row.code}>
              <td className="poster-no">{i + 1}</td>
              <td>
                <span className="poster-name">{row.name}</span>
                <span className="poster-code">{t('centerList.poster.code', { code: row.code })}</span>
                {row.facts.note && <span className="poster-note">{row.facts.note}</span>}
              </td>
              <td className="poster-time">{describeEffectiveTime(t, row.facts.time)}</td>
              <td className="poster-fee">{describeEffectiveFee(t, row.facts.fee, 'vi')}</td>
              <td className="poster-place">{describePlace(row.facts.place) ?? t('centerList.poster.placeDefault')}</td>
              <td className="poster-qr-col">{row.portalUrl ? <PortalQr url={row.portalUrl} /> : t('centerList.poster.noQr')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer className="poster-foot">
        <p>{t('centerList.poster.qrHint')}</p>
        <p className="poster-source">{t('centerList.poster.source', { center: centerName, version, date })}</p>
      </footer>
    </article>
  );
}
