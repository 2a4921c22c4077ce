/**
 * First start of a counter: enrol this device with the center's server once (center code and
 * the enrolment code the center admin received). Everything after works without the network.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enrolRequestSchema } from '../../../../shared/sync/protocol.ts';
import { saveDevice } from '../../../data/deviceRepository.ts';
import type { DeviceIdentity, MotcuaDb } from '../../../data/db.ts';
import { enrol } from '../../../sync/syncClient.ts';

export function EnrolScreen({
  db,
  defaultServerUrl,
  onEnrolled,
  role = 'counter',
}: {
  db: MotcuaDb;
  defaultServerUrl: string;
  onEnrolled(d: DeviceIdentity): void;
  /** A kiosk enrols too, to give queue numbers (features/queue/kiosk/QueueSetupScreen.tsx). */
  role?: 'counter' | 'kiosk';
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ serverUrl: defaultServerUrl, centerCode: '', enrolmentCode: '', deviceName: '', locationCode: '' });
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
      setProblem(t('counter.enrol.incomplete'));
      return;
    }
    setBusy(true);
    const answer = await enrol(form.serverUrl, request.data);
    setBusy(false);
    if (!answer.ok) {
      setProblem(t(`counter.enrol.problem.${answer.error.kind}`, { reason: answer.error.reason }));
      return;
    }
    const saved = await saveDevice(db, form.serverUrl, answer.value);
    if (!saved.ok) setProblem(t(`counter.errors.storage.${saved.error.kind}`));
    else onEnrolled(saved.value);
  };

  return (
    <section className="panel narrow" data-testid="enrol">
      <h2>{t('counter.enrol.title')}</h2>
      <p className="muted">{t('counter.enrol.hint')}</p>
      {field('serverUrl', t('counter.enrol.serverUrl'), 'enrol-server')}
      {field('centerCode', t('counter.enrol.centerCode'), 'enrol-center')}
      {field('enrolmentCode', t('counter.enrol.enrolmentCode'), 'enrol-code', 'password')}
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
    </section>
  );
}
