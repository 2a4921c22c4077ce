/**
 * The scans field of the registration form: pick images or PDFs, see each one as it will be
 * stored (pictures made smaller first), remove one, and read right here why a file was refused.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENTS } from '../../../../shared/files/fileRecord.ts';
import { MAX_SCAN_BYTES, SCAN_TYPES } from '../../../../shared/files/scan.ts';
import { prepareScan } from '../../../scans/prepareScan.ts';
import type { DraftScan } from './registerDraft.ts';

interface Problem {
  key: string;
  name: string;
  max: number;
}

const kb = (bytes: number) => Math.ceil(bytes / 1024);
const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

export function ScanPicker({ scans, onChange }: { scans: DraftScan[]; onChange(scans: DraftScan[]): void }) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState<string | null>(null);

  const add = async (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    // Cleared so that picking the same file again (after removing it) fires a change.
    input.value = '';
    let next = scans;
    const found: Problem[] = [];
    for (const file of files) {
      if (next.length >= MAX_ATTACHMENTS) {
        found.push({ key: 'scans.problem.count', name: file.name, max: MAX_ATTACHMENTS });
        continue;
      }
      setBusy(file.name);
      const prepared = await prepareScan(file);
      if (prepared.ok) next = [...next, { ref: prepared.value.ref, blob: prepared.value.blob, originalSize: prepared.value.originalSize }];
      else found.push({ key: prepared.error.key, name: prepared.error.name, max: prepared.error.maxMb });
    }
    setBusy(null);
    setProblems(found);
    onChange(next);
  };

  return (
    <div className="field scan-picker" data-testid="scan-picker">
      <span id="scan-label">{t('scans.label', { max: MAX_SCAN_BYTES / (1024 * 1024) })}</span>
      {/* The browser's own file button speaks the browser's language: a translated, touch-sized one stands in for it. */}
      <input
        id="scan-input"
        className="visually-hidden"
        type="file"
        multiple
        accept={SCAN_TYPES.join(',')}
        aria-labelledby="scan-label"
        data-testid="attachments"
        disabled={busy !== null}
        onChange={(e) => void add(e.currentTarget)}
      />
      <label htmlFor="scan-input" className={`button scan-choose${busy !== null ? ' disabled' : ''}`} aria-hidden="true">
        {t('scans.choose')}
      </label>
      {busy && (
        <span className="muted small" role="status" data-testid="scan-preparing">
          {t('scans.preparing', { name: busy })}
        </span>
      )}
      {problems.length > 0 && (
        <ul className="field-error scan-problems" role="alert" data-error-for="attachments">
          {problems.map((p, i) => (
            <li key={i}>{t(p.key, { name: p.name, max: p.max })}</li>
          ))}
        </ul>
      )}
      {scans.length > 0 && (
        <ul className="attachments" data-testid="scan-list">
          {scans.map((s) => (
            <li key={s.ref.id} data-scan-id={s.ref.id} data-size={s.ref.size} data-type={s.ref.type}>
              <span>{s.ref.name}</span>{' '}
              <span className="muted small">
                {s.originalSize && s.originalSize > s.ref.size
                  ? t('scans.shrunk', { size: kb(s.ref.size), from: mb(s.originalSize) })
                  : t('scans.size', { size: kb(s.ref.size) })}
              </span>{' '}
              <button type="button" className="button small-button" onClick={() => onChange(scans.filter((x) => x.ref.id !== s.ref.id))}>
                {t('scans.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
