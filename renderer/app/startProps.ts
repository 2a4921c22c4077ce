/** What main.tsx hands the app it starts (kioskStart.tsx or counterStart.tsx). */
import type { MotcuaDb } from '../data/db.ts';
import type { AppUpdater } from '../offline/appUpdater.ts';
import type { Platform } from '../platform/platform.ts';

export interface StartProps {
  platform: Platform;
  db: MotcuaDb;
  updater: AppUpdater;
}
