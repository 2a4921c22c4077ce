/** The only bridge into the page: one typed object, no ipcRenderer, no Node. */
import { contextBridge } from 'electron';
import type { DeviceConfig, MotcuaBridge } from '../../shared/ipc/contract.ts';

const CONFIG_ARG = '--motcua-config=';

function readConfig(): DeviceConfig {
  const arg = process.argv.find((a) => a.startsWith(CONFIG_ARG));
  const fallback: DeviceConfig = { serverUrl: 'http://localhost:8787', profile: 'kiosk' };
  if (!arg) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(atob(arg.slice(CONFIG_ARG.length))) as Partial<DeviceConfig>) };
  } catch {
    return fallback;
  }
}

const bridge = {
  version: process.env.npm_package_version ?? '0.0.0',
  config: readConfig(),
} satisfies MotcuaBridge;

contextBridge.exposeInMainWorld('motcua', bridge);
