/**
 * Kiosk settings a center can set without a rebuild: the idle time comes from the URL
 * (`?idle=60`, for set-up and tests) or the device's settings (renderer/data/deviceSettings.ts),
 * within sane bounds.
 */
export const DEFAULT_IDLE_SECONDS = 90;

export function readIdleSeconds(search: string, stored: string | null): number {
  const fromUrl = new URLSearchParams(search).get('idle');
  for (const candidate of [fromUrl, stored]) {
    const n = Number(candidate);
    if (candidate != null && Number.isFinite(n) && n >= 2 && n <= 3600) return Math.round(n);
  }
  return DEFAULT_IDLE_SECONDS;
}
