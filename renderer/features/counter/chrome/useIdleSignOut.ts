/**
 * Signs the staff member out after the admin's idle time, with the kiosk's warning before it
 * (features/idle/useIdleReset.ts). The time can change while the counter runs: an admin's new
 * choice applies at once.
 */
import { useCallback, useState } from 'react';
import { useIdleReset } from '../../idle/useIdleReset.ts';
import { COUNTER_IDLE_KEY, readIdleMinutes, readIdleSeconds } from './counterIdle.ts';

export function useIdleSignOut(signedIn: boolean, onSignOut: () => void) {
  const [idleSeconds, setIdleSeconds] = useState(() => readIdleSeconds(window.location.search, window.localStorage.getItem(COUNTER_IDLE_KEY)));
  const [idleMinutes, setMinutes] = useState(() => readIdleMinutes(window.localStorage.getItem(COUNTER_IDLE_KEY)));
  const { remaining, stayHere } = useIdleReset(idleSeconds, signedIn, onSignOut);
  const setIdleMinutes = useCallback((minutes: number) => {
    window.localStorage.setItem(COUNTER_IDLE_KEY, String(minutes));
    setMinutes(readIdleMinutes(String(minutes)));
    setIdleSeconds(readIdleMinutes(String(minutes)) * 60);
  }, []);
  return { remaining, stayHere, idleMinutes, setIdleMinutes };
}
