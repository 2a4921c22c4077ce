/**
 * The center's own list (danh mục niêm yết) for a center admin: the posted procedures with their
 * time, fee, place and note (the national value shown where the center sets none), search to add
 * one, edit, remove, save to the server (edits wait on this device until it answers), import a
 * CSV/XLSX table with a report per row, export CSV/XLSX, and print posters per field.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import type { SearchEngine } from '../../../shared/catalog/searchTypes.ts';
import { demoCatalog } from '../../../shared/catalog/demoCatalog.ts';
import { foldedWords, foldVietnamese } from '../../../shared/catalog/foldVietnamese.ts';
import type { CenterEntryValues } from '../../../shared/centerList/centerList.ts';
import { centerListFileName, centerListToCsv, centerListToXlsx } from '../../../shared/centerList/centerListFiles.ts';
import { importCenterListTable, type ImportReport } from '../../../shared/centerList/centerListTable.ts';
import { effectiveFacts, effectiveProcessingTime } from '../../../shared/centerList/effectiveFacts.ts';
import { useCenterList } from '../../app/useCenterList.ts';
import { discardCenterListDraft, loadCenterListDraft, putCenterListDraft } from '../../data/centerListRepository.ts';
import { loadLocalCatalog } from '../../data/catalogRepository.ts';
import type { CenterListDraftRow, DeviceIdentity, MotcuaDb, StaffMember } from '../../data/db.ts';
import type { Platform } from '../../platform/platform.ts';
import { failureKey } from '../../sync/apiFailureKey.ts';
import { describeEffectiveFee, describeEffectiveTime, describePlace } from '../procedure/effectiveFactsText.ts';
import { saveBlob } from '../stats/statsExport.ts';
import { mergeDraft, type ListRow } from './centerListDraft.ts';
import { EntryEditor } from './EntryEditor.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { PosterScreen } from './poster/PosterScreen.tsx';
import './centerList.css';
import { saveCenterList, type SaveOutcome } from './saveCenterList.ts';

interface Props {
  db: MotcuaDb;
  engine: SearchEngine;
  device: DeviceIdentity;
  staff: StaffMember;
  platform: Platform;
}

type Notice = { kind: 'success' | 'error' | 'warning'; text: string };

const NO_DRAFT: CenterListDraftRow[] = [];

/** All procedures of the catalog on this device (the demo catalog when it has none), for "no usable time". */
function useAllProcedures(db: MotcuaDb): Procedure[] {
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  useEffect(() => {
    void loadLocalCatalog(db).then((r) => setProcedures(r.ok && r.value ? r.value.procedures : demoCatalog.procedures));
  }, [db]);
  return procedures;
}

