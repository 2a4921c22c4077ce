/**
 * How long the counter waits without a touch or a key before signing its staff member out, so a
 * citizen's data is not left open on an unattended desk. Center admins choose it on the staff
 * screen (kept on the device); `?counterIdle=SECONDS` in the URL overrides it for set-up and tests.
 */
import { z } from 'zod';

export const IDLE_CHOICES_MINUTES = [2, 5, 10, 15, 30] as const;
export const DEFAULT_IDLE_MINUTES = 5;

const storedMinutes = z.coerce.number().int().min(1).max(120);
const urlSeconds = z.coerce.number().int().min(5).max(7200);

/** The admin's choice in minutes (the default when nothing valid is stored). */
export function readIdleMinutes(stored: string | null): number {
  const parsed = storedMinutes.safeParse(stored);
  return stored !== null && parsed.success ? parsed.data : DEFAULT_IDLE_MINUTES;
}

/** Seconds of inactivity before signing out: the URL's value when valid, else the admin's choice. */
export function readIdleSeconds(search: string, stored: string | null): number {
  const fromUrl = new URLSearchParams(search).get('counterIdle');
  const parsed = urlSeconds.safeParse(fromUrl);
  return fromUrl !== null && parsed.success ? parsed.data : readIdleMinutes(stored) * 60;
}
