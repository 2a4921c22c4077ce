/** One Chromium and one real server per e2e file, started before its tests and stopped after. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './testServer.ts';

export interface Harness {
  readonly browser: Browser;
  readonly server: TestServer;
}

export function useBrowserAndServer(options: { server?: TestServerOptions; browserArgs?: string[] } = {}): Harness {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(options.browserArgs);
    server = await startTestServer(options.server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
  };
}
