/**
 * Enrolling this device with the center's server, once: the center code and one of the center's
 * codes (the enrolment code for a kiosk or a counter, the admin enrolment code for the center
 * admin's device). Used by the counter's first screen and by the kiosk's admin settings; everything
 * after works without the network.
 */
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ENROLMENT_CODE_MIN_LENGTH, enrolRequestSchema, type DeviceRole } from '../../../shared/sync/protocol.ts';
import { saveDevice } from '../../data/deviceRepository.ts';
import type { DeviceIdentity, MotcuaDb } from '../../data/db.ts';
import type { TokenVault } from '../../security/dataKey.ts';
import { noAnswer, type ApiFailure } from '../../sync/apiClient.ts';
import { failureKey } from '../../sync/apiFailureKey.ts';
import { enrol } from '../../sync/syncClient.ts';

/** Why enrolment failed, in the words of whoever sets the device up (never the server's English). */
function enrolProblemWords(failure: ApiFailure, t: TFunction): string {
  if (noAnswer(failure)) return t('counter.enrol.problem.offline');
  if (failure.kind === 'refused' && failure.status === 401) return t('counter.enrol.problem.unauthorised');
  if (failure.kind === 'refused') return t('counter.enrol.problem.rejected', { reason: t(failureKey(failure)) });
  return t(`counter.enrol.problem.${failure.kind}`);
}

interface Props {
  db: MotcuaDb;
  /** Where the device token goes (the OS keystore in the shell). */
  tokens: TokenVault;
  defaultServerUrl: string;
  /** The roles this screen may enrol as; the first is the default (a choice is shown when there are several). */
  roles: readonly DeviceRole[];
  onEnrolled(d: DeviceIdentity): void;
}

export function EnrolForm({ db, tokens, defaultServerUrl, roles, onEnrolled }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ serverUrl: defaultServerUrl, centerCode: '', enrolmentCode: '', deviceName: '', locationCode: '' });
  const [role, setRole] = useState<DeviceRole>(roles[0] ?? 'counter');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof typeof form, label: string, testId: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input className="input" data-testid={testId} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} autoComplete="off" />
    </label>
  );

  const submit = async () => {
    setProblem(null);
    const request = enrolRequestSchema.safeParse({
      centerCode: form.centerCode.trim().toUpperCase(),
      enrolmentCode: form.enrolmentCode.trim(),
      deviceName: form.deviceName.trim(),
      locationCode: form.locationCode.trim() || null,
      role,
    });
    if (!request.success) {
      setProblem(t('counter.enrol.incomplete', { min: ENROLMENT_CODE_MIN_LENGTH }));
      return;
    }
    setBusy(true);
    const answer = await enrol(form.serverUrl, request.data);
    setBusy(false);
    if (!answer.ok) {
      setProblem(enrolProblemWords(answer.error, t));
      return;
    }
    const saved = await saveDevice(db, tokens, form.serverUrl, answer.value);
    if (!saved.ok) setProblem(t(`counter.errors.storage.${saved.error.kind}`));
    else onEnrolled(saved.value);
  };

  return (
    <div className="enrol-form" data-testid="enrol-form">
      {roles.length > 1 && (
        <fieldset className="field">
          <legend>{t('counter.enrol.role.label')}</legend>
          <div className="segmented">
            {roles.map((r) => (
              <button key={r} type="button" className={`button${role === r ? ' active' : ''}`} aria-pressed={role === r} onClick={() => setRole(r)} data-testid={`enrol-role-${r}`}>
                {t(`counter.enrol.role.${r}`)}
              </button>
            ))}
          </div>
          <span className="muted">{t(`counter.enrol.role.${role}Hint`)}</span>
        </fieldset>
      )}
      {field('serverUrl', t('counter.enrol.serverUrl'), 'enrol-server')}
      {field('centerCode', t('counter.enrol.centerCode'), 'enrol-center')}
      {field('enrolmentCode', role === 'admin' ? t('counter.enrol.adminCode') : t('counter.enrol.enrolmentCode'), 'enrol-code', 'password')}
      {field('deviceName', t('counter.enrol.deviceName'), 'enrol-name')}
      {field('locationCode', t('counter.enrol.locationCode'), 'enrol-location')}
      {problem && (
        <p className="field-error" role="alert" data-testid="enrol-problem">
          {problem}
        </p>
      )}
      <button type="button" className="button primary big" disabled={busy} onClick={() => void submit()} data-testid="enrol-submit">
        {busy ? t('counter.enrol.busy') : t('counter.enrol.submit')}
      </button>
    </div>
  );
}

/** First start of a counter (or of the center admin's device): enrol before anything else. */
export function EnrolScreen({ db, tokens, defaultServerUrl, onEnrolled }: Omit<Props, 'roles'>) {
  const { t } = useTranslation();
  return (
    <section className="panel narrow" data-testid="enrol">
      <h2>{t('counter.enrol.title')}</h2>
      <p className="muted">{t('counter.enrol.hint')}</p>
      <EnrolForm db={db} tokens={tokens} defaultServerUrl={defaultServerUrl} roles={['counter', 'admin']} onEnrolled={onEnrolled} />
    </section>
  );
}
