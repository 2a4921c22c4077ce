/**
 * The center list over HTTP (shared/centerList): pulling changes goes through the sync client's
 * request (timeouts, schema-checked answers, elapsed time); an admin's save is its own small call,
 * because its refusals mean different things to the admin (not an admin device, someone else's
 * newer change, a value the server refused) and each gets its own message.
 */
import {
  CENTER_LIST_PATHS,
  centerListChangesSchema,
  centerListConflictSchema,
  centerListWriteAnswerSchema,
  type CenterListChanges,
  type CenterListWrite,
  type CenterListWriteAnswer,
} from '../../shared/centerList/centerList.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { apiErrorSchema } from '../../shared/sync/protocol.ts';
import { request, type Timed } from './syncClient.ts';

export interface CenterListLink {
  serverUrl: string;
  token: string;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}

const fetchOf = (link: CenterListLink) => link.fetchFn ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));

export function fetchCenterListChanges(link: CenterListLink, since: number): Promise<Timed<CenterListChanges>> {
  const url = new URL(CENTER_LIST_PATHS.changes, link.serverUrl);
  url.searchParams.set('since', String(since));
  return request(
    { url: url.href, init: { headers: { authorization: `Bearer ${link.token}` } }, timeoutMs: link.timeoutMs ?? 20_000, schema: centerListChangesSchema },
    fetchOf(link),
    () => performance.now(),
  );
}

export type CenterListWriteError =
  /** No answer: the link is down; the edits stay on this device. */
  | { kind: 'offline'; reason: string }
  /** 403: this device is not a center admin's device. */
  | { kind: 'forbidden'; reason: string }
  /** 401: the device token is unknown or revoked. */
  | { kind: 'unauthorised'; reason: string }
  /** 409: another admin changed these procedures since the version the edits were made on. */
  | { kind: 'conflict'; reason: string; codes: string[]; version: number }
  /** 400: the server refused a value (reason says which). */
  | { kind: 'rejected'; reason: string }
  | { kind: 'server'; reason: string };

export async function sendCenterListWrite(link: CenterListLink, body: CenterListWrite): Promise<Result<CenterListWriteAnswer, CenterListWriteError>> {
  let response: Response;
  try {
    response = await fetchOf(link)(new URL(CENTER_LIST_PATHS.write, link.serverUrl).href, {
      method: 'PUT',
      headers: { authorization: `Bearer ${link.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(link.timeoutMs ?? 30_000),
    });
  } catch (e) {
    return err({ kind: 'offline', reason: `cannot reach the server (${(e as Error).message})` });
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // An answer without JSON is judged by its status below.
  }
  if (response.ok) {
    const answer = centerListWriteAnswerSchema.safeParse(json);
    return answer.success ? ok(answer.data) : err({ kind: 'server', reason: 'unexpected answer from the server' });
  }
  const conflict = centerListConflictSchema.safeParse(json);
  if (response.status === 409 && conflict.success) return err({ kind: 'conflict', reason: conflict.data.reason, codes: conflict.data.codes, version: conflict.data.version });
  const apiError = apiErrorSchema.safeParse(json);
  const reason = apiError.success ? apiError.data.reason : `HTTP ${response.status}`;
  if (response.status === 403) return err({ kind: 'forbidden', reason });
  if (response.status === 401) return err({ kind: 'unauthorised', reason });
  if (response.status >= 400 && response.status < 500) return err({ kind: 'rejected', reason });
  return err({ kind: 'server', reason });
}
