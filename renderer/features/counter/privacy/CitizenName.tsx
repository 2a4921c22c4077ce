/**
 * The citizen's name in a list row, or, when the personal data cannot be shown, why: removed after
 * the retention period (with the date), or it does not decrypt (with the reason, for support).
 */
import { useTranslation } from 'react-i18next';
import type { FileView } from '../../../data/fileViews.ts';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';

export function CitizenName({ personal }: { personal: FileView['personal'] }) {
  const { t, i18n } = useTranslation();
  if (personal.ok) return <strong>{personal.value.citizen.fullName}</strong>;
  const problem = personal.error;
  if (problem.kind === 'purged') {
    const day = new Date(problem.at).toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VIETNAM_TIME });
    return (
      <span className="muted" data-personal="purged">
        {t('atRest.purgedRow', { date: day })}
      </span>
    );
  }
  return (
    <span className="field-error" data-personal="unreadable" title={problem.reason}>
      {t('atRest.unreadableRow')}
    </span>
  );
}
