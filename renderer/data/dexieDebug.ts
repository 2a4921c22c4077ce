/**
 * Dexie's debug mode off in a built app. Dexie turns it on by itself whenever the page's address is
 * localhost or 127.0.0.1, and then tags every table call as a console task (async stack traces) and
 * wraps every callback in it: measurable at start on an old PC (the read of the stored catalog and
 * the first screen wait behind it). A center where the kiosk's browser and the server share one PC
 * opens the app on localhost, and it must run as fast as one opened on app:// (Electron) or over the
 * LAN. A development build keeps Dexie's own choice.
 */
import Dexie from 'dexie';

if (!import.meta.env.DEV) Dexie.debug = false;
