/** A QR code to the procedure on the national portal: the kiosk never opens the web itself, the citizen's phone does. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function PortalQrCode({ url }: { url: string }) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { width: 320, margin: 1, errorCorrectionLevel: 'M' })
      .then((data) => live && setImage(data))
      .catch(() => live && setImage(null));
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <figure className="qr" data-testid="portal-qr">
      {image ? <img src={image} alt={t('detail.qrAlt')} width={220} height={220} /> : <div className="qr-placeholder" />}
      <figcaption>{t('detail.qrCaption')}</figcaption>
    </figure>
  );
}
