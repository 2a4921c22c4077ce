/**
 * Asking the citizen to supplement the file: the checklist's documents not received come ticked,
 * staff add or untick and write anything else; the file moves to "needs supplement" with that as
 * its reason, and the request is kept for the slip (Mẫu 02).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceIdentity, LocalFile, MotcuaDb, StaffMember, SupplementRequest } from '../../../data/db.ts';
import { changeFileStatus } from '../../../data/fileStatus.ts';
import { missingDocuments } from '../slips/slipFacts.ts';
import { Dialog } from './Dialog.tsx';
import { problemText } from './problemText.ts';

/** The stamp's note holds at most 2000 characters; the full list stays in the request on the device. */
const MAX_NOTE = 2000;

interface Props {
  db: MotcuaDb;
  device: DeviceIdentity;
  staff: StaffMember;
  file: LocalFile;
  onDone(request: SupplementRequest): void;
  onClose(): void;
}

export function SupplementDialog({ db, device, staff, file, onDone, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(missingDocuments(file.documents).map((d) => d.name)));
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    const documents = file.documents.map((d) => d.name).filter((name) => chosen.has(name));
    // The reason the server keeps is part of the file's record: written in Vietnamese whatever the screen's language.
    const vi = i18n.getFixedT('vi');
    const note = [documents.length > 0 ? vi('slips.supplement.noteMissing', { list: documents.join('; ') }) : '', text.trim()].filter(Boolean).join('. ');
    setBusy(true);
    const r = await changeFileStatus(db, file.id, 'needs_supplement', {
      staff,
      device,
      note: note.length > MAX_NOTE ? `${note.slice(0, MAX_NOTE - 1)}…` : note,
      supplement: { documents, text: text.trim() },
    });
    setBusy(false);
    if (r.ok) onDone({ documents, text: text.trim() });
    else setProblem(problemText(t, r.error));
  };

  return (
    <Dialog
      title={t('counter.worklist.supplement.title')}
      subtitle={`${file.number} · ${file.citizen.fullName}`}
      problem={problem}
      busy={busy}
      confirmLabel={t('counter.worklist.supplement.confirm')}
      onConfirm={() => void confirm()}
      onClose={onClose}
      testId="supplement-dialog"
    >
      <fieldset className="field">
        <legend>{t('counter.worklist.supplement.documents')}</legend>
        {file.documents.length === 0 && <p className="muted small">{t('counter.worklist.supplement.noChecklist')}</p>}
        <ul className="checklist dialog-checklist">
          {file.documents.map((d) => (
            <li key={d.name}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(d.name)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(d.name);
                    else next.delete(d.name);
                    setChosen(next);
                  }}
                  data-document={d.name}
                />
                <span>{d.name}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <label className="field">
        <span>{t('counter.worklist.supplement.other')}</span>
        <textarea className="input" rows={3} maxLength={1500} value={text} onChange={(e) => setText(e.target.value)} data-testid="status-note" />
      </label>
    </Dialog>
  );
}
