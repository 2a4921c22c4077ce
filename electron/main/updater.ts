/**
 * electron-updater wired to the pure policy in updatePolicy.ts (glue): generic feed, staged by a
 * stable device hash, downloaded in the background, installed only when the renderer reports idle.
 */
import electronUpdater from 'electron-updater';
import { decideUpdate, isInRollout, updateFeedUrl, type UpdatePhase } from './updatePolicy.ts';

const { autoUpdater } = electronUpdater;

export function startUpdater(options: { deviceId: string; serverUrl: string; updateUrl: string | null; log: (m: string) => void }) {
  let phase: UpdatePhase = 'none';
  let idle = false;
  let inRollout = false;

  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.setFeedURL({ provider: 'generic', url: updateFeedUrl(options.serverUrl, options.updateUrl) });
  // Our own staging: the device id's hash against the release's stagingPercentage.
  autoUpdater.isUserWithinRollout = (info) => {
    inRollout = isInRollout(options.deviceId, info.stagingPercentage);
    return inRollout;
  };

  const step = () => {
    const action = decideUpdate({ phase, inRollout, idle });
    if (action === 'download') {
      phase = 'downloading';
      autoUpdater.downloadUpdate().catch((e: unknown) => {
        phase = 'available';
        options.log(`update download failed: ${String(e)}`);
      });
    } else if (action === 'install') {
      options.log('installing the downloaded update while idle');
      autoUpdater.quitAndInstall(true, true);
    }
  };
  autoUpdater.on('update-available', () => {
    phase = 'available';
    step();
  });
  autoUpdater.on('update-downloaded', () => {
    phase = 'downloaded';
    step();
  });
  autoUpdater.on('error', (e) => options.log(`updater: ${e.message}`));

  const check = () => void autoUpdater.checkForUpdates().catch((e: unknown) => options.log(`update check failed: ${String(e)}`));
  check();
  const timer = setInterval(check, 60 * 60_000);
  return {
    setIdle(value: boolean) {
      idle = value;
      step();
    },
    stop: () => clearInterval(timer),
  };
}
