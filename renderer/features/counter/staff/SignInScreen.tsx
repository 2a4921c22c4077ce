/**
 * Who is at the counter: pick your name, type your PIN (on the pad or the keyboard). The first
 * person to open a new counter becomes its center admin, so a fresh install is never locked out.
 * Disabled people are not listed; a locked account says until when.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import type { MotcuaDb, StaffMember } from '../../../data/db.ts';
import { PinPad } from './PinPad.tsx';
import { activeStaff, addStaff, signIn, staffLabel, type SignInRefusal } from '../../../data/staffRepository.ts';

export function SignInScreen({ db, onSignedIn }: { db: MotcuaDb; onSignedIn(member: StaffMember): void }) {
  const { t, i18n } = useTranslation();
  const staff = useLiveQuery(() => activeStaff(db), [db]);
  const [chosen, setChosen] = useState<StaffMember | null>(null);
  const [pin, setPin] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
          <input className="input" data-testid="staff-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <PinPad value={pin} onChange={setPin} onSubmit={() => void create()} />
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <button type="button" className="button primary big" onClick={() => void create()} data-testid="create-admin">
          {t('counter.staff.create')}
        </button>
      </section>
    );
  }

  const time = (at: Date) => at.toLocaleTimeString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: VIETNAM_TIME });
  const refusal = (r: SignInRefusal) => {
    if (r.kind === 'wrongPin') return t('counter.staff.wrongPinTries', { count: r.triesLeft });
    if (r.kind === 'locked') return t('counter.staff.locked', { time: time(r.until) });
    return t(`counter.staff.signInProblem.${r.kind}`);
  };

  const submit = async () => {
    if (!chosen || busy) return;
    setBusy(true);
    const result = await signIn(db, chosen.id, pin);
    setBusy(false);
    setPin('');
    if (result.ok) onSignedIn(result.value);
    else setProblem(refusal(result.error));
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
              data-staff={staffLabel(s)}
              onClick={() => {
                setChosen(s);
                setPin('');
                setProblem(null);
              }}
            >
              {staffLabel(s)}
              <span className="muted small"> {t(`counter.staff.role.${s.role}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <>
          <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} disabled={busy} />
          {problem && (
            <p className="field-error" role="alert" data-testid="sign-in-problem">
              {problem}
            </p>
          )}
          <button type="button" className="button primary big" disabled={busy} onClick={() => void submit()} data-testid="sign-in-button">
            {t('counter.staff.signIn')}
          </button>
        </>
      )}
    </section>
  );
}
