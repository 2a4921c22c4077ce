/** Recording that the fee was paid: the amount (from the catalog when it knows it) and the number of the receipt handed out. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceIdentity, LocalFile, MotcuaDb, StaffMember } from '../../../data/db.ts';
import { recordFeePaid } from '../../../data/fileChanges.ts';
import { Dialog } from './Dialog.tsx';
import { parseAmount } from './feeAmount.ts';
import { problemText } from './problemText.ts';

interface Props {
  db: MotcuaDb;
  device: DeviceIdentity;
  staff: StaffMember;
  file: LocalFile;
  /** The catalog's fee for the file's channel, when it states one. */
  suggestedAmount: number | null;
  onDone(): void;
  onClose(): void;
}

export function FeeDialog({ db, device, staff, file, suggestedAmount, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(suggestedAmount ? String(suggestedAmount) : '');
  const [receiptNo, setReceiptNo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    const value = parseAmount(amount);
    if (value === null) return setProblem(t('counter.worklist.fee.badAmount'));
    if (receiptNo.trim() === '') return setProblem(t('counter.worklist.fee.receiptRequired'));
    setBusy(true);
    const r = await recordFeePaid(db, file.id, { amount: value, receiptNo: receiptNo.trim() }, { staff, device });
    setBusy(false);
    if (r.ok) onDone();
    else setProblem(problemText(t, r.error));
  };

  return (
    <Dialog
      title={t('counter.worklist.fee.title')}
      subtitle={`${file.number} · ${file.citizen.fullName}`}
      problem={problem}
      busy={busy}
      confirmLabel={t('counter.worklist.fee.confirm')}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="fee-dialog"
    >
      <div className="field-row">
        <label className="field">
          <span>{t('counter.worklist.fee.amount')}</span>
          <input className="input" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="fee-amount" />
        </label>
        <label className="field">
          <span>{t('counter.worklist.fee.receiptNo')}</span>
          <input className="input" maxLength={40} value={receiptNo} onChange={(e) => setReceiptNo(e.target.value)} data-testid="fee-receipt" />
        </label>
      </div>
    </Dialog>
  );
}
