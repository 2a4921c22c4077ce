/**
 * The center admin sets up the queue: services (a letter, a name, the fields or procedure codes they
 * take), counters (which services each serves) and how priority numbers are called. Checked here
 * by the shared schema, saved on the server from a center admin's device; a save by another admin
 * in between is reported, never overwritten.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queueSettingsSchema, type StoredQueueSettings } from '../../../../shared/queue/queueSettings.ts';
import { noAnswer } from '../../../sync/apiClient.ts';
import type { QueueClient } from '../../../sync/queueClient.ts';
import { queueFailureText, refusalText } from '../refusalText.ts';
import demo from '../../../../shared/queue/demoQueueSettings.json';
import { formOf, newServiceId, settingsOf, type FormProblem, type SettingsForm } from './settingsForm.ts';
import './queueSettings.css';

const STARTER = queueSettingsSchema.parse(demo);

export function QueueSettingsEditor({ client, stored, onClose }: { client: QueueClient; stored: StoredQueueSettings | null; onClose(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<SettingsForm>(() => formOf(stored?.settings ?? STARTER));
  const [base, setBase] = useState<number | null>(stored?.revision ?? null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const setService = (i: number, patch: Partial<SettingsForm['services'][number]>) => setForm({ ...form, services: form.services.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setCounter = (i: number, patch: Partial<SettingsForm['counters'][number]>) => setForm({ ...form, counters: form.counters.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const problemAt = (path: string) => problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));

  const save = async () => {
    setMessage(null);
    const settings = settingsOf(form);
    if (!settings.ok) {
      setProblems(settings.error);
      setMessage({ ok: false, text: t('queue.settings.fix', { count: settings.error.length }) });
      return;
    }
    setProblems([]);
    setSaving(true);
    const saved = await client.saveSettings(settings.value, base);
    setSaving(false);
    if (saved.ok) {
      setBase(saved.value.revision);
      setMessage({ ok: true, text: t('queue.settings.saved', { revision: saved.value.revision }) });
    } else if (noAnswer(saved.error) || saved.error.kind === 'server') setMessage({ ok: false, text: t('queue.settings.offline') });
    else setMessage({ ok: false, text: queueFailureText(t, saved.error) });
  };

  return (
    <div className="overlay queue-settings-overlay" role="dialog" aria-modal="true" aria-labelledby="queue-settings-title">
      <section className="queue-settings" data-testid="queue-settings">
        <header className="queue-settings-head">
          <h2 id="queue-settings-title">{t('queue.settings.title')}</h2>
          <span className="muted">{base ? t('queue.settings.revision', { revision: base }) : t('queue.settings.first')}</span>
        </header>

        <fieldset>
          <legend>{t('queue.settings.priority')}</legend>
          <label className="queue-settings-choice">
            <input type="radio" name="priority" checked={form.priorityMode === 'first'} onChange={() => setForm({ ...form, priorityMode: 'first' })} data-testid="priority-first" />
            {t('queue.settings.priorityFirst')}
          </label>
          <label className="queue-settings-choice">
            <input type="radio" name="priority" checked={form.priorityMode === 'every'} onChange={() => setForm({ ...form, priorityMode: 'every' })} data-testid="priority-every" />
            {t('queue.settings.priorityEvery')}
            <input className="input narrow" inputMode="numeric" value={form.priorityEvery} onChange={(e) => setForm({ ...form, priorityEvery: e.target.value })} aria-label={t('queue.settings.priorityEveryN')} data-testid="priority-every-n" />
          </label>
          {problemAt('priority').map((p) => (
            <p key={p.path + p.code} className="field-error">
              {refusalText(t, p.code)}
            </p>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('queue.settings.services')}</legend>
          {form.services.map((s, i) => (
            <div key={i} className="queue-settings-service" data-testid="settings-service">
              <label>
                {t('queue.settings.prefix')}
                <input className="input narrow" maxLength={1} value={s.prefix} onChange={(e) => setService(i, { prefix: e.target.value.toUpperCase() })} />
              </label>
              <label>
                {t('queue.settings.name')}
                <input className="input" value={s.name} onChange={(e) => setService(i, { name: e.target.value })} />
              </label>
              <label>
                {t('queue.settings.nameEn')}
                <input className="input" value={s.nameEn} onChange={(e) => setService(i, { nameEn: e.target.value })} />
              </label>
              <label>
                {t('queue.settings.minutes')}
                <input className="input narrow" inputMode="numeric" value={s.averageServeMinutes} onChange={(e) => setService(i, { averageServeMinutes: e.target.value })} />
              </label>
              <label className="wide">
                {t('queue.settings.fields')}
                <textarea className="input" rows={2} value={s.fields} onChange={(e) => setService(i, { fields: e.target.value })} />
              </label>
              <label className="wide">
                {t('queue.settings.codes')}
                <textarea className="input" rows={2} value={s.procedureCodes} onChange={(e) => setService(i, { procedureCodes: e.target.value })} />
              </label>
              <button type="button" className="button" onClick={() => setForm({ ...form, services: form.services.filter((_, j) => j !== i), counters: form.counters.map((c) => ({ ...c, services: c.services.filter((id) => id !== s.id) })) })}>
                {t('queue.settings.remove')}
              </button>
              {problemAt(`services.${i}`).map((p) => (
                <p key={p.path + p.code} className="field-error wide">
                  {refusalText(t, p.code)}
                </p>
              ))}
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => {
              const prefix = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').find((l) => !form.services.some((s) => s.prefix === l)) ?? '';
              setForm({ ...form, services: [...form.services, { id: newServiceId(prefix, form.services.map((s) => s.id)), prefix, name: '', nameEn: '', fields: '', procedureCodes: '', averageServeMinutes: '10' }] });
            }}
          >
            {t('queue.settings.addService')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t('queue.settings.counters')}</legend>
          {form.counters.map((c, i) => (
            <div key={i} className="queue-settings-counter" data-testid="settings-counter">
              <label>
                {t('queue.settings.counterNumber')}
                <input className="input narrow" inputMode="numeric" value={c.number} onChange={(e) => setCounter(i, { number: e.target.value })} />
              </label>
              <label>
                {t('queue.settings.name')}
                <input className="input" value={c.name} onChange={(e) => setCounter(i, { name: e.target.value })} />
              </label>
              <span className="queue-settings-serves">
                {form.services.map((s) => (
                  <label key={s.id} className="queue-settings-choice">
                    <input
                      type="checkbox"
                      checked={c.services.includes(s.id)}
                      onChange={(e) => setCounter(i, { services: e.target.checked ? [...c.services, s.id] : c.services.filter((id) => id !== s.id) })}
                    />
                    {s.prefix}
                  </label>
                ))}
              </span>
              <button type="button" className="button" onClick={() => setForm({ ...form, counters: form.counters.filter((_, j) => j !== i) })}>
                {t('queue.settings.remove')}
              </button>
              {problemAt(`counters.${i}`).map((p) => (
                <p key={p.path + p.code} className="field-error wide">
                  {refusalText(t, p.code)}
                </p>
              ))}
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => {
              const next = Math.max(0, ...form.counters.map((c) => Number(c.number) || 0)) + 1;
              setForm({ ...form, counters: [...form.counters, { number: String(next), name: t('queue.settings.counterName', { number: next }), services: [] }] });
            }}
          >
            {t('queue.settings.addCounter')}
          </button>
        </fieldset>

        {message && (
          <p className={`calling-message${message.ok ? '' : ' problem'}`} role={message.ok ? 'status' : 'alert'} data-testid="queue-settings-message">
            {message.text}
          </p>
        )}
        <div className="queue-settings-actions">
          <button type="button" className="button primary" disabled={saving} onClick={() => void save()} data-testid="queue-settings-save">
            {t('queue.settings.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('queue.settings.close')}
          </button>
        </div>
      </section>
    </div>
  );
}
