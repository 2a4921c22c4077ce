/** Watches for the hidden admin gesture (5 taps in the top-left corner within 3 s) anywhere on the kiosk. */
import { useEffect, useRef } from 'react';
import { createCornerTapDetector } from '../../platform/adminGesture.ts';

export function useAdminGesture(enabled: boolean, onGesture: () => void) {
  const latest = useRef(onGesture);
  useEffect(() => {
    latest.current = onGesture;
  }, [onGesture]);
  useEffect(() => {
    if (!enabled) return;
    const detector = createCornerTapDetector();
    const onDown = (e: PointerEvent) => {
      if (detector.tap(e.clientX, e.clientY, e.timeStamp)) latest.current();
    };
    window.addEventListener('pointerdown', onDown, { capture: true, passive: true });
    return () => window.removeEventListener('pointerdown', onDown, { capture: true });
  }, [enabled]);
}
