/** Catalog versions: they only ever grow, so a device can ask "what changed since N". */

/** Seconds since the epoch, bumped past the previous version if the clock is behind. */
export function nextCatalogVersion(previous: number | null, now = Date.now()): number {
  const candidate = Math.floor(now / 1000);
  return previous !== null && candidate <= previous ? previous + 1 : candidate;
}
