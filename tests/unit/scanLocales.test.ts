/** The scan and push-rejection messages (rejection codes are i18n keys) the interface builds at run time exist in both languages. */
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import type { ScanUploadState } from '../../renderer/data/db.ts';
import type { ScanProblemKey } from '../../renderer/scans/prepareScan.ts';
import { SERVER_REJECTION_CODES } from '../../shared/sync/rejectionCodes.ts';
import { SCAN_REFUSALS } from '../../shared/sync/scanUpload.ts';

type Tree = { [k: string]: string | Tree };
const lookup = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

describe('scan messages', () => {
  const problems: (ScanProblemKey | 'scans.problem.count')[] = ['scans.problem.notScan', 'scans.problem.tooLarge', 'scans.problem.unreadable', 'scans.problem.count'];
  const states: ScanUploadState[] = ['pending', 'uploaded', 'rejected', 'kept'];
  /** Why a scan was refused for good (renderer/sync/scanUploader.ts): the server's codes and the device's own. */
  const refusals = [...SCAN_REFUSALS, 'checksum_mismatch', 'incomplete', 'unknown'].map((c) => `scans.refusal.${c}`);
  const keys = [...problems, ...states.map((s) => `scans.upload.${s}`), ...SERVER_REJECTION_CODES, ...refusals];

  it('has every key built at run time in Vietnamese and English, naming the file where there is one', () => {
    for (const key of keys) {
      expect(typeof lookup(vi as Tree, key), `vi ${key}`).toBe('string');
      expect(typeof lookup(en as Tree, key), `en ${key}`).toBe('string');
    }
    for (const key of problems) {
      expect(lookup(vi as Tree, key)).toContain('{{name}}');
      expect(lookup(en as Tree, key)).toContain('{{name}}');
    }
  });
});
