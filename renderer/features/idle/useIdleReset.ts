/**
 * Kiosk idle reset: citizens walk away mid-screen, so after `idleSeconds` without a touch the
 * kiosk warns for a few seconds, then goes home and forgets what was typed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** Seconds of warning before the reset: a fifth of the idle time, between 3 and 15 s. */
export function warningSeconds(idleSeconds: number): number {
  return Math.min(15, Math.max(3, Math.round(idleSeconds / 5)));
}

export function useIdleReset(idleSeconds: number, active: boolean, onReset: () => void) {
  const [remaining, setRemaining] = useState<number | null>(null);
  const lastActivity = useRef(0);
  const resetRef = useRef(onReset);
  useEffect(() => {
    resetRef.current = onReset;
  }, [onReset]);

  const stayHere = useCallback(() => {
    lastActivity.current = Date.now();
    setRemaining(null);
  }, []);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
      setRemaining(null);
    };
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { capture: true, passive: true });
    const warn = warningSeconds(idleSeconds);
    const timer = window.setInterval(() => {
      const idle = (Date.now() - lastActivity.current) / 1000;
      if (idle >= idleSeconds) {
        setRemaining(null);
        lastActivity.current = Date.now();
        resetRef.current();
      } else if (idle >= idleSeconds - warn) {
        setRemaining(Math.ceil(idleSeconds - idle));
      }
    }, 250);
    return () => {
      setRemaining(null);
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [idleSeconds, active]);

  return { remaining: active ? remaining : null, stayHere };
}
