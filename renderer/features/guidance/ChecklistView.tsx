/**
 * The personal checklist: only the documents that apply to the answers (the form first), fee, time,
 * place and what happens next, in large type on one screen; printed on the kiosk's 80 mm printer and
 * carried whole in a QR code a phone reads with no network. The full legal detail is one tap away.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowPosition } from '../../../shared/guidance/flowEngine.ts';
import { checklistQrText } from '../../../shared/guidance/checklistQrText.ts';
import type { ResolvedOutcome } from '../../../shared/guidance/resolveOutcome.ts';
import type { Platform } from '../../platform/platform.ts';
import { ReadAloudButton } from '../accessibility/ReadAloudButton.tsx';
import type { PrintOutcome } from '../../platform/printing.ts';
import { ROLL_80MM_PAGE } from '../counter/receipt/printReceipt.ts';
import { useQrDataUrl } from '../procedure/useQrDataUrl.ts';
import { AnsweredSoFar } from './AnsweredSoFar.tsx';
import { checklistWords, localText, plainLines, type CenterProcedureValues } from './checklistLines.ts';
import { ChecklistSlip } from './ChecklistSlip.tsx';
import slipCss from './checklistSlip.css?inline';
import './checklistSlip.css';
import type { QueueFeature } from './queueSeam.ts';
import '../procedure/portalQr.css';

interface Props {
  resolved: Extract<ResolvedOutcome, { kind: 'checklist' }>;
  answered: FlowPosition['answered'];
  platform: Pick<Platform, 'printing' | 'speech'>;
  queue: QueueFeature;
  center?: CenterProcedureValues;
  onChange(questionId: string): void;
  onLeave(): void;
  onOpenProcedure(code: string): void;
  /** Pre-register this procedure at the kiosk (renderer/features/prereg). */
  onPreregister?(code: string): void;
}

export function ChecklistView({ resolved, answered, platform, queue, center, onChange, onLeave, onOpenProcedure, onPreregister }: Props) {
  const { t, i18n } = useTranslation();
  const { procedure, unmatched } = resolved;
  const words = useMemo(() => checklistWords(t, i18n.language, resolved, center), [t, i18n.language, resolved, center]);
  const lines = useMemo(() => plainLines(words), [words]);
  const qrText = useMemo(
    () => checklistQrText({ title: `${words.title} (${words.code})`, lines, link: procedure.portalUrl }),
    [words, lines, procedure.portalUrl],
  );
  const qrImage = useQrDataUrl(qrText, 360, { errorCorrectionLevel: 'L', byteMode: true });
  const slipHolder = useRef<HTMLDivElement>(null);
  const [printed, setPrinted] = useState<PrintOutcome | null>(null);
  const [ticket, setTicket] = useState<string | null>(null);
  const [printedAt] = useState(() => new Date());

  const print = async () => {
    const slip = slipHolder.current?.querySelector<HTMLElement>('.checklist-slip');
    if (!slip) return;
    setPrinted(await platform.printing.print({ element: slip, css: slipCss, pageRule: ROLL_80MM_PAGE, bodyClass: 'printing-checklist' }));
  };
  const takeNumber = async () => {
    const result = await queue.ticketing.takeNumber(procedure.code);
    setTicket(result.ok ? t('guidance.queue.number', { number: result.value.number }) : t('guidance.queue.failed'));
  };

  const spoken = [t('guidance.checklist.spokenTitle', { title: words.title }), ...lines];
  return (
    <article className="checklist-card" data-testid="checklist" data-code={procedure.code} data-qr-text={qrText}>
      <header className="checklist-head">
        <div>
          <p className="question-family">{t('guidance.checklist.kicker')}</p>
          <h2 className="checklist-title">{words.title}</h2>
          <p className="muted small">
            {procedure.name} · {t('detail.code', { code: procedure.code })}
          </p>
        </div>
        <ReadAloudButton speech={platform.speech} lines={spoken} />
      </header>
      <div className="checklist-body">
        <ol className="checklist-lines" aria-label={t('guidance.checklist.listLabel')}>
          {words.lines.map((line, i) => (
            <li key={i} className={`checklist-line line-${line.kind}`} data-testid="checklist-line" data-kind={line.kind}>
              <span className="line-mark" aria-hidden="true">
                {line.kind === 'document' ? '☐' : '•'}
              </span>
              <span className="line-text">
                {line.text}
                {line.detail && <span className="line-detail">{line.detail}</span>}
              </span>
            </li>
          ))}
        </ol>
        <aside className="checklist-side">
          <figure className="qr checklist-qr" data-testid="checklist-qr">
            {qrImage ? <img src={qrImage} alt={t('guidance.checklist.qrAlt')} width={220} height={220} /> : <div className="qr-placeholder" />}
            <figcaption>{t('guidance.checklist.qrCaption')}</figcaption>
          </figure>
          <button type="button" className="button primary big-action" onClick={() => void print()} data-testid="print-checklist">
            <span aria-hidden="true">🖨</span> {t('guidance.checklist.print')}
          </button>
          {printed && printed !== 'dialog' && (
            <p className={`print-state ${printed === 'printed' ? 'ok' : 'problem'}`} role="status" data-testid="print-state">
              {t(`guidance.printed.${printed}`)}
            </p>
          )}
          <button type="button" className="button big-action" onClick={() => onOpenProcedure(procedure.code)} data-testid="full-detail">
            {t('guidance.checklist.fullDetail')}
          </button>
          {onPreregister && (
            <button type="button" className="button big-action" onClick={() => onPreregister(procedure.code)} data-testid="checklist-prereg">
              {t('prereg.start')}
            </button>
          )}
          <button type="button" className="button big-action" hidden={!queue.enabled} onClick={() => void takeNumber()} data-testid="take-number">
            {t('guidance.queue.take')}
          </button>
          {ticket && (
            <p className="print-state ok" role="status">
              {ticket}
            </p>
          )}
        </aside>
      </div>
      {unmatched.length > 0 && (
        <p className="notice" role="status" data-testid="checklist-unmatched">
          {t('guidance.checklist.unmatched', { documents: unmatched.map((d) => localText(d.label, i18n.language)).join('; ') })}
        </p>
      )}
      <AnsweredSoFar answered={answered} onChange={onChange} />
      <div className="flow-exits">
        <button type="button" className="button" onClick={onLeave} data-testid="flow-leave">
          {t('guidance.leave')}
        </button>
      </div>
      <div className="checklist-slip-holder" ref={slipHolder} aria-hidden="true">
        <ChecklistSlip words={words} procedureName={procedure.name} qrImage={qrImage} printedAt={printedAt} />
      </div>
    </article>
  );
}
