/**
 * Builds the renderer (kiosk/counter UI) into dist/renderer. After the bundle is written: the
 * Workbox service worker that precaches the app shell (every chunk, so the counter and the screens
 * loaded on demand work offline too), the fonts the screens use and the icons; then a .br and a
 * .gz beside every hashed text file, which the server sends as they are (server/http/compression.ts).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { generateSW } from 'workbox-build';
import { shippedFlowFiles } from './shared/guidance/flowFiles.ts';

const outDir = resolve(import.meta.dirname, 'dist/renderer');
/** Vite names built files by an 8-character hash of their content: such a file never changes. */
const HASHED = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;
const COMPRESSIBLE = /\.(?:html|js|css|svg|json|webmanifest|txt)$/;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}

function precacheServiceWorker(): Plugin {
  // Where this build writes (--outDir may point elsewhere than dist/renderer).
  let builtTo = outDir;
  return {
    name: 'motcua-precache-sw-precompress',
    apply: 'build',
    configResolved(config) {
      builtTo = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const { count, size, warnings } = await generateSW({
        globDirectory: builtTo,
        // The texts and the flows read as JSON (renderer/i18n.ts, shippedFlows.ts); the six font files the screens use (styles/fonts.css), no other subset is ever asked for.
        globPatterns: ['**/*.{html,js,css,svg,png,ico,webmanifest}', 'assets/*.json', 'shipped-flows.json', 'assets/be-vietnam-pro-{latin,vietnamese}-{400,600,700}-normal-*.woff2'],
        swDest: resolve(builtTo, 'sw.js'),
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // Hashed files are fetched as they are, so the HTTP cache (a year, immutable) answers for
        // what the page has just downloaded instead of the network a second time.
        dontCacheBustURLsMatching: HASHED,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        // Updates are applied by the app at a safe moment (workbox-window), never behind its back.
        skipWaiting: false,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        sourcemap: false,
      });
      for (const w of warnings) this.warn(w);
      this.info?.(`service worker precaches ${count} files, ${(size / 1024).toFixed(0)} KiB`);
      // After the service worker is written (it is compressed too); closeBundle hooks run in parallel, so one hook does both.
      const { raw, br } = await precompress(builtTo);
      this.info?.(`precompressed ${(raw / 1024).toFixed(0)} KiB of text to ${(br / 1024).toFixed(0)} KiB (brotli)`);
    },
  };
}

/**
 * Each start-up module's code in as few files as possible. Left to itself the bundler splits the
 * code into one chunk per set of importers (49 scripts before the kiosk's search box is usable),
 * and on an old PC every request a page makes costs its main thread several milliseconds, under a
 * service worker too. Known from the module graph once it is built: what main.tsx needs (the
 * `start` chunk), what only the kiosk's or only the counter's start needs (`kiosk`, `counter`),
 * and what both apps' starts need (`apps`). Screens loaded on demand keep their own chunks.
 */
function startChunks(): { plugin: Plugin; groups: { name: string; test: (id: string) => boolean; priority: number; includeDependenciesRecursively: boolean }[] } {
  const sets = { start: new Set<string>(), kiosk: new Set<string>(), counter: new Set<string>(), apps: new Set<string>() };
  const entry = (name: string) => resolve(import.meta.dirname, 'renderer', name);
  const plugin: Plugin = {
    name: 'motcua-start-chunks',
    apply: 'build',
    buildEnd() {
      const closure = (from: string, stop: ReadonlySet<string> = new Set(), dynamic = false): Set<string> => {
        const seen = new Set<string>();
        const stack = [from];
        while (stack.length > 0) {
          const id = stack.pop()!;
          if (seen.has(id) || stop.has(id)) continue;
          seen.add(id);
          const info = this.getModuleInfo(id);
          for (const next of info?.importedIds ?? []) stack.push(next);
          if (dynamic) for (const next of info?.dynamicallyImportedIds ?? []) stack.push(next);
        }
        return seen;
      };
      const start = closure(entry('main.tsx'));
      const kiosk = closure(entry('kioskStart.tsx'), start);
      const counter = closure(entry('counterStart.tsx'), start);
      // Everything a kiosk may ever load: the counter's own chunk must hold none of it.
      const kioskEver = closure(entry('kioskStart.tsx'), start, true);
      // main.tsx itself is the entry chunk; its imports go to `start`.
      start.delete(entry('main.tsx'));
      for (const id of start) sets.start.add(id);
      for (const id of kiosk) (counter.has(id) ? sets.apps : sets.kiosk).add(id);
      for (const id of counter) if (!kiosk.has(id) && !kioskEver.has(id)) sets.counter.add(id);
    },
  };
  // Each set already holds its modules' dependencies, except those it must leave to other chunks
  // (the counter's, what a kiosk may load later): not pulled back in.
  const groups = (['start', 'apps', 'kiosk', 'counter'] as const).map((name) => ({ name, test: (id: string) => sets[name].has(id), priority: 5, includeDependenciesRecursively: false }));
  return { plugin, groups };
}

const chunking = startChunks();

/**
 * The shipped question flows as one JSON file beside the scripts (renderer/features/guidance/
 * shippedFlows.ts reads it at start): data the first screen needs, as data.
 */
function shippedFlowsFile(): Plugin {
  return {
    name: 'motcua-shipped-flows',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'shipped-flows.json', source: JSON.stringify(shippedFlowFiles()) });
    },
  };
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes FILE.br and FILE.gz beside each text file of the build named by its content's hash: such a
 * file never changes, so its compressed copies can never be stale. The few others (index.html, the
 * service worker) are small and compressed as they are sent.
 */
async function precompress(dir: string): Promise<{ raw: number; br: number }> {
  let raw = 0;
  let br = 0;
  for (const file of await filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file) || !HASHED.test(file) || (await stat(file)).size < 1024) continue;
    const bytes = await readFile(file);
    const [b, g] = await Promise.all([
      brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      gzipAsync(bytes, { level: 9 }),
    ]);
    await Promise.all([writeFile(`${file}.br`, b), writeFile(`${file}.gz`, g)]);
    raw += bytes.length;
    br += b.length;
  }
  return { raw, br };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  publicDir: resolve(import.meta.dirname, 'assets/public'),
  plugins: [react(), chunking.plugin, shippedFlowsFile(), precacheServiceWorker()],
  // Data files (the lexicons, the flows) as JSON.parse of one string: an old PC reads a string and
  // parses JSON several times faster than it compiles the same data as object literals.
  json: { stringify: true, namedExports: false },
  // Every 'zod' import gets zod configured for the strict CSP first (renderer/zodConfig.ts).
  resolve: { alias: [{ find: /^zod$/, replacement: resolve(import.meta.dirname, 'renderer/zodConfig.ts') }] },
  define: {
    __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0'),
  },
  // The catalog's index worker imports shared modules: an ES module worker, code-split like the app.
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Every browser the app targets (es2022: Chromium, Electron, current Firefox and Safari) preloads
    // modules itself: no polyfill run at every start.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The libraries every start needs, in one chunk rather than a dozen small requests to the service
          // worker; zod in its own, loaded with the first schema a screen needs (renderer/zodConfig.ts);
          // workbox-window in its own, loaded once the first screen is up (offline/registerServiceWorker.ts).
          groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next|dexie|dexie-react-hooks|fuse\.js|@noble[\\/]hashes|html-parse-stringify|void-elements)[\\/]/, priority: 10 }, ...chunking.groups],
        },
      },
    },
  },
  server: { port: 5173 },
});
