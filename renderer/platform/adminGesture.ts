/**
 * The hidden admin gesture, pure: 5 taps in the top-left corner within 3 seconds. The kiosk
 * listens for pointer-downs, feeds them here, and on `true` calls `platform.admin.gesture()`;
 * main then accepts the PIN for a short while (the PIN is checked in main, never here).
 */
export interface CornerTapOptions {
  taps: number;
  withinMs: number;
  /** Size of the square corner area, in CSS pixels. */
  cornerPx: number;
}

export const ADMIN_GESTURE: CornerTapOptions = { taps: 5, withinMs: 3_000, cornerPx: 80 };

export function createCornerTapDetector(options: CornerTapOptions = ADMIN_GESTURE) {
  let times: number[] = [];
  return {
    /** Feeds one tap; true when it completes the gesture (the count then starts again). */
    tap(x: number, y: number, at: number): boolean {
      if (x > options.cornerPx || y > options.cornerPx || x < 0 || y < 0) {
        times = [];
        return false;
      }
      times = [...times.filter((t) => at - t <= options.withinMs), at];
      if (times.length < options.taps) return false;
      times = [];
      return true;
    },
  };
}
