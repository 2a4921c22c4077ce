/** A QR code to the procedure on the national portal: the kiosk never opens the web itself, the citizen's phone does. */
import { useTranslation } from 'react-i18next';
import { useQrDataUrl } from './useQrDataUrl.ts';
import './portalQr.css';

export function PortalQrCode({ url }: { url: string }) {
  const { t } = useTranslation();
  const image = useQrDataUrl(url, 320);
  return (
    <figure className="qr" data-testid="portal-qr">
      {image ? <img src={image} alt={t('detail.qrAlt')} width={220} height={220} /> : <div className="qr-placeholder" />}
      <figcaption>{t('detail.qrCaption')}</figcaption>
    </figure>
  );
}