export function CenterListScreen({ db, engine, device, staff, platform }: Props) {
  const { t, i18n } = useTranslation();
  const list = useCenterList(db);
  const draft = useLiveQuery(async () => {
    const r = await loadCenterListDraft(db);
    return r.ok ? r.value : NO_DRAFT;
  }, [db]) ?? NO_DRAFT;
  const rows = useMemo(() => mergeDraft(list.entries, draft), [list.entries, draft]);
  const procedures = useAllProcedures(db);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<{ code: string; values: CenterEntryValues | null } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [saving, setSaving] = useState(false);
  const [poster, setPoster] = useState(false);

  const listed = useMemo(() => new Set(rows.map((r) => r.code)), [rows]);
  // Procedures a commune center handles itself first (customs, tax and the like last): those are the files it registers.
  const unknownTime = useMemo(
    () =>
      procedures
        .filter((p) => !listed.has(p.code) && !effectiveProcessingTime(p, undefined).known)
        .sort((a, b) => Number(a.verticalAgency) - Number(b.verticalAgency)),
    [procedures, listed],
  );
  const candidates = useMemo(
    () => (query.trim() ? engine.search(query, { limit: 8 }).hits.filter((h) => !listed.has(h.code)).map((h) => h.procedure) : unknownTime.slice(0, 6)),
    [engine, query, listed, unknownTime],
  );
  const words = useMemo(() => foldedWords(query), [query]);
  const shown = useMemo(
    () =>
      rows
        .filter((r) => {
          // Every word typed (tones and commas aside) appears in the name, or the code is typed.
          const name = foldVietnamese(engine.byCode(r.code)?.name ?? '');
          return words.length === 0 || r.code.includes(query.trim()) || words.every((w) => name.includes(w));
        })
        .sort((a, b) => (engine.byCode(a.code)?.name ?? a.code).localeCompare(engine.byCode(b.code)?.name ?? b.code, 'vi')),
    [rows, words, query, engine],
  );
  const pending = draft.length;

  const keep = async (edits: Record<string, CenterEntryValues | null>) => {
    const stored = await putCenterListDraft(db, edits, new Date().toISOString());
    if (!stored.ok) setNotice({ kind: 'error', text: t(`counter.errors.storage.${stored.error.kind}`) });
    return stored.ok;
  };

  const apply = async (code: string, values: CenterEntryValues) => {
    if (await keep({ [code]: values })) {
      setEditing(null);
      setNotice({ kind: 'warning', text: t('centerList.notice.kept') });
    }
  };

  const remove = async (row: ListRow) => {
    if (row.state === 'added') await discardCenterListDraft(db, [row.code]);
    else await keep({ [row.code]: null });
  };

  const save = async () => {
    setSaving(true);
    setEditing(null);
    const outcome = await saveCenterList(db, device, staff);
    setSaving(false);
    setNotice(noticeOf(outcome));
  };

  const noticeOf = (outcome: SaveOutcome): Notice => {
    switch (outcome.kind) {
      case 'saved':
        return { kind: 'success', text: t('centerList.notice.saved', { version: outcome.version, count: outcome.changed }) };
      case 'nothing':
        return { kind: 'success', text: t('centerList.notice.nothing') };
      case 'offline':
        return { kind: 'warning', text: t('centerList.notice.offline') };
      case 'forbidden':
        return { kind: 'error', text: t('centerList.notice.forbidden') };
      case 'conflict':
        return { kind: 'error', text: t('centerList.notice.conflict', { codes: outcome.codes.join(', ') }) };
      case 'storage':
        return { kind: 'error', text: t('counter.errors.storage.unavailable') };
      case 'failed':
        // The server's refusal in the admin's words (its English reason never reaches a vi screen).
        return { kind: 'error', text: t(outcome.failure.kind === 'refused' ? 'centerList.notice.rejected' : 'centerList.notice.failed', { reason: t(failureKey(outcome.failure)) }) };
    }
  };

  const importFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    // The readers (papaparse, read-excel-file) load only when an admin imports, not on every kiosk.
    const { readTableFile } = await import('../../../shared/centerList/readTableFile.ts');
    const table = await readTableFile(file.name, await file.arrayBuffer());
    if (!table.ok) {
      setReport(null);
      setNotice({ kind: 'error', text: t(`centerList.import.file.${table.error}`, { name: file.name }) });
      return;
    }
    const read = importCenterListTable(table.value, (code) => engine.byCode(code));
    setReport(read);
    const count = Object.keys(read.entries).length;
    if (count > 0 && !(await keep(read.entries))) return;
    setNotice(
      read.tableProblem
        ? { kind: 'error', text: t(`centerList.import.reason.${read.tableProblem.key}`, read.tableProblem.params) }
        : { kind: count > 0 ? 'warning' : 'error', text: t('centerList.import.summary', { count, errors: read.counts.errors }) },
    );
  };

  const exported = () => Object.fromEntries(rows.filter((r) => r.state !== 'removed').map((r) => [r.code, r.values]));
  const exportCsv = () => saveBlob(new Blob([centerListToCsv(exported(), (c) => engine.byCode(c))], { type: 'text/csv;charset=utf-8' }), centerListFileName(device.centerCode, list.meta?.version ?? 0, 'csv'));
  const exportXlsx = async () => saveBlob(await centerListToXlsx(exported(), (c) => engine.byCode(c)), centerListFileName(device.centerCode, list.meta?.version ?? 0, 'xlsx'));

  if (poster) {
    return <PosterScreen entries={list.entries} engine={engine} centerName={device.centerName} version={list.meta?.version ?? 0} unsaved={pending} platform={platform} onClose={() => setPoster(false)} />;
  }

  return (
    <section className="center-list-screen" data-testid="center-list">
      <header className="center-list-head">
        <div>
          <h2>{t('centerList.title')}</h2>
          <p className="muted small" data-testid="center-list-version">
            {t('centerList.version', { version: list.meta?.version ?? 0, count: Object.keys(list.entries).length })}
            {list.meta?.source ? ` · ${list.meta.source}` : ''}
          </p>
        </div>
        <div className="center-list-actions">
          <button type="button" className="button primary" disabled={saving || pending === 0} onClick={() => void save()} data-testid="center-list-save">
            {saving ? t('centerList.saving') : t('centerList.save', { count: pending })}
          </button>
          <label className="button file-button" data-testid="center-list-import-label">
            {t('centerList.import.button')}
            <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="center-list-import" onChange={(e) => {
              void importFile(e.target.files);
              e.target.value = '';
            }} />
          </label>
          <button type="button" className="button" onClick={exportCsv} data-testid="center-list-export-csv">
            {t('centerList.exportCsv')}
          </button>
          <button type="button" className="button" onClick={() => void exportXlsx()} data-testid="center-list-export-xlsx">
            {t('centerList.exportXlsx')}
          </button>
          <button type="button" className="button" onClick={() => setPoster(true)} data-testid="center-list-poster">
            {t('centerList.poster.open')}
          </button>
        </div>
      </header>
      {notice && (
        <div className={`banner ${notice.kind}`} role="status" data-testid="center-list-notice">
          {notice.text}
        </div>
      )}
      {report && <ImportReportView report={report} onClose={() => setReport(null)} />}
      {editing && (
        <EntryEditor
          key={editing.code}
          code={editing.code}
          procedure={engine.byCode(editing.code)}
          values={editing.values}
          onApply={(values) => void apply(editing.code, values)}
          onCancel={() => setEditing(null)}
        />
      )}
      <div className="center-list-search">
        <input className="input" data-testid="center-list-search" placeholder={t('centerList.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
        {!query.trim() && unknownTime.length > 0 && <p className="muted small">{t('centerList.unknownTime', { count: unknownTime.length })}</p>}
        <ul className="center-list-candidates">
          {candidates.map((p) => (
            <li key={p.code}>
              <button type="button" className="button pick" data-add={p.code} onClick={() => setEditing({ code: p.code, values: null })}>
                <span>+ {p.name}</span>
                <span className="muted small">
                  {' '}
                  {p.code} · {describeEffectiveTime(t, effectiveProcessingTime(p, undefined))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <table className="center-list-table" data-testid="center-list-table">
        <thead>
          <tr>
            <th>{t('centerList.col.procedure')}</th>
            <th>{t('centerList.col.time')}</th>
            <th>{t('centerList.col.fee')}</th>
            <th>{t('centerList.col.place')}</th>
            <th>{t('centerList.col.note')}</th>
            <th>{t('centerList.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                {t('centerList.empty')}
              </td>
            </tr>
          )}
          {shown.map((row) => {
            const procedure = engine.byCode(row.code);
            const facts = effectiveFacts(procedure, row.values);
            const national = (source: string) => (source === 'center' ? '' : ' national');
            return (
              <tr key={row.code} data-code={row.code} data-state={row.state} className={`row-${row.state}`}>
                <td>
                  <strong>{procedure?.name ?? t('centerList.notInCatalog')}</strong>
                  <span className="muted small block">
                    {row.code} · {procedure?.field ?? '—'}
                  </span>
                  {row.state !== 'saved' && <span className={`badge state-${row.state}`}>{t(`centerList.state.${row.state}`)}</span>}
                </td>
                <td className={`fact${national(facts.time.known ? facts.time.source : 'unknown')}`} data-fact="time">
                  {describeEffectiveTime(t, facts.time)}
                </td>
                <td className={`fact${national(facts.fee.source)}`} data-fact="fee">
                  {describeEffectiveFee(t, facts.fee, i18n.language)}
                </td>
                <td className={`fact${national(facts.place.source)}`}>{describePlace(facts.place) ?? '—'}</td>
                <td>{facts.note ?? ''}</td>
                <td className="row-actions">
                  {row.state === 'removed' ? (
                    <button type="button" className="button" onClick={() => void discardCenterListDraft(db, [row.code])} data-action="undo">
                      {t('centerList.undo')}
                    </button>
                  ) : (
                    <>
                      <button type="button" className="button" onClick={() => setEditing({ code: row.code, values: row.values })} data-action="edit">
                        {t('centerList.edit.open')}
                      </button>
                      <button type="button" className="button" onClick={() => void remove(row)} data-action="remove">
                        {t('centerList.remove')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('centerList.legend')}</p>
    </section>
  );
}
