/**
 * The question flows the kiosk ships, read once at start. They name the home screen's life-event
 * tiles (how a citizen who cannot spell a procedure starts: "bố tôi mất rồi") and the offers above
 * the results, so they come with the first screen, as data: one JSON file beside the scripts
 * (vite.config.ts writes it from shared/guidance/flowFiles.ts; the service worker precaches it),
 * not as 100 KB of script on the first screen's path. Should the file not come, or not be a list
 * of flows, the same flows come from their copy as a script.
 */
import type { Flow } from '../../../shared/guidance/flowSchema.ts';
import { readAppJson } from '../../offline/appFile.ts';

let reading: Promise<readonly Flow[]> | null = null;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
/** The file is the build's own (its flows checked by the unit tests); a damaged or foreign one is not used. */
const looksLikeFlows = (value: unknown): value is Flow[] =>
  Array.isArray(value) && value.length > 0 && value.every((f) => isObject(f) && typeof f.id === 'string' && Array.isArray(f.questions) && Array.isArray(f.outcomes));

async function fromFile(): Promise<Flow[] | null> {
  const value = await readAppJson(new URL('shipped-flows.json', document.baseURI));
  return looksLikeFlows(value) ? value : null;
}

export function readShippedFlows(): Promise<readonly Flow[]> {
  reading ??= fromFile().then(async (flows) => flows ?? (await import('../../../shared/guidance/flowFiles.ts')).shippedFlowFiles());
  return reading;
}
