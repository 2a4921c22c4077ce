/**
 * What the kiosk does behind its screens: pulls the catalog, the center's list and its taught
 * vocabulary, sends ratings and recorded searches. Loaded apart from the first screen and started
 * once that screen is up (or at once when the device holds no catalog yet: it must come first).
 */
import type { MotcuaDb } from '../data/db.ts';
import type { Platform } from '../platform/platform.ts';
import { useRatingSender } from '../sync/ratingSender.ts';
import { useSearchLogSender } from '../sync/searchLogSender.ts';
import { useVocabularyPull } from '../sync/vocabularyPull.ts';
import { useCenterListPull } from './centerListPull.ts';
import { useCatalogPull, type CatalogPullReport } from './useCatalogPull.ts';

interface Props {
  db: MotcuaDb;
  platform: Platform;
  onCatalogPull(report: CatalogPullReport): void;
}

export function KioskBackground({ db, platform, onCatalogPull }: Props) {
  useCatalogPull(db, platform.serverUrl, onCatalogPull);
  // The center's own values (danh mục niêm yết), once the device is enrolled.
  useCenterListPull(db, platform.deviceToken);
  // Ratings given at this kiosk go out on start and whenever the link comes back.
  useRatingSender(db, platform.serverUrl, platform.deviceToken, platform.network);
  // Learning from what citizens type: recorded searches sent, the center's taught vocabulary pulled.
  useSearchLogSender(db, platform.deviceToken, true);
  useVocabularyPull(db, platform.deviceToken);
  return null;
}
