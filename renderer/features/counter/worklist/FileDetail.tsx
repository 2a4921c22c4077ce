/**
 * One file at the counter: everything registered about it, where it stands and why, its due date
 * and fee, what was done to it on this device; and what staff can do next: print the receipt again,
 * correct it, record the fee, move the due date, and issue the one-stop slips (supplement request,
 * refusal, apology with a new date), each printed on A4 or A5.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchEngine } from '../../../../shared/catalog/searchTypes.ts';
import { allowedNext, isFinalStatus } from '../../../../shared/files/lifecycle.ts';
import type { AuditEntry, DeviceIdentity, MotcuaDb, StaffMember, SupplementRequest } from '../../../data/db.ts';
import { fileAudit } from '../../../data/auditLog.ts';
import { getFile } from '../../../data/fileRegistry.ts';
import type { Platform } from '../../../platform/platform.ts';
import { methodFor } from '../../procedure/procedureFacts.ts';
import { fullDay, timeFullDay } from '../counterDates.ts';
import { Receipt } from '../receipt/Receipt.tsx';
import { receiptFacts } from '../receipt/receiptFacts.ts';
import { ApologySlip } from '../slips/ApologySlip.tsx';
import { PrintPanel } from '../slips/PrintPanel.tsx';
import { RefusalSlip } from '../slips/RefusalSlip.tsx';
import { requestedDocuments, slipFacts } from '../slips/slipFacts.ts';
import { SupplementSlip } from '../slips/SupplementSlip.tsx';
import { ScanViewer } from '../scans/ScanViewer.tsx';
import { CorrectionForm } from './CorrectionForm.tsx';
import { DueDateDialog, type DueChange } from './DueDateDialog.tsx';
import { FeeDialog } from './FeeDialog.tsx';
import { RefusalDialog } from './RefusalDialog.tsx';
import { SupplementDialog } from './SupplementDialog.tsx';
import { printedAddress } from '../receipt/printedAddress.ts';

/** What the detail opens on: the facts, or straight into a slip's dialog (from a worklist row). */
export type DetailStart = 'facts' | 'supplement' | 'refusal';

type Step =
  | { kind: 'facts' }
  | { kind: 'dialog'; dialog: 'supplement' | 'refusal' | 'due' | 'apology' | 'fee' }
  | { kind: 'correct' }
  | { kind: 'receipt' }
  | { kind: 'supplementSlip'; request: SupplementRequest; fresh: boolean }
  | { kind: 'refusalSlip'; reason: string; fresh: boolean }
  | { kind: 'apologySlip'; change: DueChange };

interface Props {
  db: MotcuaDb;
  engine: SearchEngine;
  platform: Platform;
  device: DeviceIdentity;
  staff: StaffMember;
  fileId: string;
  start: DetailStart;
  onBack(): void;
}

const SLIP_PAPERS = ['A4', 'A5'] as const;
const RECEIPT_PAPERS = ['A5', 'A4', 'roll80'] as const;

