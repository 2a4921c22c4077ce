/** Bundles the Electron main process and preload to CommonJS in dist/electron (Electron loads them directly). */
import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  // import.meta.dirname does not exist in CommonJS; __dirname is the same folder.
  define: { 'import.meta.dirname': '__dirname' },
};
await build({ ...common, entryPoints: [resolve(root, 'electron/main/index.ts')], outfile: resolve(root, 'dist/electron/main.cjs') });
await build({ ...common, entryPoints: [resolve(root, 'electron/preload/index.ts')], outfile: resolve(root, 'dist/electron/preload.cjs') });
console.log('electron main and preload written to dist/electron');
