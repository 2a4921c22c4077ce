/**
 * Who is at the counter: pick your name, type your PIN. The first person to open a new counter
 * becomes its center admin, so a fresh install is never locked out.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MotcuaDb, StaffMember } from '../../../data/db.ts';
import { PinPad } from './PinPad.tsx';
import { addStaff, signIn } from './staffStore.ts';

export function SignInScreen({ db, onSignedIn }: { db: MotcuaDb; onSignedIn(member: StaffMember): void }) {
  const { t } = useTranslation();
  const staff = useLiveQuery(() => db.staff.filter((s) => s.active).sortBy('name'), [db]);
  const [chosen, setChosen] = useState<StaffMember | null>(null);
  const [pin, setPin] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  if (staff === undefined) return null;

  if (staff.length === 0) {
    const create = async () => {
      const made = await addStaff(db, { name, pin, role: 'admin' });
      if (made.ok) onSignedIn(made.value);
      else setProblem(t(`counter.staff.problem.${made.error}`));
    };
    return (
      <section className="panel narrow" data-testid="first-admin">
        <h2>{t('counter.staff.firstAdminTitle')}</h2>
        <p className="muted">{t('counter.staff.firstAdminHint')}</p>
        <label className="field">
          <span>{t('counter.staff.name')}</span>
          <input data-testid="staff-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <PinPad value={pin} onChange={setPin} />
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <button type="button" className="button primary big" onClick={() => void create()} data-testid="create-admin">
          {t('counter.staff.create')}
        </button>
      </section>
    );
  }

  const submit = async () => {
    if (!chosen) return;
    if (await signIn(chosen, pin)) onSignedIn(chosen);
    else {
      setProblem(t('counter.staff.wrongPin'));
      setPin('');
    }
  };

  return (
    <section className="panel narrow" data-testid="sign-in">
      <h2>{t('counter.staff.signInTitle')}</h2>
      <ul className="staff-list">
        {staff.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={`button staff-tile${chosen?.id === s.id ? ' active' : ''}`}
              onClick={() => {
                setChosen(s);
                setPin('');
                setProblem(null);
              }}
            >
              {s.name}
              <span className="muted small"> {t(`counter.staff.role.${s.role}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <>
          <PinPad value={pin} onChange={setPin} />
          {problem && <p className="field-error" role="alert">{problem}</p>}
          <button type="button" className="button primary big" onClick={() => void submit()} data-testid="sign-in-button">
            {t('counter.staff.signIn')}
          </button>
        </>
      )}
    </section>
  );
}
