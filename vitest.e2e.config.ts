/** End-to-end tests: the built renderer served by the real server, driven in Debian's Chromium. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One browser at a time: these machines have two cores.
    fileParallelism: false,
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
  },
});
