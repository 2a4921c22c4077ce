/**
 * The waiting-room screen's start-up module (main.tsx loads it for #/display/CENTER only): the
 * board of numbers and its voice, nothing of the kiosk or the counter.
 */
import { DisplayApp } from './features/queue/display/DisplayApp.tsx';
import { displayCenterOf } from './features/queue/display/displayRoute.ts';
import type { Platform } from './platform/platform.ts';

export function DisplayStart({ platform, hash }: { platform: Platform; hash: string }) {
  return <DisplayApp platform={platform} center={displayCenterOf(hash) ?? ''} />;
}
