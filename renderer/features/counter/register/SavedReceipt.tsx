/**
 * Right after save: the receipt exactly as it will print, the paper size, and "print". The file
 * is already safe on this device; printing never touches the network.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchEngine } from '../../../../shared/catalog/searchTypes.ts';
import type { LocalFile, MotcuaDb } from '../../../data/db.ts';
import type { Platform } from '../../../platform/platform.ts';
import { useCenterList } from '../../../app/useCenterList.ts';
import type { PrintOutcome } from '../../../platform/printing.ts';
import { receiptDocument } from '../receipt/printReceipt.ts';
import { PrintOutcomeLine } from '../receipt/PrintOutcomeLine.tsx';
import { Receipt, type PaperSize } from '../receipt/Receipt.tsx';
import '../receipt/receipt.css';
import { receiptFacts } from '../receipt/receiptFacts.ts';

const PAPERS: PaperSize[] = ['A5', 'A4', 'roll80'];

interface Props {
  file: LocalFile;
  /** The device database, for the center's own list the receipt quotes. */
  db: MotcuaDb;
  engine: SearchEngine;
  centerName: string;
  platform: Platform;
  onNext(): void;
}

export function SavedReceipt({ file, db, engine, centerName, platform, onNext }: Props) {
  const { t } = useTranslation();
  const [paper, setPaper] = useState<PaperSize>('A5');
  const [printed, setPrinted] = useState<PrintOutcome | null>(null);
  const holder = useRef<HTMLDivElement>(null);
  const centerList = useCenterList(db);
  const facts = receiptFacts(file, engine.byCode(file.procedureCode), centerName, centerList.entries[file.procedureCode]);

  const printable = () => {
    const receipt = holder.current?.querySelector<HTMLElement>('[data-testid="receipt"]');
    return receipt ? receiptDocument(receipt, paper) : null;
  };
  const print = async () => {
    const doc = printable();
    if (doc) setPrinted(await platform.printing.print(doc));
  };

  return (
    <section className="saved-layout" data-testid="saved-receipt" data-number={file.number} data-lookup-code={file.lookupCode ?? ''}>
      <div className="panel saved">
        <p className="muted">{t('counter.saved.title')}</p>
        <p className="file-number">{file.number}</p>
        <p className="muted small">{t('counter.saved.local')}</p>
        <fieldset className="field">
          <legend>{t('counter.saved.paper')}</legend>
          <div className="segmented">
            {PAPERS.map((p) => (
              <button key={p} type="button" className={`button${paper === p ? ' active' : ''}`} aria-pressed={paper === p} onClick={() => setPaper(p)} data-paper={p}>
                {t(`counter.saved.papers.${p}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <button type="button" className="button primary big" onClick={() => void print()} data-testid="print-receipt">
          {t('counter.saved.print')}
        </button>
        <PrintOutcomeLine platform={platform} printed={printed} document={printable} name={file.number} />
        <button type="button" className="button big" onClick={onNext} data-testid="register-next">
          {t('counter.saved.next')}
        </button>
      </div>
      <div className="receipt-preview" ref={holder}>
        <Receipt facts={facts} paper={paper} />
      </div>
    </section>
  );
}
