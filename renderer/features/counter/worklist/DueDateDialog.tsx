/**
 * A new due date with its reason: the date typed day first (dd/mm/yyyy, as staff read dates), the
 * hour, the reason. For an apology slip (Mẫu 05) the same change is made, then the slip follows.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceIdentity, LocalFile, MotcuaDb, StaffMember } from '../../../data/db.ts';
import { changeDueDate } from '../../../data/fileChanges.ts';
import { fullDay, inputValues, instantFromInputs, parseDayMonthYear } from '../counterDates.ts';
import { dueMomentParts } from '../slips/slipDates.ts';
import { Dialog } from './Dialog.tsx';
import { problemText } from './problemText.ts';

export interface DueChange {
  previousDueAt: string | null;
  dueAt: string;
  reason: string;
}

interface Props {
  db: MotcuaDb;
  device: DeviceIdentity;
  staff: StaffMember;
  file: LocalFile;
  mode: 'change' | 'apology';
  onDone(change: DueChange): void;
  onClose(): void;
}

export function DueDateDialog({ db, device, staff, file, mode, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [day, setDay] = useState(() => (file.dueAt ? fullDay(file.dueAt) : ''));
  const [time, setTime] = useState(() => (file.dueAt ? inputValues(file.dueAt).time : '17:00'));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const iso = parseDayMonthYear(day);
  const instant = iso ? instantFromInputs(iso, time.trim()) : null;

  const confirm = async () => {
    if (!instant) {
      setProblem(t('counter.worklist.dueChange.badDate'));
      return;
    }
    setBusy(true);
    const previousDueAt = file.dueAt ?? null;
    const r = await changeDueDate(db, file.id, instant, reason, { staff, device });
    setBusy(false);
    if (r.ok) onDone({ previousDueAt, dueAt: instant, reason: r.value.dueReason ?? reason.trim() });
    else setProblem(problemText(t, r.error));
  };

  return (
    <Dialog
      title={t(mode === 'apology' ? 'counter.worklist.apology.title' : 'counter.worklist.dueChange.title')}
      subtitle={`${file.number} · ${file.citizen.fullName}`}
      problem={problem}
      busy={busy}
      confirmLabel={t(mode === 'apology' ? 'counter.worklist.apology.confirm' : 'counter.worklist.dueChange.confirm')}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="due-dialog"
    >
      <p className="muted">{file.dueAt ? t('counter.worklist.dueChange.current', { date: fullDay(file.dueAt), time: inputValues(file.dueAt).time }) : t('counter.worklist.noDue')}</p>
      <div className="field-row">
        <label className="field">
          <span>{t('counter.worklist.dueChange.date')}</span>
          <input className="input" inputMode="numeric" placeholder={t('counter.worklist.dueChange.datePlaceholder')} value={day} onChange={(e) => setDay(e.target.value)} data-testid="due-date" />
        </label>
        <label className="field">
          <span>{t('counter.worklist.dueChange.time')}</span>
          <input className="input" inputMode="numeric" placeholder="17:00" value={time} onChange={(e) => setTime(e.target.value)} data-testid="due-time" />
        </label>
      </div>
      <p className="muted small" data-testid="due-preview">
        {instant ? t('counter.worklist.dueChange.preview', dueMomentParts(new Date(instant))) : t('counter.worklist.dueChange.datePlaceholder')}
      </p>
      <label className="field">
        <span>{t('counter.worklist.reason')}</span>
        <textarea className="input" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="due-reason" />
      </label>
    </Dialog>
  );
}
