/** A QR code as a PNG data URL (allowed by the strict CSP), or null while drawing or if it failed. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function useQrDataUrl(text: string, width: number): string | null {
  const [image, setImage] = useState<{ text: string; url: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { width, margin: 1, errorCorrectionLevel: 'M' })
      .then((url) => live && setImage({ text, url }))
      .catch(() => live && setImage({ text, url: null }));
    return () => {
      live = false;
    };
  }, [text, width]);
  return image?.text === text ? image.url : null;
}
