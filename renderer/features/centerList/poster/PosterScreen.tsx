/**
 * Choosing and printing a poster: one field (lĩnh vực) of the center's saved list, A4 or A3, shown
 * at paper size and printed through the receipt's print path. Edits not yet saved are not printed,
 * and the screen says so.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchEngine } from '../../../../shared/catalog/searchTypes.ts';
import type { CenterEntry } from '../../../../shared/centerList/centerList.ts';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { PrintableDocument, PrintOutcome } from '../../../platform/printing.ts';
import { PrintOutcomeLine } from '../../counter/receipt/PrintOutcomeLine.tsx';
import { Poster, type PosterPaper } from './Poster.tsx';
import posterCss from './poster.css?inline';
import './poster.css';
import { posterFields, posterRows } from './posterRows.ts';

const PAGE: Record<PosterPaper, string> = {
  A4: '@page { size: A4 portrait; margin: 0; }',
  A3: '@page { size: A3 portrait; margin: 0; }',
};

interface Props {
  entries: Record<string, CenterEntry>;
  engine: SearchEngine;
  centerName: string;
  version: number;
  /** Edits waiting to be saved (not on the poster). */
  unsaved: number;
  platform: Platform;
  onClose(): void;
}

export function PosterScreen({ entries, engine, centerName, version, unsaved, platform, onClose }: Props) {
  const { t } = useTranslation();
  const lookup = (code: string) => engine.byCode(code);
  const fields = useMemo(() => posterFields(Object.keys(entries), (code) => engine.byCode(code)), [entries, engine]);
  const [field, setField] = useState<string | null>(null);
  const [paper, setPaper] = useState<PosterPaper>('A4');
  const [printed, setPrinted] = useState<PrintOutcome | null>(null);
  const holder = useRef<HTMLDivElement>(null);
  const chosen = field ?? fields[0]?.field ?? null;
  const rows = chosen ? posterRows(entries, chosen, lookup) : [];
  const [date] = useState(() => new Date().toLocaleDateString('vi-VN', { timeZone: VIETNAM_TIME, day: '2-digit', month: '2-digit', year: 'numeric' }));

  const printable = (): PrintableDocument | null => {
    const element = holder.current?.querySelector<HTMLElement>('[data-testid="poster"]');
    return element ? { element, css: posterCss, pageRule: PAGE[paper], bodyClass: 'printing-poster' } : null;
  };
  const print = async () => {
    const doc = printable();
    if (doc) setPrinted(await platform.printing.print(doc));
  };

  return (
    <section className="poster-screen" data-testid="poster-screen">
      <div className="panel poster-controls">
        <h2>{t('centerList.poster.heading')}</h2>
        {unsaved > 0 && (
          <p className="banner warning" role="status">
            {t('centerList.poster.unsaved', { count: unsaved })}
          </p>
        )}
        {fields.length === 0 ? (
          <p className="muted">{t('centerList.poster.none')}</p>
        ) : (
          <fieldset className="field">
            <legend>{t('centerList.poster.chooseField')}</legend>
            <div className="segmented">
              {fields.map((f) => (
                <button key={f.field} type="button" className={`button${chosen === f.field ? ' active' : ''}`} aria-pressed={chosen === f.field} onClick={() => setField(f.field)} data-field={f.field}>
                  {f.field} ({f.count})
                </button>
              ))}
            </div>
          </fieldset>
        )}
        <fieldset className="field">
          <legend>{t('centerList.poster.paper')}</legend>
          <div className="segmented">
            {(['A4', 'A3'] as const).map((p) => (
              <button key={p} type="button" className={`button${paper === p ? ' active' : ''}`} aria-pressed={paper === p} onClick={() => setPaper(p)} data-paper={p}>
                {p}
              </button>
            ))}
          </div>
        </fieldset>
        <button type="button" className="button primary big" disabled={rows.length === 0} onClick={() => void print()} data-testid="poster-print">
          {t('centerList.poster.print')}
        </button>
        <PrintOutcomeLine platform={platform} printed={printed} document={printable} name={`${t('centerList.poster.title')} ${chosen ?? ''}`} />
        <button type="button" className="button big" onClick={onClose} data-testid="poster-close">
          {t('centerList.poster.back')}
        </button>
      </div>
      <div className="poster-preview" ref={holder}>
        {chosen && rows.length > 0 && <Poster centerName={centerName} field={chosen} rows={rows} paper={paper} version={version} date={date} />}
      </div>
    </section>
  );
}
