/**
 * Builds the renderer (kiosk/counter UI) into dist/renderer and, after the bundle is written,
 * generates the Workbox service worker that precaches the app shell, fonts, icons and locales.
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { generateSW } from 'workbox-build';

const outDir = resolve(import.meta.dirname, 'dist/renderer');

function precacheServiceWorker(): Plugin {
  return {
    name: 'motcua-precache-sw',
    apply: 'build',
    async closeBundle() {
      const { count, size, warnings } = await generateSW({
        globDirectory: outDir,
        // Only the Vietnamese and Latin font subsets: those are all the kiosk ever shows.
        globPatterns: ['**/*.{html,js,css,svg,png,ico,webmanifest}', '**/*{latin,vietnamese}*.woff2'],
        globIgnores: ['**/*-ext-*'],
        swDest: resolve(outDir, 'sw.js'),
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        // Updates are applied by the app at a safe moment (workbox-window), never behind its back.
        skipWaiting: false,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        sourcemap: false,
      });
      for (const w of warnings) this.warn(w);
      this.info?.(`service worker precaches ${count} files, ${(size / 1024).toFixed(0)} KiB`);
    },
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  publicDir: resolve(import.meta.dirname, 'assets/public'),
  plugins: [react(), precacheServiceWorker()],
  define: {
    __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0'),
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173 },
});
