/**
 * Signs the staff member out after the admin's idle time, with the kiosk's warning before it
 * (features/idle/useIdleReset.ts). The time can change while the counter runs: an admin's new
 * choice applies at once.
 */
import { useCallback, useState } from 'react';
import { useIdleReset } from '../../idle/useIdleReset.ts';
import { readDeviceSetting, writeDeviceSetting } from '../../../data/deviceSettings.ts';
import { readIdleMinutes, readIdleSeconds } from './counterIdle.ts';

export function useIdleSignOut(signedIn: boolean, onSignOut: () => void) {
  const [idleSeconds, setIdleSeconds] = useState(() => readIdleSeconds(window.location.search, readDeviceSetting('counterIdleMinutes')));
  const [idleMinutes, setMinutes] = useState(() => readIdleMinutes(readDeviceSetting('counterIdleMinutes')));
  const { remaining, stayHere } = useIdleReset(idleSeconds, signedIn, onSignOut);
  const setIdleMinutes = useCallback((minutes: number) => {
    writeDeviceSetting('counterIdleMinutes', String(minutes));
    setMinutes(readIdleMinutes(String(minutes)));
    setIdleSeconds(readIdleMinutes(String(minutes)) * 60);
  }, []);
  return { remaining, stayHere, idleMinutes, setIdleMinutes };
}
