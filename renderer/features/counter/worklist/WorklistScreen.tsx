/**
 * The counter's worklist: this device's files by due date, overdue ones flagged, found by number,
 * name or ID, each with the moves its state allows and why it stands where it stands. A file opens
 * in its detail (reprint, correct, fee, due date, slips). Virtualised, so ten thousand files scroll
 * as smoothly as ten.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchEngine } from '../../../../shared/catalog/searchTypes.ts';
import type { FileStatus } from '../../../../shared/files/fileRecord.ts';
import { allowedNext, isFinalStatus } from '../../../../shared/files/lifecycle.ts';
import { timelinessOf } from '../../../../shared/files/timeliness.ts';
import type { DeviceIdentity, MotcuaDb, StaffMember } from '../../../data/db.ts';
import { searchFiles } from '../../../data/fileSearch.ts';
import type { FileView } from '../../../data/fileViews.ts';
import { CitizenName } from '../privacy/CitizenName.tsx';
import { changeFileStatus } from '../../../data/fileStatus.ts';
import type { Platform } from '../../../platform/platform.ts';
import { timeDayMonth } from '../counterDates.ts';
import { FileDetail, type DetailStart } from './FileDetail.tsx';
import { problemText } from './problemText.ts';
import './worklist.css';

/** Moves that need a written reason and hand the citizen a slip: they open the file's dialog. */
const WITH_SLIP: Partial<Record<FileStatus, DetailStart>> = { needs_supplement: 'supplement', rejected: 'refusal' };
/** The usual height of a row; rows are measured, so a row whose buttons wrap (portrait) takes what it needs. */
const ROW_HEIGHT = 120;

type Filter = 'open' | 'overdue' | 'all';

/** Files with a due date first, earliest first; those without one (unknown time) after them, oldest first. */
function byDueDate(a: FileView, b: FileView): number {
  return a.dueAt && b.dueAt ? a.dueAt.localeCompare(b.dueAt) : a.dueAt ? -1 : b.dueAt ? 1 : a.receivedAt.localeCompare(b.receivedAt);
}

/** Still owed to the citizen and past its due date (a done file waits only to be handed back). */
function isLate(file: FileView, now: number): boolean {
  if (isFinalStatus(file.status) || file.status === 'done') return false;
  return timelinessOf({ status: file.status, dueAt: file.dueAt ?? null, doneAt: null, returnedAt: null }, now) === 'overdue';
}

interface Props {
  db: MotcuaDb;
  engine: SearchEngine;
  platform: Platform;
  device: DeviceIdentity;
  staff: StaffMember;
}

export function WorklistScreen({ db, engine, platform, device, staff }: Props) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<{ fileId: string; start: DetailStart } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const found = useLiveQuery(() => searchFiles(db, query), [db, query]);
  const now = Date.now();
  const files = found?.ok ? [...found.value].sort(byDueDate) : [];
  const shown = files.filter((f) => (filter === 'all' ? true : filter === 'open' ? !isFinalStatus(f.status) : isLate(f, now)));
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual's functions cannot be memoised by the React Compiler; this app does not use the compiler.
  // Sizes are kept by file, not by position: a row that moves (another filter, a search) keeps its measured height.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => shown[index]?.id ?? index,
    overscan: 6,
  });

  if (open) {
    return <FileDetail db={db} engine={engine} platform={platform} device={device} staff={staff} fileId={open.fileId} start={open.start} onBack={() => setOpen(null)} />;
  }

  const move = async (file: FileView, to: FileStatus) => {
    const r = await changeFileStatus(db, file.id, to, { staff, device }, new Date());
    if (r.ok) setMessage({ ok: true, text: t('counter.worklist.moved', { number: file.number, status: t(`status.${to}`) }) });
    else setMessage({ ok: false, text: problemText(t, r.error) });
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
      <label className="worklist-search">
        <span className="visually-hidden">{t('counter.worklist.search')}</span>
        <input
          className="input"
          type="search"
          placeholder={t('counter.worklist.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="worklist-search"
        />
      </label>
      {found && !found.ok && <p className="banner error">{t(`counter.errors.storage.${found.error.kind}`)}</p>}
      {message && (
        <p className={message.ok ? 'banner success' : 'banner error'} role="status" data-testid="worklist-message">
          {message.text}
        </p>
      )}
      {found?.ok && shown.length === 0 && <p className="muted">{query.trim() ? t('counter.worklist.noMatch', { query: query.trim() }) : t('counter.worklist.empty')}</p>}
      <div className="worklist-scroll" ref={scroller}>
        <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
          {rows.getVirtualItems().map((row) => {
            const file = shown[row.index]!;
            const late = isLate(file, now);
            return (
              <div
                key={file.id}
                ref={rows.measureElement}
                data-index={row.index}
                className={`work-row${late ? ' overdue' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, minHeight: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                data-number={file.number}
                data-status={file.status}
              >
                <div className="work-main">
                  <span className="mono">{file.number}</span>
                  <CitizenName personal={file.personal} />
                  <span className="muted small work-procedure">{file.procedureName}</span>
                </div>
                <div className="work-state">
                  <span>
                    <span className={`state state-${file.status}`}>{t(`status.${file.status}`)}</span>
                    {file.fee && <span className="badge copy work-fee">{t('counter.worklist.feePaidBadge')}</span>}
                  </span>
                  {file.statusNote && (
                    <span className="work-note" title={file.statusNote} data-testid="work-note">
                      {t('counter.worklist.because', { reason: file.statusNote })}
                    </span>
                  )}
                  <span className={late ? 'field-error' : 'muted small'} data-testid="work-due">
                    {file.dueAt ? t(late ? 'counter.worklist.overdueSince' : 'counter.worklist.due', { time: timeDayMonth(file.dueAt) }) : t('counter.worklist.noDue')}
                    {file.dueReason && <span title={file.dueReason}> · {t('counter.worklist.dueMoved')}</span>}
                  </span>
                </div>
                <div className="actions work-actions">
                  {allowedNext(file.status).map((to) => {
                    const slip = WITH_SLIP[to];
                    return (
                      <button
                        key={to}
                        type="button"
                        className="button"
                        onClick={() => (slip ? setOpen({ fileId: file.id, start: slip }) : void move(file, to))}
                        data-to={to}
                      >
                        {t(`counter.worklist.moveTo.${to}`)}
                      </button>
                    );
                  })}
                  <button type="button" className="button work-open" onClick={() => setOpen({ fileId: file.id, start: 'facts' })} data-testid="open-file">
                    {t('counter.worklist.open')}
                  </button>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
