/** Picks the platform once at start-up, the only place that looks for the Electron bridge. */
import type { MotcuaBridge } from '../../shared/ipc/contract.ts';
import { createBrowserPlatform } from './browser.ts';
import { createElectronPlatform } from './electron.ts';
import type { Platform } from './platform.ts';

export function choosePlatform(): Platform {
  const bridge = (window as unknown as { motcua?: MotcuaBridge }).motcua;
  return bridge ? createElectronPlatform(bridge) : createBrowserPlatform();
}
