/** network:probe — is the configured motcua server reachable, and how quickly (online/slow/offline)? */
import { z } from 'zod';
import { IPC, type NetworkProbe } from '../../../shared/ipc/contract.ts';
import { API_PATHS } from '../../../shared/sync/apiPaths.ts';
import { classifyProbe, PROBE_TIMEOUT_MS } from '../../../shared/sync/linkTiming.ts';
import { ok } from '../../../shared/result.ts';
import { validated, type HandlerMap } from './handler.ts';

export const probeSchema = z.union([z.undefined(), z.object({ timeoutMs: z.number().int().min(200).max(30_000).optional() }).strict()]);

export { classifyProbe };

/** Probes the server's health path; the URL comes from the configuration, never from the page. */
export async function probeServer(serverUrl: string, timeoutMs: number, fetchFn: typeof fetch, now: () => number = Date.now): Promise<NetworkProbe> {
  const started = now();
  try {
    const response = await fetchFn(new URL(API_PATHS.health, serverUrl), { signal: AbortSignal.timeout(timeoutMs) });
    return classifyProbe(response.ok, now() - started);
  } catch {
    return classifyProbe(false, now() - started);
  }
}

export function networkHandlers(deps: { serverUrl: () => string; fetch: typeof fetch }): HandlerMap {
  return {
    [IPC.networkProbe]: validated(probeSchema, async (input) =>
      ok(await probeServer(deps.serverUrl(), input?.timeoutMs ?? PROBE_TIMEOUT_MS, deps.fetch)),
    ),
  };
}
