/**
 * Queue settings from a JSON file (what `npm run queue:settings` and the demo center load): read,
 * checked by the shared schema with each problem's place and code, saved as the center's next revision.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { queueSettingsSchema, type QueueSettings, type StoredQueueSettings } from '../../shared/queue/queueSettings.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { describeIssues } from '../http/apiError.ts';
import type { QueueStore } from '../store/queueStore.ts';
import type { DeviceStore } from '../store/store.ts';

/** The example set-up shipped with motcua (4 services, 4 counters): the demo center starts with it. */
export const DEMO_QUEUE_SETTINGS = join(import.meta.dirname, '../../shared/queue/demoQueueSettings.json');

export async function readQueueSettings(path: string): Promise<Result<QueueSettings>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return err(`cannot read ${path}: ${(e as Error).message}`);
  }
  const parsed = queueSettingsSchema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : err(`${path}: ${describeIssues(parsed.error, 10)}`);
}

/** Saves the settings in `path` as the center's next revision. */
export async function loadQueueSettings(store: QueueStore & DeviceStore, centerCode: string, path: string): Promise<Result<StoredQueueSettings>> {
  const center = await store.findCenter(centerCode);
  if (!center.ok) return err(center.error.reason);
  if (!center.value) return err(`no center ${centerCode} on this server (npm run center:add first)`);
  const settings = await readQueueSettings(path);
  if (!settings.ok) return settings;
  const current = await store.queueSettings(centerCode);
  if (!current.ok) return err(current.error.reason);
  const saved = await store.saveQueueSettings(centerCode, settings.value, current.value?.revision ?? null, null);
  return saved.ok ? ok(saved.value) : err(saved.error.reason);
}

/** Gives the demo center the example set-up if it has none, so `npm run web` can take numbers at once. */
export async function ensureDemoQueue(store: QueueStore & DeviceStore, centerCode: string): Promise<Result<'created' | 'present'>> {
  const current = await store.queueSettings(centerCode);
  if (!current.ok) return err(current.error.reason);
  if (current.value) return ok('present');
  const loaded = await loadQueueSettings(store, centerCode, DEMO_QUEUE_SETTINGS);
  return loaded.ok ? ok('created') : loaded;
}
