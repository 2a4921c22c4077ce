/**
 * The device behind a token, kept in memory: every authenticated request asks, and the answer only
 * changes when the device is revoked (its role, center and code never change). Served from memory
 * only while this process hears revocations (postgresNotices.ts); a revocation drops the device
 * here before the revoking command is told it took effect. `lastAppliedSeq` in a kept device is as
 * it was read: the push reads it again under the device's lock (server/sync/applyPush.ts).
 */
import type { Device } from '../store.ts';
import type { Notices, RevocationNotice } from './postgresNotices.ts';

/** More devices than a country enrols: past it the cache starts again (no request is refused for it). */
const MAX_DEVICES = 200_000;

export interface DeviceCache {
  find(tokenHash: string, read: () => Promise<Device | null>): Promise<Device | null>;
}

export function createDeviceCache(notices: Notices): DeviceCache {
  const byToken = new Map<string, Device>();
  notices.on('deviceRevoked', (payload) => {
    const { deviceId } = JSON.parse(payload) as RevocationNotice;
    for (const [tokenHash, device] of byToken) if (device.id === deviceId) byToken.delete(tokenHash);
  });
  notices.onReset(() => byToken.clear());
  return {
    find: async (tokenHash, read) => {
      const listening = notices.listening();
      const held = listening ? byToken.get(tokenHash) : undefined;
      if (held) return held;
      const stamp = notices.stamp('deviceRevoked');
      const device = await read();
      // Not kept when any revocation was heard during the read: its answer may predate it.
      if (device && listening && notices.listening() && notices.stamp('deviceRevoked') === stamp) {
        if (byToken.size >= MAX_DEVICES) byToken.clear();
        byToken.set(tokenHash, device);
      }
      return device;
    },
  };
}
