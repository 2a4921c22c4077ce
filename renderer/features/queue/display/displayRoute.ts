/** The waiting-room screen is its own page: `#/display/CENTER` opens it instead of the kiosk. */

/** The center code in a display address, '' when the code is missing, null when it is not a display address. */
export function displayCenterOf(hash: string): string | null {
  const m = /^#\/display(?:\/([^/?#]*))?(?:[/?#]|$)/.exec(hash);
  if (!m) return null;
  return decodeURIComponent(m[1] ?? '').trim().toUpperCase();
}
