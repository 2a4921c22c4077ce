/** Builds the renderer once if it is missing, so `npm run test:e2e` also works on its own. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

export default async function setup() {
  const root = resolve(import.meta.dirname, '../../..');
  if (!existsSync(resolve(root, 'dist/renderer/index.html')) || !existsSync(resolve(root, 'dist/renderer/sw.js'))) {
    await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  }
}
