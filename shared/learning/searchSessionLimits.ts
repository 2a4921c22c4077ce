/** How much of the kiosk's searches is kept and sent: numbers only, read by the kiosk without the schemas of searchSession.ts. */

/** Searches are kept this long, on the server and on the kiosk (unsent ones), then deleted. */
export const RETENTION_DAYS = 90;
/** The first results of a search that are recorded as shown. */
export const SHOWN_RECORDED = 10;
/** Sessions per request; a kiosk sends more in several requests. */
export const SESSION_BATCH = 100;
