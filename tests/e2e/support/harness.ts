/**
 * One Chromium and one real server per e2e file, started before its tests and stopped after; every
 * browser context comes from `newContext`, so all of them (and the server) share the suite's clock,
 * Vietnam's time zone and a Vietnamese locale unless a test asks for another PC's settings.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { testNow } from './testClock.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './testServer.ts';

export interface Harness {
  readonly browser: Browser;
  readonly server: TestServer;
  /** A fresh profile (its own IndexedDB, service worker and cookies) on the suite's clock. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** A fresh browser profile: Vietnam's time zone, Vietnamese, and the suite's clock (testClock.ts). */
export async function newTestContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
  await context.clock.install({ time: testNow() });
  return context;
}

export function useBrowserAndServer(options: { server?: TestServerOptions; browserArgs?: string[] } = {}): Harness {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(options.browserArgs);
    server = await startTestServer({ now: testNow, ...options.server });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const harness: Harness = {
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
    newContext: (contextOptions) => newTestContext(harness.browser, contextOptions),
  };
  return harness;
}
