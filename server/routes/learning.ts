/**
 * Learning from what citizens type: kiosks send their searches (scrubbed again here), center
 * admins list the ones that found nothing or were abandoned and teach a phrase, and every device of
 * the center pulls the taught vocabulary by version (ETag), like the catalog. The center is always
 * the calling device's own, from its token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BUNDLED_LEXICONS } from '../../shared/catalog/language/bundledLexicons.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import type { Catalog } from '../../shared/catalog/procedure.ts';
import type { CenterVocabulary } from '../../shared/learning/centerVocabulary.ts';
import { teachRequestSchema, unmatchedRequestSchema, type TaughtAnswer, type TeachAnswer, type UnmatchedAnswer } from '../../shared/learning/learningApi.ts';
import { queryKey, scrubQuery } from '../../shared/learning/scrubQuery.ts';
import { RETENTION_DAYS, searchSessionSchema, sessionUploadSchema, type SessionResult } from '../../shared/learning/searchSession.ts';
import { buildLearnedEntry } from '../../shared/learning/teachPhrase.ts';
import type { DeviceRole } from '../../shared/sync/protocol.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { IncomingSession } from '../learning/learningStore.ts';
import { proveTeaching } from '../learning/proveTeaching.ts';
import { retentionStart } from '../learning/searchRetention.ts';
import type { Device, SyncStore } from '../store/store.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

/** A kiosk clock a little ahead is tolerated; a search from further in the future is a wrong clock. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export const vocabularyEtag = (centerCode: string, version: number) => `"vocabulary-${centerCode}-${version}"`;

const idParamsSchema = z.object({ id: z.string().regex(/^learned\.[a-z0-9-]+$/) });

export interface LearningRouteOptions {
  now: () => Date;
}

/**
 * The route's own role check: the server-wide hook reads `config.roles` too, and this keeps the
 * rule true on its own (searches only from kiosks: nothing typed at a counter reaches the server).
 */
function allowed(request: FastifyRequest, reply: FastifyReply, roles: readonly DeviceRole[]): Device | null {
  const device = deviceOf(request);
  if (roles.includes(device.role)) return device;
  void sendError(reply, 403, 'forbidden', `a ${device.role} device may not use ${request.method} ${request.routeOptions.url}; it is for ${roles.join(', ')} devices`);
  return null;
}

