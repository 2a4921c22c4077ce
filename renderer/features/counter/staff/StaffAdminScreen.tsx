/**
 * Center admins keep this counter's staff list: add a person with a PIN, a role and, when two
 * people share a name, a detail that tells them apart; disable or enable someone; reset a
 * forgotten PIN (which also lifts a lock); and choose after how long an idle counter signs out.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import type { MotcuaDb, StaffMember } from '../../../data/db.ts';
import { IDLE_CHOICES_MINUTES } from '../chrome/counterIdle.ts';
import { PinPad } from './PinPad.tsx';
import { lockedUntil } from '../../../security/staffLockout.ts';
import { addStaff, allStaff, resetPin, setStaffActive, staffLabel, type StaffProblem } from '../../../data/staffRepository.ts';

interface Props {
  db: MotcuaDb;
  /** The admin using the screen (who may not disable themselves). */
  me: StaffMember;
  idleMinutes: number;
  onIdleMinutesChange(minutes: number): void;
}

type Message = { ok: boolean; text: string };

export function StaffAdminScreen({ db, me, idleMinutes, onIdleMinutesChange }: Props) {
  const { t, i18n } = useTranslation();
  const staff = useLiveQuery(() => allStaff(db), [db]);
  const [name, setName] = useState('');
  const [detail, setDetail] = useState('');
  const [pin, setPin] = useState('');
  const [role, setRole] = useState<StaffMember['role']>('staff');
  const [message, setMessage] = useState<Message | null>(null);
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [newPin, setNewPin] = useState('');
  const [listMessage, setListMessage] = useState<Message | null>(null);

  const problem = (p: StaffProblem) => t(`counter.staff.problem.${p}`);
  const time = (at: Date) => at.toLocaleTimeString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: VIETNAM_TIME });

  const add = async () => {
    const made = await addStaff(db, { name, detail, pin, role });
    if (made.ok) {
      setMessage({ ok: true, text: t('counter.staff.added', { name: staffLabel(made.value) }) });
      setName('');
      setDetail('');
      setPin('');
    } else setMessage({ ok: false, text: problem(made.error) });
  };

  const toggle = async (member: StaffMember) => {
    const changed = await setStaffActive(db, member.id, !member.active, me);
    setListMessage(
      changed.ok
        ? { ok: true, text: t(changed.value.active ? 'counter.staff.enabled' : 'counter.staff.disabled', { name: staffLabel(member) }) }
        : { ok: false, text: problem(changed.error) },
    );
  };

  const savePin = async () => {
    if (!resetting) return;
    const changed = await resetPin(db, resetting.id, newPin);
    setNewPin('');
    if (changed.ok) {
      setResetting(null);
      setListMessage({ ok: true, text: t('counter.staff.pinReset', { name: staffLabel(changed.value) }) });
    } else setListMessage({ ok: false, text: problem(changed.error) });
  };

  return (
    <div className="register-columns" data-testid="staff-admin">
      <section className="panel">
        <h2>{t('counter.staff.listTitle')}</h2>
        <ul className="staff-rows">
          {staff?.map((s) => {
            const locked = lockedUntil(s, new Date());
            return (
              <li key={s.id} className={`staff-row${s.active ? '' : ' inactive'}`} data-staff={staffLabel(s)} data-active={s.active ? 'true' : 'false'}>
                <div>
                  <strong>{staffLabel(s)}</strong>
                  <span className="muted small">
                    {' '}
                    · {t(`counter.staff.role.${s.role}`)}
                    {!s.active && ` · ${t('counter.staff.inactive')}`}
                    {locked && ` · ${t('counter.staff.lockedUntil', { time: time(locked) })}`}
                  </span>
                </div>
                <div className="staff-actions">
                  <button type="button" className="button" onClick={() => void toggle(s)} data-action="toggle">
                    {s.active ? t('counter.staff.disable') : t('counter.staff.enable')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setResetting(s);
                      setNewPin('');
                    }}
                    data-action="reset-pin"
                  >
                    {t('counter.staff.resetPin')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        {listMessage && (
          <p className={listMessage.ok ? 'banner success' : 'field-error'} role="status" data-testid="staff-list-message">
            {listMessage.text}
          </p>
        )}
        {resetting && (
          <div className="reset-pin" data-testid="reset-pin">
            <h3>{t('counter.staff.resetPinFor', { name: staffLabel(resetting) })}</h3>
            <PinPad value={newPin} onChange={setNewPin} onSubmit={() => void savePin()} />
            <div className="confirm-actions">
              <button type="button" className="button" onClick={() => setResetting(null)}>
                {t('counter.staff.cancel')}
              </button>
              <button type="button" className="button primary" onClick={() => void savePin()} data-testid="save-new-pin">
                {t('counter.staff.saveNewPin')}
              </button>
            </div>
          </div>
        )}
        <fieldset className="field">
          <legend>{t('counter.staff.idleTitle')}</legend>
          <div className="segmented" data-testid="idle-minutes">
            {IDLE_CHOICES_MINUTES.map((m) => (
              <button key={m} type="button" className={`button${idleMinutes === m ? ' active' : ''}`} aria-pressed={idleMinutes === m} onClick={() => onIdleMinutesChange(m)} data-minutes={m}>
                {t('counter.staff.idleMinutes', { count: m })}
              </button>
            ))}
          </div>
        </fieldset>
      </section>
      {!resetting && (
        <section className="panel">
          <h2>{t('counter.staff.addTitle')}</h2>
          <label className="field">
            <span>{t('counter.staff.name')}</span>
            <input className="input" data-testid="new-staff-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </label>
          <label className="field">
            <span>{t('counter.staff.detail')}</span>
            <input className="input" data-testid="new-staff-detail" value={detail} onChange={(e) => setDetail(e.target.value)} autoComplete="off" placeholder={t('counter.staff.detailHint')} />
          </label>
          <div className="segmented">
            {(['staff', 'admin'] as const).map((r) => (
              <button key={r} type="button" className={`button${role === r ? ' active' : ''}`} aria-pressed={role === r} onClick={() => setRole(r)}>
                {t(`counter.staff.role.${r}`)}
              </button>
            ))}
          </div>
          <PinPad value={pin} onChange={setPin} onSubmit={() => void add()} />
          {message && (
            <p className={message.ok ? 'banner success' : 'field-error'} role="status" data-testid="add-staff-message">
              {message.text}
            </p>
          )}
          <button type="button" className="button primary big" onClick={() => void add()} data-testid="add-staff">
            {t('counter.staff.add')}
          </button>
        </section>
      )}
    </div>
  );
}
