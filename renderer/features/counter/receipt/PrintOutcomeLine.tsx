/**
 * What became of a print, in words, and the way out when there is no printer: "save as PDF" (the
 * shell asks for a folder; a browser opens its print dialog, whose destinations include PDF).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../platform/platform.ts';
import { pdfFileName, type PrintableDocument, type PrintOutcome } from '../../../platform/printing.ts';

interface Props {
  platform: Pick<Platform, 'printing'>;
  printed: PrintOutcome | null;
  /** The document as it is now (null when it is not on screen). */
  document(): PrintableDocument | null;
  /** The PDF's name without the extension, e.g. the file number. */
  name: string;
  testId?: string;
}

type Saved = { ok: true; path: string | null } | { ok: false; code: string };

export function PrintOutcomeLine({ platform, printed, document, name, testId = 'print-result' }: Props) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<Saved | null>(null);
  const saveAsPdf = async () => {
    const doc = document();
    if (!doc) return;
    const r = await platform.printing.saveAsPdf(doc, pdfFileName(name));
    setSaved(r.ok ? { ok: true, path: r.value.path } : { ok: false, code: r.error.code });
  };
  const offerPdf = printed === 'no-printer' || printed === 'failed';
  return (
    <>
      {printed && printed !== 'dialog' && (
        <p className={printed === 'printed' || printed === 'preview' ? 'banner success' : 'field-error'} role="status" data-testid={testId}>
          {t(`counter.saved.printed.${printed}`)}
        </p>
      )}
      {offerPdf && (
        <button type="button" className="button big" onClick={() => void saveAsPdf()} data-testid="save-pdf">
          {t('counter.saved.savePdf')}
        </button>
      )}
      {saved && (
        <p className={saved.ok ? 'banner success' : 'field-error'} role="status" data-testid="pdf-result">
          {saved.ok ? (saved.path ? t('counter.saved.pdfSaved', { path: saved.path }) : t('counter.saved.pdfDialog')) : t(saved.code)}
        </p>
      )}
    </>
  );
}
