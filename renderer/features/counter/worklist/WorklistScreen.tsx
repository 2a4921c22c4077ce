/**
 * The counter's worklist: this device's files by due date, overdue ones flagged, each with the
 * moves its state allows. Virtualised, so ten thousand files scroll as smoothly as ten.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileStatus } from '../../../../shared/files/fileRecord.ts';
import { allowedNext, isFinalStatus } from '../../../../shared/files/lifecycle.ts';
import { timelinessOf } from '../../../../shared/files/timeliness.ts';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import type { DeviceIdentity, LocalFile, MotcuaDb, StaffMember } from '../../../data/db.ts';
import { changeFileStatus } from '../../../data/fileStatus.ts';
import { ScanViewer } from '../scans/ScanViewer.tsx';

const NEEDS_NOTE: ReadonlySet<FileStatus> = new Set(['needs_supplement', 'rejected']);
const ROW_HEIGHT = 96;

type Filter = 'open' | 'overdue' | 'all';

/** Files with a due date first, earliest first; those without one (unknown time) after them, oldest first. */
async function loadFiles(db: MotcuaDb): Promise<LocalFile[]> {
  const files = await db.files.toArray();
  return files.sort((a, b) =>
    a.dueAt && b.dueAt ? a.dueAt.localeCompare(b.dueAt) : a.dueAt ? -1 : b.dueAt ? 1 : a.receivedAt.localeCompare(b.receivedAt),
  );
}

/** Still owed to the citizen and past its due date (a done file waits only to be handed back). */
function isLate(file: LocalFile, now: number): boolean {
  if (isFinalStatus(file.status) || file.status === 'done') return false;
  return timelinessOf({ status: file.status, dueAt: file.dueAt ?? null, doneAt: null, returnedAt: null }, now) === 'overdue';
}

export function WorklistScreen({ db, device, staff }: { db: MotcuaDb; device: DeviceIdentity; staff: StaffMember }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [pending, setPending] = useState<{ file: LocalFile; to: FileStatus } | null>(null);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [viewing, setViewing] = useState<LocalFile | null>(null);
  const files = useLiveQuery(() => loadFiles(db), [db]);
  const now = Date.now();
  const shown = (files ?? []).filter((f) => (filter === 'all' ? true : filter === 'open' ? !isFinalStatus(f.status) : isLate(f, now)));
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual's functions cannot be memoised by the React Compiler; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VIETNAM_TIME, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });

  const move = async (file: LocalFile, to: FileStatus, withNote: string | null) => {
    const r = await changeFileStatus(db, file.id, to, { staff, device, note: withNote }, new Date());
    setPending(null);
    setNote('');
    if (r.ok) setMessage({ ok: true, text: t('counter.worklist.moved', { number: file.number, status: t(`status.${to}`) }) });
    else setMessage({ ok: false, text: r.error.kind === 'transition' ? t(r.error.error.reason) : t(`counter.errors.storage.${r.error.error.kind}`) });
  };

  return (
    <section className="panel worklist" data-testid="worklist">
      <div className="outbox-head">
        <h2>{t('counter.worklist.title')}</h2>
        <div className="segmented">
          {(['open', 'overdue', 'all'] as const).map((f) => (
            <button key={f} type="button" className={`button${filter === f ? ' active' : ''}`} onClick={() => setFilter(f)} data-filter={f}>
              {t(`counter.worklist.filter.${f}`)}
            </button>
          ))}
        </div>
        <span className="muted">{t('counter.worklist.count', { count: shown.length })}</span>
      </div>
      {message && (
        <p className={message.ok ? 'banner success' : 'banner error'} role="status" data-testid="worklist-message">
          {message.text}
        </p>
      )}
      <div className="worklist-scroll" ref={scroller}>
        <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
          {rows.getVirtualItems().map((row) => {
            const file = shown[row.index]!;
            const late = isLate(file, now);
            return (
              <div
                key={file.id}
                className={`work-row${late ? ' overdue' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                data-number={file.number}
                data-status={file.status}
              >
                <div className="work-main">
                  <span className="mono">{file.number}</span>
                  <strong>{file.citizen.fullName}</strong>
                  <span className="muted small">{file.procedureName}</span>
                </div>
                <div className="work-state">
                  <span className={`state state-${file.status}`}>{t(`status.${file.status}`)}</span>
                  <span className={late ? 'field-error' : 'muted small'}>
                    {file.dueAt ? t(late ? 'counter.worklist.overdueSince' : 'counter.worklist.due', { time: when(file.dueAt) }) : t('counter.worklist.noDue')}
                  </span>
                </div>
                <div className="actions">
                  {allowedNext(file.status).map((to) => (
                    <button
                      key={to}
                      type="button"
                      className="button small-button"
                      onClick={() => (NEEDS_NOTE.has(to) ? setPending({ file, to }) : void move(file, to, null))}
                      data-to={to}
                    >
                      {t(`counter.worklist.moveTo.${to}`)}
                    </button>
                  ))}
                  {file.attachments.length > 0 && (
                    <button type="button" className="button small-button" onClick={() => setViewing(file)} data-testid="open-scans">
                      {t('scans.viewer.open', { count: file.attachments.length })}
                    </button>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {viewing && <ScanViewer db={db} file={viewing} onClose={() => setViewing(null)} />}
      {pending && (
        <div className="overlay" role="dialog" aria-labelledby="note-title">
          <div className="overlay-card admin-card">
            <h2 id="note-title">{t(`counter.worklist.moveTo.${pending.to}`)}</h2>
            <p>
              {pending.file.number} · {pending.file.citizen.fullName}
            </p>
            <label className="field">
              <span>{t('counter.worklist.reason')}</span>
              <textarea className="input" rows={3} value={note} onChange={(e) => setNote(e.target.value)} data-testid="status-note" />
            </label>
            <div className="admin-actions">
              <button type="button" className="button" onClick={() => setPending(null)}>
                {t('admin.close')}
              </button>
              <button type="button" className="button primary" onClick={() => void move(pending.file, pending.to, note)} data-testid="status-confirm">
                {t('counter.worklist.confirm')}
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
