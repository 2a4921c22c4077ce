/** Refusing the file: a written reason (required), the file moves to "rejected", and the refusal slip (Mẫu 03) follows. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceIdentity, LocalFile, MotcuaDb, StaffMember } from '../../../data/db.ts';
import { changeFileStatus } from '../../../data/fileStatus.ts';
import { Dialog } from './Dialog.tsx';
import { problemText } from './problemText.ts';

interface Props {
  db: MotcuaDb;
  device: DeviceIdentity;
  staff: StaffMember;
  file: LocalFile;
  onDone(reason: string): void;
  onClose(): void;
}

export function RefusalDialog({ db, device, staff, file, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    const r = await changeFileStatus(db, file.id, 'rejected', { staff, device, note: reason });
    setBusy(false);
    if (r.ok) onDone(r.value.statusNote ?? reason.trim());
    else setProblem(problemText(t, r.error));
  };

  return (
    <Dialog
      title={t('counter.worklist.refusal.title')}
      subtitle={`${file.number} · ${file.citizen.fullName}`}
      problem={problem}
      busy={busy}
      confirmLabel={t('counter.worklist.refusal.confirm')}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="refusal-dialog"
    >
      <label className="field">
        <span>{t('counter.worklist.reason')}</span>
        <textarea className="input" rows={4} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="refusal-reason" />
      </label>
    </Dialog>
  );
}
