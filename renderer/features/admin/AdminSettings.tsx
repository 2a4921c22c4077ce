/**
 * The kiosk's hidden settings, reached by the corner gesture and a PIN that the shell checks (the
 * PIN never lives in the page). Printer and print mode, log export, idle time, and enrolling the
 * kiosk with its center (its ratings then count for that center); closing locks again. Every call
 * goes to the platform as it is: what a runtime cannot do comes back as a reason in words.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceIdentity as ShellIdentity, PrinterInfo } from '../../../shared/ipc/contract.ts';
import type { DeviceIdentity, MotcuaDb } from '../../data/db.ts';
import { loadDevice } from '../../data/deviceRepository.ts';
import { EnrolForm } from '../enrol/EnrolForm.tsx';
import type { Platform } from '../../platform/platform.ts';
import { PinPad } from '../counter/staff/PinPad.tsx';
import { readDeviceSetting, writeDeviceSetting } from '../../data/deviceSettings.ts';
import { readIdleSeconds } from '../idle/kioskSettings.ts';

type Step = { name: 'pin'; problem: string | null } | { name: 'settings' };

interface Props {
  platform: Platform;
  db: MotcuaDb;
  onClose(): void;
  /** The idle time was saved: the kiosk uses it from now on. */
  onIdleSaved(seconds: number): void;
  /** The kiosk was enrolled here (the queue starts giving numbers without a restart). */
  onEnrolled(device: DeviceIdentity): void;
}

export function AdminSettings({ platform, db, onClose, onIdleSaved, onEnrolled }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'pin', problem: null });
  const [pin, setPin] = useState('');
  const [printers, setPrinters] = useState<PrinterInfo[] | null>(null);
  const [printer, setPrinter] = useState<string | null>(null);
  const [mode, setMode] = useState<'silent' | 'preview'>('silent');
  const [idle, setIdle] = useState(() => readIdleSeconds('', readDeviceSetting('kioskIdleSeconds')));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // undefined: not read yet; null: not enrolled.
  const [device, setDevice] = useState<DeviceIdentity | null | undefined>(undefined);
  // This computer as the platform knows it (host name and app version), for support.
  const [machine, setMachine] = useState<ShellIdentity | null>(null);

  useEffect(() => {
    if (step.name !== 'settings') return;
    void loadDevice(db, platform.deviceToken).then((r) => setDevice(r.ok ? r.value : null));
  }, [step.name, db, platform]);

  useEffect(() => {
    if (step.name !== 'settings') return;
    void platform.printing.printers().then((r) => setPrinters(r.ok ? r.value : []));
    void platform.device.identity().then((r) => setMachine(r.ok ? r.value : null));
    void platform.device.config().then((r) => {
      if (!r.ok) return;
      setPrinter(r.value.printer ?? null);
      setMode(r.value.printMode ?? 'silent');
    });
  }, [step.name, platform]);

  const close = () => {
    void platform.admin.lock();
    onClose();
  };

  const unlock = async () => {
    const r = await platform.admin.unlock(pin);
    setPin('');
    if (r.ok) setStep({ name: 'settings' });
    else setStep({ name: 'pin', problem: t(r.error.code) });
  };

  const save = async () => {
    const kept = writeDeviceSetting('kioskIdleSeconds', String(idle));
    onIdleSaved(readIdleSeconds('', String(idle)));
    const r = await platform.printing.choosePrinter({ printer, printMode: mode });
    if (!r.ok) setMessage({ ok: false, text: t('admin.saveFailed', { reason: t(r.error.code) }) });
    else setMessage(kept ? { ok: true, text: t('admin.saved') } : { ok: false, text: t('admin.idleNotKept') });
  };

  const exportLogs = async () => {
    const r = await platform.logs.export();
    setMessage(r.ok ? { ok: true, text: t('admin.logsExported', { count: r.value.files, folder: r.value.folder }) } : { ok: false, text: t(r.error.code) });
  };

  return (
    <div className="overlay" role="dialog" aria-labelledby="admin-title" data-testid="admin-settings">
      <div className="overlay-card admin-card">
        <h2 id="admin-title">{t('admin.title')}</h2>
        {step.name === 'pin' ? (
          <>
            <p className="muted">{t('admin.pinHint')}</p>
            <PinPad value={pin} onChange={setPin} />
            {step.problem && (
              <p className="field-error" role="alert">
                {step.problem}
              </p>
            )}
            <div className="admin-actions">
              <button type="button" className="button" onClick={close}>
                {t('admin.close')}
              </button>
              <button type="button" className="button primary" onClick={() => void unlock()} data-testid="admin-unlock">
                {t('admin.unlock')}
              </button>
            </div>
          </>
        ) : (
          <>
            <fieldset className="field">
              <legend>{t('admin.printer')}</legend>
              {printers === null ? (
                <p className="muted">{t('admin.loadingPrinters')}</p>
              ) : printers.length === 0 ? (
                <p className="field-error">{t('admin.noPrinters')}</p>
              ) : (
                <div className="segmented">
                  {printers.map((p) => (
                    <button key={p.name} type="button" className={`button${printer === p.name ? ' active' : ''}`} aria-pressed={printer === p.name} onClick={() => setPrinter(p.name)} data-printer={p.name}>
                      {p.displayName}
                      {p.isDefault ? ` ${t('admin.default')}` : ''}
                    </button>
                  ))}
                </div>
              )}
            </fieldset>
            <fieldset className="field">
              <legend>{t('admin.printMode')}</legend>
              <div className="segmented">
                {(['silent', 'preview'] as const).map((m) => (
                  <button key={m} type="button" className={`button${mode === m ? ' active' : ''}`} aria-pressed={mode === m} onClick={() => setMode(m)}>
                    {t(`admin.modes.${m}`)}
                  </button>
                ))}
              </div>
            </fieldset>
            <section className="field admin-enrol" data-testid="admin-enrol">
              <h3>{t('admin.enrol.title')}</h3>
              {device === undefined ? null : device ? (
                <p className="banner success" data-testid="admin-enrolled">
                  {t('admin.enrol.enrolled', { center: device.centerName, code: device.centerCode, device: device.deviceCode })}
                </p>
              ) : (
                <>
                  <p className="muted">{t('admin.enrol.hint')}</p>
                  <EnrolForm db={db} tokens={platform.deviceToken} defaultServerUrl={platform.serverUrl} roles={['kiosk']} onEnrolled={(d) => (setDevice(d), onEnrolled(d))} />
                </>
              )}
            </section>
            <label className="field">
              <span>{t('admin.idleSeconds')}</span>
              <input className="input" type="number" min={10} max={3600} value={idle} onChange={(e) => setIdle(Number(e.target.value))} data-testid="admin-idle" />
            </label>
            {machine && (
              <p className="muted small" data-testid="admin-machine">
                {t('admin.machine', { host: machine.hostname, version: machine.appVersion })}
              </p>
            )}
            {message && (
              <p className={message.ok ? 'banner success' : 'field-error'} role="status" data-testid="admin-message">
                {message.text}
              </p>
            )}
            <div className="admin-actions">
              <button type="button" className="button" onClick={() => void exportLogs()} data-testid="admin-export-logs">
                {t('admin.exportLogs')}
              </button>
              <button type="button" className="button" onClick={close} data-testid="admin-close">
                {t('admin.close')}
              </button>
              <button type="button" className="button primary" onClick={() => void save()} data-testid="admin-save">
                {t('admin.save')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
