/** Shown right after save: the number the citizen takes away. Printing the full receipt comes with the receipts issue. */
import { useTranslation } from 'react-i18next';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import type { LocalFile } from '../../../data/db.ts';

export function SavedReceipt({ file, onNext }: { file: LocalFile; onNext(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel narrow saved" data-testid="saved-receipt" data-number={file.number}>
      <p className="muted">{t('counter.saved.title')}</p>
      <p className="file-number">{file.number}</p>
      <p>
        <strong>{file.citizen.fullName}</strong> · {file.procedureName}
      </p>
      <p className="muted small">
        {t('counter.saved.at', { time: new Date(file.receivedAt).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VIETNAM_TIME }) })}
      </p>
      <p className="muted small">{t('counter.saved.local')}</p>
      <button type="button" className="button primary big" onClick={onNext} data-testid="register-next">
        {t('counter.saved.next')}
      </button>
    </section>
  );
}
