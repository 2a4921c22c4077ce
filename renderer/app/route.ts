/** The kiosk's screens are addressed by the URL hash so a reload (or a kiosk restart) lands where it was (the counter's: features/counter/counterRoute.ts). */
import { startTransition, useCallback, useEffect, useState } from 'react';
import { formatSteps, parseSteps, type FlowStep } from '../../shared/guidance/flowEngine.ts';

export type Route =
  | { screen: 'search' }
  | { screen: 'fields' }
  | { screen: 'field'; field: string }
  | { screen: 'procedure'; code: string }
  /** Kiosk status lookup by file number (from the receipt's QR code or typed). */
  | { screen: 'lookup' }
  /** Kiosk satisfaction rating, about a file or (number null) about the visit. */
  | { screen: 'rating'; number: string | null }
  /** Kiosk "new address": an old or new commune name → where it belongs since July 2025. */
  | { screen: 'address' }
  /** A question flow, with the answers given so far (each answer is one step of the address). */
  | { screen: 'flow'; flow: string; steps: FlowStep[] }
  /** The plain list of a flow's family of procedures ("không phải? chọn khác"). */
  | { screen: 'flowList'; flow: string }
  /** Pre-registration at the kiosk, for a procedure already chosen or (null) one picked there; never anything personal in the address. */
  | { screen: 'prereg'; code: string | null }
  /** Kiosk "take a number", for a procedure when it has a code. */
  | { screen: 'queue'; code: string | null }
  /** Kiosk set-up for numbers: enrolment as a kiosk, link and settings. */
  | { screen: 'queueSetup' };

export function parseRoute(hash: string): Route {
  const [, screen, arg, ...rest] = hash.replace(/^#/, '').split('/');
  const value = arg ? decodeURIComponent(arg) : '';
  if (screen === 'flow' && value) return { screen: 'flow', flow: value, steps: parseSteps(rest) };
  if (screen === 'flow-list' && value) return { screen: 'flowList', flow: value };
  if (screen === 'p' && value) return { screen: 'procedure', code: value };
  if (screen === 'field' && value) return { screen: 'field', field: value };
  if (screen === 'fields') return { screen: 'fields' };
  if (screen === 'lookup') return { screen: 'lookup' };
  if (screen === 'address') return { screen: 'address' };
  if (screen === 'prereg') return { screen: 'prereg', code: value || null };
  if (screen === 'rate') return { screen: 'rating', number: value || null };
  if (screen === 'queue') return { screen: 'queue', code: value || null };
  if (screen === 'queue-setup') return { screen: 'queueSetup' };
  return { screen: 'search' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'procedure':
      return `#/p/${encodeURIComponent(route.code)}`;
    case 'field':
      return `#/field/${encodeURIComponent(route.field)}`;
    case 'fields':
      return '#/fields';
    case 'lookup':
      return '#/lookup';
    case 'address':
      return '#/address';
    case 'rating':
      return route.number ? `#/rate/${encodeURIComponent(route.number)}` : '#/rate';
    case 'queue':
      return route.code ? `#/queue/${encodeURIComponent(route.code)}` : '#/queue';
    case 'queueSetup':
      return '#/queue-setup';
    case 'flow':
      return ['#', 'flow', encodeURIComponent(route.flow), ...formatSteps(route.steps)].join('/');
    case 'flowList':
      return `#/flow-list/${encodeURIComponent(route.flow)}`;
    case 'prereg':
      return route.code ? `#/prereg/${encodeURIComponent(route.code)}` : '#/prereg';
    default:
      return '#/';
  }
}

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    // A transition: a screen whose code is still loading keeps the current one on screen meanwhile.
    const onHash = () => startTransition(() => setRoute(parseRoute(window.location.hash)));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The same function at every render, so what depends on it (the idle reset) is not made again.
  const go = useCallback((r: Route) => void (window.location.hash = routeHref(r)), []);
  return [route, go];
}
