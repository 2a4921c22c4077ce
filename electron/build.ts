/**
 * Bundles the Electron main process and preload to CommonJS in dist/electron (Electron loads them
 * directly; dependencies such as electron-log and electron-updater are bundled in, so the package
 * needs no node_modules), and the electron-builder afterPack hook to dist/packaging.
 */
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
await build({
  ...common,
  sourcemap: false,
  external: ['electron', '@electron/fuses', 'electron-builder'],
  entryPoints: [resolve(root, 'electron/packaging/afterPack.ts')],
  outfile: resolve(root, 'dist/packaging/afterPack.cjs'),
});
console.log('electron main and preload written to dist/electron, afterPack hook to dist/packaging');
