/**
 * The counter's screens as hash addresses (#/counter/worklist, #/counter/outbox, ...), so a reload
 * or a restart lands where staff were (after they sign in again). A file being corrected or just
 * saved is addressed by its id; the screen reads the file back from the device.
 */
import { useCallback, useEffect, useState } from 'react';

export type CounterView =
  | { name: 'register' }
  | { name: 'worklist' }
  | { name: 'outbox' }
  | { name: 'staff' }
  | { name: 'stats' }
  | { name: 'centerList' }
  | { name: 'learning' }
  /** A kiosk pre-registration looked up by its slip code. */
  | { name: 'prereg' }
  /** The center's queue set-up (an admin's), over the registration form. */
  | { name: 'queueSettings' }
  /** The receipt of a file just saved. */
  | { name: 'saved'; fileId: string }
  /** A refused file opened again to be corrected and resent. */
  | { name: 'fix'; fileId: string };

const SEGMENTS: Record<Exclude<CounterView['name'], 'saved' | 'fix'>, string> = {
  register: 'register',
  worklist: 'worklist',
  outbox: 'outbox',
  staff: 'staff',
  stats: 'stats',
  centerList: 'center-list',
  learning: 'learning',
  prereg: 'prereg',
  queueSettings: 'queue-settings',
};

/** The view at a hash; anything unknown under #/counter is the registration form. */
export function parseCounterView(hash: string): CounterView {
  const [, app, segment, arg] = hash.replace(/^#/, '').split('/');
  if (app !== 'counter') return { name: 'register' };
  const id = arg ? decodeURIComponent(arg) : '';
  if (segment === 'saved' && id) return { name: 'saved', fileId: id };
  if (segment === 'fix' && id) return { name: 'fix', fileId: id };
  const found = (Object.keys(SEGMENTS) as (keyof typeof SEGMENTS)[]).find((name) => SEGMENTS[name] === segment);
  return { name: found ?? 'register' };
}

export function counterHref(view: CounterView): string {
  if (view.name === 'saved' || view.name === 'fix') return `#/counter/${view.name}/${encodeURIComponent(view.fileId)}`;
  return `#/counter/${SEGMENTS[view.name]}`;
}

/** The view in the address bar, followed as it changes (back and forward buttons too). */
export function useCounterView(): [CounterView, (view: CounterView) => void] {
  const [view, setView] = useState(() => parseCounterView(window.location.hash));
  useEffect(() => {
    const onHash = () => setView(parseCounterView(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The same setter on every render, so callbacks built on it keep their identity.
  const go = useCallback((next: CounterView) => void (window.location.hash = counterHref(next)), []);
  return [view, go];
}
