/**
 * The address matcher for a screen: built from the units on this device (a fresh copy is asked for
 * quietly each time), so it works offline once the device has had the table once. `enabled` false
 * keeps it unloaded (the counter's address field loads it when first focused, never with the first
 * screen: the table is 1.4 MB to read and index).
 */
import { useEffect, useState } from 'react';
import { createAddressMatcher, type AddressMatcher } from '../../../shared/address/addressMatcher.ts';
import { communeDirectory, type CommuneDirectory } from '../../../shared/address/addressUnit.ts';
import { heldAdminUnitsVersion, loadAdminUnits } from '../../data/adminUnitsRepository.ts';
import { refreshAdminUnits } from '../../sync/adminUnitsPull.ts';
import type { MotcuaDb } from '../../data/db.ts';

export type AddressMatcherState =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'unavailable' }
  | { phase: 'ready'; matcher: AddressMatcher; communes: CommuneDirectory };

const IDLE: AddressMatcherState = { phase: 'idle' };

type Ready = Extract<AddressMatcherState, { phase: 'ready' }>;
/**
 * The matcher last built, by the table version it was built from: indexing 13,000 names takes a
 * noticeable moment on an old PC, so each new registration form (and each kiosk visit) reuses it.
 */
let built: { db: MotcuaDb; version: number; ready: Ready } | null = null;

async function readyMatcher(db: MotcuaDb): Promise<Ready | null> {
  const version = await heldAdminUnitsVersion(db);
  if (version === null) return null;
  if (built?.db === db && built.version === version) return built.ready;
  const units = await loadAdminUnits(db);
  if (!units) return null;
  const ready: Ready = { phase: 'ready', matcher: createAddressMatcher(units), communes: communeDirectory(units) };
  built = { db, version, ready };
  return ready;
}

export function useAddressMatcher(db: MotcuaDb, serverUrl: string, enabled = true): AddressMatcherState {
  const [state, setState] = useState<AddressMatcherState>({ phase: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const build = async () => {
      const ready = await readyMatcher(db);
      if (cancelled) return false;
      if (ready) setState(ready);
      return ready !== null;
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
  }, [db, serverUrl, enabled]);
  return enabled ? state : IDLE;
}
