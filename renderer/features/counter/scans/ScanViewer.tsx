/**
 * A file's scans, opened on demand: the list comes from the scans' metadata, and a scan's bytes
 * are read from the device only when staff choose to look at it (images shown, PDFs saved), then
 * let go when the viewer closes.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalFile, MotcuaDb, ScanRow } from '../../../data/db.ts';
import { listFileScans, readScanBytes } from '../../../data/scanStore.ts';

interface Shown {
  row: ScanRow;
  url: string;
}

interface Props {
  db: MotcuaDb;
  /** The file whose scans to show, in the order its record lists them. */
  file: Pick<LocalFile, 'id' | 'number' | 'attachments'>;
  onClose(): void;
}

export function ScanViewer({ db, file, onClose }: Props) {
  const { t } = useTranslation();
  const rows = useLiveQuery(async () => {
    const listed = await listFileScans(db, file.id);
    if (!listed.ok) return listed;
    const position = (id: string) => {
      const at = file.attachments.findIndex((a) => a.id === id);
      return at === -1 ? Number.MAX_SAFE_INTEGER : at;
    };
    return { ...listed, value: [...listed.value].sort((a, b) => position(a.id) - position(b.id)) };
  }, [db, file]);
  const [shown, setShown] = useState<Shown | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => () => (shown ? URL.revokeObjectURL(shown.url) : undefined), [shown]);

  const open = async (row: ScanRow) => {
    const bytes = await readScanBytes(db, row.id);
    if (!bytes.ok) return setProblem(t('scans.viewer.failed'));
    if (!bytes.value) return setProblem(t('scans.viewer.missing'));
    setProblem(null);
    setShown({ row, url: URL.createObjectURL(bytes.value) });
  };

  return (
    <div className="overlay" role="dialog" aria-labelledby="scan-viewer-title" data-testid="scan-viewer">
      <div className="overlay-card scan-viewer">
        <h2 id="scan-viewer-title">{t('scans.viewer.title', { number: file.number })}</h2>
        {rows && !rows.ok && <p className="banner error">{t(`counter.errors.storage.${rows.error.kind}`)}</p>}
        <ul className="scan-rows">
          {rows?.ok &&
            rows.value.map((row) => (
              <li key={row.id} data-scan-id={row.id} data-upload={row.upload}>
                <span>{row.name}</span>
                <span className="muted small">{t('scans.size', { size: Math.ceil(row.size / 1024) })}</span>
                <span className={`state state-${row.upload}`}>{t(`scans.upload.${row.upload}`)}</span>
                <button type="button" className="button small-button" onClick={() => void open(row)}>
                  {t('scans.viewer.show')}
                </button>
              </li>
            ))}
        </ul>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        {shown &&
          (shown.row.type.startsWith('image/') ? (
            <img className="scan-image" src={shown.url} alt={shown.row.name} data-testid="scan-image" />
          ) : (
            <a className="button" href={shown.url} download={shown.row.name} data-testid="scan-download">
              {t('scans.viewer.save', { name: shown.row.name })}
            </a>
          ))}
        <button type="button" className="button" onClick={onClose} data-testid="scan-viewer-close">
          {t('scans.viewer.close')}
        </button>
      </div>
    </div>
  );
}
