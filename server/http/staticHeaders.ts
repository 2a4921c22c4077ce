/**
 * Caching of the built app. Files named by their content's hash (assets/*-HASH.js) never change, so
 * the browser keeps them for a year and the service worker's precache finds in the HTTP cache what
 * the page has just downloaded, instead of downloading it a second time. The page and the service
 * worker must be revalidated, or a kiosk could keep an old shell for ever. Everything that may come
 * compressed says it varies with Accept-Encoding.
 */
/** What @fastify/static hands setHeaders: the response, with setHeader. */
interface HeaderTarget {
  setHeader(name: string, value: string): unknown;
}

const HASHED = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(?:\.(?:br|gz))?$/;
const COMPRESSIBLE = /\.(?:html|js|css|svg|json|webmanifest|txt)(?:\.(?:br|gz))?$/;

export function cacheControlFor(path: string): string {
  return HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function staticHeaders(res: HeaderTarget, path: string): void {
  res.setHeader('cache-control', cacheControlFor(path));
  if (COMPRESSIBLE.test(path)) res.setHeader('vary', 'accept-encoding');
}
