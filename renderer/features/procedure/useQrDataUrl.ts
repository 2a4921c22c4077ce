/** A QR code as a PNG data URL (allowed by the strict CSP), or null while drawing or if it failed. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export interface QrOptions {
  /** 'L' holds the most text (the checklist); 'M' (default) survives more smudging (short links). */
  errorCorrectionLevel?: 'L' | 'M';
  /** One byte-mode segment of UTF-8, what phones expect for Vietnamese text. */
  byteMode?: boolean;
}

export function useQrDataUrl(text: string, width: number, { errorCorrectionLevel = 'M', byteMode = false }: QrOptions = {}): string | null {
  const [image, setImage] = useState<{ text: string; url: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    const content = byteMode ? [{ data: new TextEncoder().encode(text), mode: 'byte' as const }] : text;
    QRCode.toDataURL(content, { width, margin: 1, errorCorrectionLevel })
      .then((url) => live && setImage({ text, url }))
      .catch(() => live && setImage({ text, url: null }));
    return () => {
      live = false;
    };
  }, [text, width, errorCorrectionLevel, byteMode]);
  return image?.text === text ? image.url : null;
}