export function FileDetail({ db, engine, platform, device, staff, fileId, start, onBack }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(start === 'facts' ? { kind: 'facts' } : { kind: 'dialog', dialog: start });
  const [notice, setNotice] = useState<string | null>(null);
  // A file's scans are read only when someone opens them (lists never load the bytes).
  const [viewingScans, setViewingScans] = useState(false);
  // The citizen's part is sealed at rest: getFile opens it (or says why it cannot: purged, unreadable).
  const opened = useLiveQuery(() => getFile(db, fileId), [db, fileId]);
  const audit = useLiveQuery(() => fileAudit(db, fileId), [db, fileId]);

  if (opened === undefined) return <p className="muted">{t('app.loading')}</p>;
  const file = opened.ok ? opened.value : null;
  if (file === null) {
    return (
      <section className="panel" role="alert">
        <p>{opened.ok ? t('counter.errors.storage.not_found') : t(`counter.errors.storage.${opened.error.kind}`)}</p>
        <button type="button" className="button" onClick={onBack} data-testid="back-to-list">
          {t('counter.worklist.backToList')}
        </button>
      </section>
    );
  }
  const facts = () => slipFacts(file, device.centerName, staff.name, new Date());
  const backToFacts = () => setStep({ kind: 'facts' });
  const common = { db, device, staff, file, onClose: backToFacts };

  if (step.kind === 'correct') {
    return (
      <CorrectionForm
        db={db}
        engine={engine}
        device={device}
        staff={staff}
        file={file}
        onCancel={backToFacts}
        onSaved={() => {
          setNotice(t('counter.worklist.correct.saved', { number: file.number }));
          backToFacts();
        }}
      />
    );
  }
  if (step.kind === 'receipt') {
    return (
      <PrintPanel platform={platform} papers={RECEIPT_PAPERS} title={t('counter.worklist.actions.reprint')} onClose={backToFacts}>
        {(paper) => <Receipt facts={receiptFacts(file, engine.byCode(file.procedureCode), device.centerName)} paper={paper} />}
      </PrintPanel>
    );
  }
  if (step.kind === 'supplementSlip') {
    return (
      <PrintPanel
        platform={platform}
        papers={SLIP_PAPERS}
        title={t('counter.worklist.slips.supplement')}
        notice={step.fresh ? t('counter.worklist.moved', { number: file.number, status: t('status.needs_supplement') }) : null}
        onClose={backToFacts}
      >
        {(paper) => <SupplementSlip facts={facts()} documents={requestedDocuments(file.documents, step.request.documents)} text={step.request.text} paper={paper} />}
      </PrintPanel>
    );
  }
  if (step.kind === 'refusalSlip') {
    return (
      <PrintPanel
        platform={platform}
        papers={SLIP_PAPERS}
        title={t('counter.worklist.slips.refusal')}
        notice={step.fresh ? t('counter.worklist.moved', { number: file.number, status: t('status.rejected') }) : null}
        onClose={backToFacts}
      >
        {(paper) => <RefusalSlip facts={facts()} reason={step.reason} paper={paper} />}
      </PrintPanel>
    );
  }
  if (step.kind === 'apologySlip') {
    const { change } = step;
    return (
      <PrintPanel
        platform={platform}
        papers={SLIP_PAPERS}
        title={t('counter.worklist.slips.apology')}
        notice={t('counter.worklist.dueChange.moved', { number: file.number, date: fullDay(change.dueAt) })}
        onClose={backToFacts}
      >
        {(paper) => (
          <ApologySlip facts={facts()} previousDueAt={change.previousDueAt ? new Date(change.previousDueAt) : null} newDueAt={new Date(change.dueAt)} reason={change.reason} paper={paper} />
        )}
      </PrintPanel>
    );
  }

  const next = allowedNext(file.status);
  const final = isFinalStatus(file.status);
  const owed = !final && file.status !== 'done';
  const procedure = engine.byCode(file.procedureCode);
  const catalogFee = procedure ? methodFor(procedure, file.channel)?.fee.amount ?? null : null;
  const actions: { key: string; show: boolean; run(): void }[] = [
    { key: 'reprint', show: true, run: () => setStep({ kind: 'receipt' }) },
    { key: 'correct', show: !final, run: () => setStep({ kind: 'correct' }) },
    { key: 'fee', show: !file.fee && file.status !== 'rejected' && file.status !== 'withdrawn', run: () => setStep({ kind: 'dialog', dialog: 'fee' }) },
    { key: 'due', show: owed, run: () => setStep({ kind: 'dialog', dialog: 'due' }) },
    { key: 'apology', show: owed, run: () => setStep({ kind: 'dialog', dialog: 'apology' }) },
    { key: 'supplement', show: next.includes('needs_supplement'), run: () => setStep({ kind: 'dialog', dialog: 'supplement' }) },
    {
      key: 'supplementAgain',
      show: file.status === 'needs_supplement' && !!file.supplement,
      run: () => file.supplement && setStep({ kind: 'supplementSlip', request: file.supplement, fresh: false }),
    },
    { key: 'refusal', show: next.includes('rejected'), run: () => setStep({ kind: 'dialog', dialog: 'refusal' }) },
    { key: 'refusalAgain', show: file.status === 'rejected' && !!file.statusNote, run: () => setStep({ kind: 'refusalSlip', reason: file.statusNote ?? '', fresh: false }) },
  ];

  return (
    <section className="panel file-detail" data-testid="file-detail" data-number={file.number} data-status={file.status}>
      <div className="outbox-head">
        <div>
          <h2 className="mono">{file.number}</h2>
          <p>
            <span className={`state state-${file.status}`}>{t(`status.${file.status}`)}</span>
            {file.statusNote && ' '}
            {file.statusNote && (
              <span className="detail-note" data-testid="detail-status-note">
                {t('counter.worklist.because', { reason: file.statusNote })}
              </span>
            )}
          </p>
        </div>
        <button type="button" className="button" onClick={onBack} data-testid="back-to-list">
          {t('counter.worklist.backToList')}
        </button>
      </div>
      {notice && (
        <p className="banner success" role="status" data-testid="detail-notice">
          {notice}
        </p>
      )}
      <div className="file-detail-columns">
        <div>
          <dl className="file-facts">
            <dt>{t('counter.register.fullName')}</dt>
            <dd data-testid="detail-name">{file.citizen.fullName}</dd>
            <dt>{t('counter.register.idNumber')}</dt>
            <dd className="mono">{file.citizen.idNumber}</dd>
            <dt>{t('counter.register.birthDate')}</dt>
            <dd>{fullDay(`${file.citizen.birthDate}T12:00:00+07:00`)}</dd>
            <dt>{t('counter.register.phone')}</dt>
            <dd data-testid="detail-phone">{file.citizen.phone ?? '—'}</dd>
            <dt>{t('counter.register.address')}</dt>
            <dd data-testid="file-address">{printedAddress(file.citizen, t) ?? '—'}</dd>
            <dt>{t('counter.register.procedure')}</dt>
            <dd>
              {file.procedureName} <span className="muted small">({file.procedureCode})</span>
            </dd>
            <dt>{t('counter.register.channel')}</dt>
            <dd>{t(`facts.channel.${file.channel}`)}</dd>
            <dt>{t('counter.worklist.detail.received')}</dt>
            <dd>
              {timeFullDay(file.receivedAt)} · {file.receivedBy.staffName}
            </dd>
            <dt>{t('counter.worklist.detail.due')}</dt>
            <dd data-testid="detail-due">
              {file.dueAt ? timeFullDay(file.dueAt) : t('counter.worklist.noDue')}
              {file.dueReason && <span className="detail-note"> · {t('counter.worklist.dueMovedBecause', { reason: file.dueReason })}</span>}
            </dd>
            <dt>{t('counter.worklist.detail.fee')}</dt>
            <dd data-testid="detail-fee">
              {file.fee
                ? t('counter.worklist.detail.feePaid', {
                    amount: new Intl.NumberFormat('vi-VN').format(file.fee.amount),
                    receiptNo: file.fee.receiptNo,
                    time: timeFullDay(file.fee.paidAt),
                    staff: file.fee.staffName,
                  })
                : t('counter.worklist.detail.feeNone')}
            </dd>
            <dt>{t('counter.worklist.detail.sync')}</dt>
            <dd data-testid="detail-sync" data-sync={file.syncState}>
              {t(`counter.worklist.sync.${file.syncState}`)}
            </dd>
            {file.notes && (
              <>
                <dt>{t('counter.register.notes')}</dt>
                <dd>{file.notes}</dd>
              </>
            )}
          </dl>
          <h3>{t('counter.register.documents')}</h3>
          <ul className="file-documents">
            {file.documents.map((d, i) => (
              <li key={i}>
                {d.name}{' '}
                <span className="muted small">
                  {t('counter.register.originals', { got: d.originalsReceived, want: d.originalsExpected })} ·{' '}
                  {t('counter.register.copies', { got: d.copiesReceived, want: d.copiesExpected })}
                </span>
              </li>
            ))}
          </ul>
          <h3>{t('counter.worklist.detail.history')}</h3>
          <ol className="file-history" data-testid="detail-history">
            {(audit ?? []).map((a: AuditEntry) => (
              <li key={a.id} data-action={a.action}>
                {timeFullDay(a.at)} · {t(`counter.worklist.history.${a.action}`)}
                {a.staffName && <span className="muted small"> · {a.staffName}</span>}
              </li>
            ))}
          </ol>
        </div>
        <div className="file-actions" data-testid="file-actions">
          {actions
            .filter((a) => a.show)
            .map((a) => (
              <button key={a.key} type="button" className="button big-touch" onClick={a.run} data-action={a.key}>
                {t(`counter.worklist.actions.${a.key}`)}
              </button>
            ))}
          {file.attachments.length > 0 && (
            <button type="button" className="button big-touch" onClick={() => setViewingScans(true)} data-testid="open-scans">
              {t('scans.viewer.open', { count: file.attachments.length })}
            </button>
          )}
        </div>
      </div>
      {viewingScans && <ScanViewer db={db} file={file} onClose={() => setViewingScans(false)} />}

      {step.kind === 'dialog' && step.dialog === 'supplement' && (
        <SupplementDialog {...common} onDone={(request) => setStep({ kind: 'supplementSlip', request, fresh: true })} />
      )}
      {step.kind === 'dialog' && step.dialog === 'refusal' && <RefusalDialog {...common} onDone={(reason) => setStep({ kind: 'refusalSlip', reason, fresh: true })} />}
      {step.kind === 'dialog' && (step.dialog === 'due' || step.dialog === 'apology') && (
        <DueDateDialog
          {...common}
          mode={step.dialog === 'apology' ? 'apology' : 'change'}
          onDone={(change) => {
            if (step.dialog === 'apology') setStep({ kind: 'apologySlip', change });
            else {
              setNotice(t('counter.worklist.dueChange.moved', { number: file.number, date: fullDay(change.dueAt) }));
              backToFacts();
            }
          }}
        />
      )}
      {step.kind === 'dialog' && step.dialog === 'fee' && (
        <FeeDialog
          {...common}
          suggestedAmount={catalogFee}
          onDone={() => {
            setNotice(t('counter.worklist.fee.saved', { number: file.number }));
            backToFacts();
          }}
        />
      )}
    </section>
  );
}
