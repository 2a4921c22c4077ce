/**
 * Which app a page starts: the waiting-room display at a #/display/CENTER address, the counter on a
 * counter device or at a #/counter address, otherwise the kiosk. Each has its own start-up module,
 * so a kiosk never loads the counter's code and a counter never runs the kiosk's background work;
 * moving from one to the other starts the page again.
 */
import { displayCenterOf } from '../features/queue/display/displayRoute.ts';

export type AppKind = 'kiosk' | 'counter' | 'display';

export function appKindFor(profile: 'kiosk' | 'counter', hash: string): AppKind {
  if (displayCenterOf(hash) !== null) return 'display';
  return profile === 'counter' || /^#\/counter(?:\/|$)/.test(hash) ? 'counter' : 'kiosk';
}
