/** The checklist as an 80 mm slip for the kiosk's receipt printer: the same lines, the same QR code. */
import { useTranslation } from 'react-i18next';
import type { ChecklistWords } from './checklistLines.ts';

interface Props {
  words: ChecklistWords;
  procedureName: string;
  qrImage: string | null;
  printedAt: Date;
}

export function ChecklistSlip({ words, procedureName, qrImage, printedAt }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="checklist-slip" data-testid="checklist-slip" data-title={t('guidance.slip.title')}>
      <p className="slip-center">{t('app.title')}</p>
      <h1 className="slip-title">{words.title}</h1>
      <p className="slip-name">
        {procedureName} ({words.code})
      </p>
      <ol className="slip-lines">
        {words.lines.map((line, i) => (
          <li key={i} className={`slip-${line.kind}`}>
            <span className="slip-box" aria-hidden="true">
              {line.kind === 'document' ? '☐' : '•'}
            </span>
            <span>
              {line.text}
              {line.detail && <span className="slip-detail"> ({line.detail})</span>}
            </span>
          </li>
        ))}
      </ol>
      {qrImage && (
        <figure className="slip-qr">
          <img src={qrImage} alt="" />
          <figcaption>{t('guidance.checklist.qrCaption')}</figcaption>
        </figure>
      )}
      <p className="slip-foot">
        {t('guidance.slip.printedAt', { date: printedAt.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN') })}
      </p>
      <p className="slip-foot">{t('detail.disclaimer')}</p>
    </div>
  );
}
