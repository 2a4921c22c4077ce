/**
 * The real server app over a fresh SQLite folder for each test (Fastify inject, no socket), with
 * the centers a test needs; `onReady` hands the app and store to the test file's own variables.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { createApp, type AppConfig } from '../../server/app.ts';
import { addTestCenter, fixtureClock } from './syncFixtures.ts';
import { openTempStore, type TempStore } from './tempStore.ts';

export interface TestApp {
  app: FastifyInstance;
  temp: TempStore;
}

export interface TestAppOptions {
  centers?: string[];
  /** The server's clock; default FIXTURE_NOW, a few days after the fixture files. */
  now?: () => Date;
  /** Options for createApp beyond the store (e.g. a shorter enrolment guard). */
  app?: Omit<AppConfig, 'store' | 'webRoot' | 'now'>;
}

export function useTestApp(options: TestAppOptions, onReady: (ready: TestApp) => void): void {
  let current: TestApp | null = null;
  beforeEach(async () => {
    const temp = await openTempStore();
    for (const center of options.centers ?? []) await addTestCenter(temp.store, center);
    current = { temp, app: await createApp({ store: temp.store, webRoot: null, now: options.now ?? fixtureClock, ...options.app }) };
    onReady(current);
  });
  afterEach(async () => {
    await current?.app.close();
    await current?.temp.dispose();
    current = null;
  });
}
