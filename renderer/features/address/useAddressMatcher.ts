/**
 * The address matcher for a screen: built from the units on this device (a fresh copy is asked for
 * quietly each time), so it works offline once the device has had the table once.
 */
import { useEffect, useState } from 'react';
import { createAddressMatcher, type AddressMatcher } from '../../../shared/address/addressMatcher.ts';
import { loadAdminUnits } from '../../data/adminUnitsRepository.ts';
import { refreshAdminUnits } from '../../sync/adminUnitsPull.ts';
import type { MotcuaDb } from '../../data/db.ts';

export type AddressMatcherState = { phase: 'loading' } | { phase: 'unavailable' } | { phase: 'ready'; matcher: AddressMatcher };

export function useAddressMatcher(db: MotcuaDb, serverUrl: string): AddressMatcherState {
  const [state, setState] = useState<AddressMatcherState>({ phase: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const build = async () => {
      const units = await loadAdminUnits(db);
      if (cancelled) return false;
      if (units) setState({ phase: 'ready', matcher: createAddressMatcher(units) });
      return units !== null;
    };
    void (async () => {
      const had = await build();
      const refreshed = await refreshAdminUnits(db, serverUrl);
      if (cancelled) return;
      if (refreshed === 'updated') await build();
      else if (!had) setState({ phase: 'unavailable' });
    })();
    return () => {
      cancelled = true;
    };
  }, [db, serverUrl]);
  return state;
}
