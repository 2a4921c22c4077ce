/**
 * A paper ready to print (a receipt again, or a slip): the preview exactly as it will print, the
 * paper size, "print" and "close". Printing goes through the receipt's print path and never
 * touches the network.
 */
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../platform/platform.ts';
import type { PrintOutcome } from '../../../platform/printing.ts';
import { receiptDocument } from '../receipt/printReceipt.ts';
import { PrintOutcomeLine } from '../receipt/PrintOutcomeLine.tsx';
import type { PaperSize } from '../receipt/Receipt.tsx';
import '../receipt/receipt.css';

interface Props {
  platform: Platform;
  /** The sizes this paper comes in, the first one chosen at start. */
  papers: readonly PaperSize[];
  title: string;
  /** A line above the preview (what was just saved). */
  notice?: string | null;
  onClose(): void;
  children(paper: PaperSize): ReactNode;
}

export function PrintPanel({ platform, papers, title, notice, onClose, children }: Props) {
  const { t } = useTranslation();
  const [paper, setPaper] = useState<PaperSize>(papers[0] ?? 'A4');
  const [printed, setPrinted] = useState<PrintOutcome | null>(null);
  const holder = useRef<HTMLDivElement>(null);

  const printable = () => {
    const page = holder.current?.querySelector<HTMLElement>('.receipt');
    return page ? receiptDocument(page, paper) : null;
  };
  const print = async () => {
    const doc = printable();
    if (doc) setPrinted(await platform.printing.print(doc));
  };

  return (
    <section className="saved-layout print-panel" data-testid="print-panel">
      <div className="panel saved">
        <h2>{title}</h2>
        {notice && (
          <p className="banner success" role="status" data-testid="print-notice">
            {notice}
          </p>
        )}
        <fieldset className="field">
          <legend>{t('counter.saved.paper')}</legend>
          <div className="segmented">
            {papers.map((p) => (
              <button key={p} type="button" className={`button${paper === p ? ' active' : ''}`} aria-pressed={paper === p} onClick={() => setPaper(p)} data-paper={p}>
                {t(`counter.saved.papers.${p}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <button type="button" className="button primary big" onClick={() => void print()} data-testid="print-slip">
          {t('counter.worklist.print')}
        </button>
        <PrintOutcomeLine platform={platform} printed={printed} document={printable} name={title} />
        <button type="button" className="button big" onClick={onClose} data-testid="print-close">
          {t('counter.worklist.backToFile')}
        </button>
      </div>
      <div className="receipt-preview" ref={holder}>
        {children(paper)}
      </div>
    </section>
  );
}
