/**
 * Resolves a request on the app's own scheme (app://motcua/...) to a file of the built renderer,
 * refusing anything that would leave that folder. Pure, so it is unit-tested without Electron.
 */
import { extname, normalize, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'motcua';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // A NUL or a decoded backslash (a separator on Windows) never belongs in an app URL.
  if (path.includes('\0') || path.includes('\\')) return null;
  const root = resolve(rootDir);
  const target = resolve(root, normalize(`.${path}`));
  if (target !== root && !target.startsWith(root + sep)) return null;
  // Routes without a file extension are the single-page app's own: serve its shell.
  if (target === root || extname(target) === '') return resolve(root, 'index.html');
  return target;
}
