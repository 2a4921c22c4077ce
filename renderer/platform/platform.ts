/**
 * The one seam between the UI and where it runs (Electron or a plain browser). Each capability
 * is one member here, with an implementation per runtime, chosen once at start-up.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Base URL of the motcua server that serves the catalog (same origin in the browser). */
  readonly serverUrl: string;
  /** Which side of the app this device opens on. */
  readonly profile: 'kiosk' | 'counter';
  /** Whether the device believes it has a network link right now. */
  isOnline(): boolean;
}
