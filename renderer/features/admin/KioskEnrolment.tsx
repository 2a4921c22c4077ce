/**
 * In the kiosk's hidden settings: which center this kiosk belongs to, or the enrolment form (as a
 * kiosk) when it belongs to none yet. An enrolled kiosk sends its searches and pulls the center's
 * taught vocabulary; an unenrolled one keeps its searches (bounded) until it is.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MotcuaDb } from '../../data/db.ts';
import { EnrolScreen } from '../counter/enrol/EnrolScreen.tsx';
import { drainSearches } from '../../sync/searchLogSender.ts';
import { pullVocabulary } from '../../sync/vocabularyPull.ts';

export function KioskEnrolment({ db, serverUrl }: { db: MotcuaDb; serverUrl: string }) {
  const { t } = useTranslation();
  const device = useLiveQuery(() => db.device.get('device'), [db], null);
  const [enrolling, setEnrolling] = useState(false);
  if (device === null) return null;
  if (device) {
    return (
      <p className="banner success" data-testid="kiosk-enrolled">
        {t('learning.kiosk.enrolled', { center: device.centerName, code: device.deviceCode, role: t(`learning.kiosk.role.${device.role}`) })}
      </p>
    );
  }
  return enrolling ? (
    <EnrolScreen
      db={db}
      defaultServerUrl={serverUrl}
      role="kiosk"
      onEnrolled={() => {
        setEnrolling(false);
        void pullVocabulary(db);
        void drainSearches(db);
      }}
    />
  ) : (
    <div className="field">
      <p className="muted">{t('learning.kiosk.notEnrolled')}</p>
      <button type="button" className="button" onClick={() => setEnrolling(true)} data-testid="kiosk-enrol">
        {t('learning.kiosk.enrol')}
      </button>
    </div>
  );
}
