/** Center admins keep this counter's staff list: add a person with a PIN and a role. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MotcuaDb, StaffMember } from '../../../data/db.ts';
import { PinPad } from './PinPad.tsx';
import { addStaff } from './staffStore.ts';

export function StaffAdminScreen({ db }: { db: MotcuaDb }) {
  const { t } = useTranslation();
  const staff = useLiveQuery(() => db.staff.orderBy('name').toArray(), [db]);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [role, setRole] = useState<StaffMember['role']>('staff');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const add = async () => {
    const made = await addStaff(db, { name, pin, role });
    if (made.ok) {
      setMessage({ ok: true, text: t('counter.staff.added', { name: made.value.name }) });
      setName('');
      setPin('');
    } else setMessage({ ok: false, text: t(`counter.staff.problem.${made.error}`) });
  };

  return (
    <div className="register-columns" data-testid="staff-admin">
      <section className="panel">
        <h2>{t('counter.staff.listTitle')}</h2>
        <ul className="staff-list">
          {staff?.map((s) => (
            <li key={s.id} className="chip">
              {s.name} · {t(`counter.staff.role.${s.role}`)}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>{t('counter.staff.addTitle')}</h2>
        <label className="field">
          <span>{t('counter.staff.name')}</span>
          <input className="input" data-testid="new-staff-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <div className="segmented">
          {(['staff', 'admin'] as const).map((r) => (
            <button key={r} type="button" className={`button${role === r ? ' active' : ''}`} aria-pressed={role === r} onClick={() => setRole(r)}>
              {t(`counter.staff.role.${r}`)}
            </button>
          ))}
        </div>
        <PinPad value={pin} onChange={setPin} />
        {message && <p className={message.ok ? 'banner success' : 'field-error'} role="status">{message.text}</p>}
        <button type="button" className="button primary big" onClick={() => void add()} data-testid="add-staff">
          {t('counter.staff.add')}
        </button>
      </section>
    </div>
  );
}