export function registerLearningRoutes(app: FastifyInstance, store: SyncStore, options: LearningRouteOptions): void {
  const currentCatalog = async (): Promise<Catalog | { failed: string }> => {
    const found = await store.currentCatalog();
    if (!found.ok) return { failed: found.error.reason };
    return found.value ?? demoCatalog;
  };

  app.post(API_PATHS.learning.sessions, { config: { roles: ['kiosk'] } }, async (request, reply) => {
    const device = allowed(request, reply, ['kiosk']);
    if (!device) return reply;
    const body = sessionUploadSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const now = options.now();
    const oldest = retentionStart(now).toISOString();
    const results: (SessionResult | null)[] = [];
    const incoming: IncomingSession[] = [];
    body.data.sessions.forEach((item, i) => {
      const parsed = searchSessionSchema.safeParse(item);
      const id = parsed.success ? parsed.data.id : String((item as { id?: unknown } | null)?.id ?? `#${i}`).slice(0, 64);
      if (!parsed.success) return results.push({ id, status: 'rejected', reason: describeIssues(parsed.error) });
      const at = new Date(parsed.data.at).toISOString();
      if (at < oldest) return results.push({ id, status: 'expired', reason: `older than ${RETENTION_DAYS} days: not kept` });
      if (Date.parse(at) > now.getTime() + FUTURE_TOLERANCE_MS) return results.push({ id, status: 'rejected', reason: `dated ${at}, after the server's time: the kiosk's clock is wrong` });
      // Scrubbed again: an old or altered kiosk must not leave a number or a name here.
      const query = scrubQuery(parsed.data.query).text;
      if (query === '') return results.push({ id, status: 'rejected', reason: 'nothing is left of the query once numbers and names are removed' });
      incoming.push({ ...parsed.data, query, queryKey: queryKey(query), at });
      return results.push(null);
    });
    const stored = await store.addSearchSessions(device.centerCode, device.id, incoming, now.toISOString());
    if (!stored.ok) return sendError(reply, 503, 'storage', stored.error.reason);
    const byId = new Map(stored.value.map((r) => [r.id, r]));
    let next = 0;
    const answer = results.map((r) => r ?? byId.get(incoming[next++]!.id)!);
    request.log.info({ deviceId: device.id, stored: answer.filter((r) => r.status === 'stored').length, total: answer.length }, 'search sessions received');
    return { results: answer };
  });

  app.get(API_PATHS.learning.vocabulary, { config: { roles: ['kiosk', 'counter', 'admin'] } }, async (request, reply) => {
    const device = allowed(request, reply, ['kiosk', 'counter', 'admin']);
    if (!device) return reply;
    const found = await store.centerVocabulary(device.centerCode);
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    const etag = vocabularyEtag(device.centerCode, found.value.version);
    // The kiosk in the Electron shell is another origin: it may read the ETag only if told so.
    reply.header('etag', etag).header('cache-control', 'no-cache').header('access-control-expose-headers', 'etag');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const body: CenterVocabulary = {
      format: 'motcua-center-vocabulary',
      centerCode: device.centerCode,
      version: found.value.version,
      updatedAt: found.value.updatedAt,
      entries: found.value.entries.map((e) => e.entry),
    };
    return body;
  });

  app.get(API_PATHS.learning.unmatched, { config: { roles: ['admin'] } }, async (request, reply) => {
    const device = allowed(request, reply, ['admin']);
    if (!device) return reply;
    const query = unmatchedRequestSchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
    const since = retentionStart(options.now()).toISOString();
    const found = await store.unmatchedQueries(device.centerCode, since, query.data.limit);
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    const answer: UnmatchedAnswer = { since, retentionDays: RETENTION_DAYS, queries: found.value };
    return answer;
  });

  app.get(API_PATHS.learning.taught, { config: { roles: ['admin'] } }, async (request, reply) => {
    const device = allowed(request, reply, ['admin']);
    if (!device) return reply;
    const found = await store.centerVocabulary(device.centerCode);
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    const answer: TaughtAnswer = { version: found.value.version, entries: found.value.entries };
    return answer;
  });

  app.post(API_PATHS.learning.taught, { config: { roles: ['admin'] } }, async (request, reply) => {
    const device = allowed(request, reply, ['admin']);
    if (!device) return reply;
    const body = teachRequestSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const [vocabulary, catalog] = await Promise.all([store.centerVocabulary(device.centerCode), currentCatalog()]);
    if (!vocabulary.ok) return sendError(reply, 503, 'storage', vocabulary.error.reason);
    if ('failed' in catalog) return sendError(reply, 503, 'storage', catalog.failed);
    const names = new Map(catalog.procedures.map((p) => [p.code, p.name]));
    const taught = vocabulary.value.entries.map((e) => e.entry);
    const built = buildLearnedEntry(body.data, { base: BUNDLED_LEXICONS.vi, taught, procedureName: (c) => names.get(c) });
    if (!built.ok) return reply.code(400).send(built.error);
    const proved = proveTeaching(catalog.procedures, { vi: BUNDLED_LEXICONS.vi, en: BUNDLED_LEXICONS.en }, taught, built.value);
    if (!proved.ok) return reply.code(400).send(proved.error);

    const entry = built.value;
    const queryKeys = [...new Set([...entry.say, ...entry.examples.map((e) => e.query)].map(queryKey))];
    const at = options.now().toISOString();
    const saved = await store.teach(device.centerCode, { entry, queryKeys, at, by: body.data.by?.staffName ?? null, deviceId: device.id }, vocabulary.value.version);
    if (!saved.ok) {
      if (saved.error.kind === 'conflict') return sendError(reply, 409, 'vocabulary_conflict', saved.error.reason);
      return sendError(reply, 503, 'storage', saved.error.reason);
    }
    request.log.info({ deviceId: device.id, centerCode: device.centerCode, entry: entry.id, version: saved.value.version }, 'phrase taught');
    const answer: TeachAnswer = { version: saved.value.version, entry };
    return reply.code(201).send(answer);
  });

  app.delete(API_PATHS.learning.taughtEntry.route, { config: { roles: ['admin'] } }, async (request, reply) => {
    const device = allowed(request, reply, ['admin']);
    if (!device) return reply;
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
    const removed = await store.takeBack(device.centerCode, params.data.id, options.now().toISOString());
    if (!removed.ok) {
      if (removed.error.kind === 'not_found') return sendError(reply, 404, 'not_taught', removed.error.reason);
      return sendError(reply, 503, 'storage', removed.error.reason);
    }
    request.log.info({ deviceId: device.id, centerCode: device.centerCode, entry: params.data.id, version: removed.value.version }, 'taught phrase taken back');
    return { version: removed.value.version };
  });
}
