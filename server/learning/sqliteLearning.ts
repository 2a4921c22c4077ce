/**
 * The learning half of the SQLite store (see learningStore.ts): searches in `search_sessions`,
 * taught entries in `learned_entries`, each center's version in `center_vocabulary`. Counting is
 * one GROUP BY over the center's index, so the admin's list costs what the center's searches cost.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { learnedEntrySchema } from '../../shared/learning/centerVocabulary.ts';
import type { UnmatchedQuery } from '../../shared/learning/learningApi.ts';
import type { SessionResult } from '../../shared/learning/searchSession.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { StorageFailure } from '../store/store.ts';
import type { LearningStore, StoredVocabulary } from './learningStore.ts';

const groupRowSchema = z.object({ key: z.string(), query: z.string(), outcome: z.enum(['none', 'abandoned']), n: z.number().int(), last: z.string() });
const entryRowSchema = z.object({ entry: z.string(), taught_at: z.string(), taught_by: z.string().nullable() });
const versionRowSchema = z.object({ version: z.number().int(), updated_at: z.string() });
const existingRowSchema = z.object({ device_id: z.string() });
const countRowSchema = z.object({ n: z.number().int() });

type Guard = <T, E>(work: () => Result<T, E>) => Result<T, E | StorageFailure>;

export function createSqliteLearning(db: Database.Database, guard: Guard): LearningStore {
  const q = {
    existing: db.prepare('SELECT device_id FROM search_sessions WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO search_sessions (id, center_code, device_id, query, query_key, found, shown, outcome, chosen, flow_path, language, at, stored_at)
       VALUES (@id, @centerCode, @deviceId, @query, @queryKey, @found, @shown, @outcome, @chosen, @flowPath, @language, @at, @storedAt)`,
    ),
    groups: db.prepare(
      `SELECT s.query_key AS key, s.query AS query, s.outcome AS outcome, COUNT(*) AS n, MAX(s.at) AS last
       FROM search_sessions s
       WHERE s.center_code = @center AND s.at >= @since AND s.outcome IN ('none', 'abandoned')
         AND s.at > COALESCE((SELECT MAX(le.taught_at) FROM learned_entries le, json_each(le.query_keys) k
                              WHERE le.center_code = s.center_code AND k.value = s.query_key), '')
       GROUP BY s.query_key, s.query, s.outcome`,
    ),
    count: db.prepare('SELECT COUNT(*) AS n FROM search_sessions WHERE center_code = ?'),
    entries: db.prepare('SELECT entry, taught_at, taught_by FROM learned_entries WHERE center_code = ? ORDER BY taught_at, id'),
    version: db.prepare('SELECT version, updated_at FROM center_vocabulary WHERE center_code = ?'),
    setVersion: db.prepare(
      `INSERT INTO center_vocabulary (center_code, version, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (center_code) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
    ),
    insertEntry: db.prepare(
      'INSERT INTO learned_entries (center_code, id, entry, query_keys, taught_at, taught_by, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteEntry: db.prepare('DELETE FROM learned_entries WHERE center_code = ? AND id = ?'),
    purge: db.prepare('DELETE FROM search_sessions WHERE at < ?'),
  };

  const versionOf = (centerCode: string): { version: number; updatedAt: string | null } => {
    const row = q.version.get(centerCode);
    if (!row) return { version: 0, updatedAt: null };
    const r = versionRowSchema.parse(row);
    return { version: r.version, updatedAt: r.updated_at };
  };

  const add = db.transaction((centerCode: string, deviceId: string, sessions: Parameters<LearningStore['addSearchSessions']>[2], storedAt: string): SessionResult[] =>
    sessions.map((s): SessionResult => {
      const found = q.existing.get(s.id);
      if (found) {
        const same = existingRowSchema.parse(found).device_id === deviceId;
        return same ? { id: s.id, status: 'duplicate', reason: null } : { id: s.id, status: 'rejected', reason: 'another device already sent a search under this id' };
      }
      q.insert.run({
        id: s.id,
        centerCode,
        deviceId,
        query: s.query,
        queryKey: s.queryKey,
        found: s.found,
        shown: JSON.stringify(s.shown),
        outcome: s.outcome,
        chosen: s.chosen,
        flowPath: s.flowPath ? JSON.stringify(s.flowPath) : null,
        language: s.language,
        at: s.at,
        storedAt,
      });
      return { id: s.id, status: 'stored', reason: null };
    }),
  );

  const teach = db.transaction((centerCode: string, teaching: Parameters<LearningStore['teach']>[1], expectedVersion: number) => {
    const current = versionOf(centerCode);
    if (current.version !== expectedVersion) {
      return err({ kind: 'conflict' as const, reason: `the vocabulary is at version ${current.version} now, not ${expectedVersion}: another admin changed it`, version: current.version });
    }
    q.insertEntry.run(centerCode, teaching.entry.id, JSON.stringify(teaching.entry), JSON.stringify(teaching.queryKeys), teaching.at, teaching.by, teaching.deviceId);
    const version = current.version + 1;
    q.setVersion.run(centerCode, version, teaching.at);
    return ok({ version });
  });

  const takeBack = db.transaction((centerCode: string, id: string, at: string) => {
    if (q.deleteEntry.run(centerCode, id).changes === 0) return err({ kind: 'not_found' as const, reason: `nothing taught under ${id} at this center` });
    const version = versionOf(centerCode).version + 1;
    q.setVersion.run(centerCode, version, at);
    return ok({ version });
  });

  const unmatched = (centerCode: string, since: string, limit: number): UnmatchedQuery[] => {
    const byKey = new Map<string, UnmatchedQuery & { spellings: Map<string, { n: number; last: string }> }>();
    for (const raw of q.groups.all({ center: centerCode, since })) {
      const row = groupRowSchema.parse(raw);
      const line = byKey.get(row.key) ?? { key: row.key, text: row.query, count: 0, none: 0, abandoned: 0, lastSeen: row.last, spellings: new Map() };
      line.count += row.n;
      line[row.outcome] += row.n;
      if (row.last > line.lastSeen) line.lastSeen = row.last;
      const spelling = line.spellings.get(row.query) ?? { n: 0, last: row.last };
      spelling.n += row.n;
      if (row.last > spelling.last) spelling.last = row.last;
      line.spellings.set(row.query, spelling);
      byKey.set(row.key, line);
    }
    return [...byKey.values()]
      .map(({ spellings, ...line }) => {
        // The spelling most citizens used; among equals the latest.
        const [text] = [...spellings].sort((a, b) => b[1].n - a[1].n || b[1].last.localeCompare(a[1].last))[0]!;
        return { ...line, text };
      })
      .sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen) || a.key.localeCompare(b.key))
      .slice(0, limit);
  };

  return {
    addSearchSessions: async (centerCode, deviceId, sessions, storedAt) => guard(() => ok(add.immediate(centerCode, deviceId, sessions, storedAt))),
    unmatchedQueries: async (centerCode, since, limit) => guard(() => ok(unmatched(centerCode, since, limit))),
    countSearchSessions: async (centerCode) => guard(() => ok(countRowSchema.parse(q.count.get(centerCode)).n)),
    centerVocabulary: async (centerCode) =>
      guard(() => {
        const { version, updatedAt } = versionOf(centerCode);
        const entries = q.entries.all(centerCode).map((raw) => {
          const r = entryRowSchema.parse(raw);
          // A row that no longer fits the schema is a damaged database, not a request error.
          return { entry: learnedEntrySchema.parse(JSON.parse(r.entry)), taughtAt: r.taught_at, taughtBy: r.taught_by };
        });
        return ok<StoredVocabulary>({ version, updatedAt, entries });
      }),
    teach: async (centerCode, teaching, expectedVersion) => guard(() => teach.immediate(centerCode, teaching, expectedVersion)),
    takeBack: async (centerCode, id, at) => guard(() => takeBack.immediate(centerCode, id, at)),
    purgeSearchSessions: async (before) => guard(() => ok(q.purge.run(before).changes)),
  };
}
