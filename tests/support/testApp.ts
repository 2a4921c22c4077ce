/**
 * The real server app over a fresh SQLite folder for each test (Fastify inject, no socket), with
 * the centers a test needs; `onReady` hands the app and store to the test file's own variables.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../../server/app.ts';
import { addTestCenter } from './syncFixtures.ts';
import { openTempStore, type TempStore } from './tempStore.ts';

export interface TestApp {
  app: FastifyInstance;
  temp: TempStore;
}

export function useTestApp(options: { centers?: string[] }, onReady: (ready: TestApp) => void): void {
  let current: TestApp | null = null;
  beforeEach(async () => {
    const temp = await openTempStore();
    for (const center of options.centers ?? []) await addTestCenter(temp.store, center);
    current = { temp, app: await createApp({ store: temp.store, webRoot: null }) };
    onReady(current);
  });
  afterEach(async () => {
    await current?.app.close();
    await current?.temp.dispose();
    current = null;
  });
}
