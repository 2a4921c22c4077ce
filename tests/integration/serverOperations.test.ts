/**
 * Running the server for real: it refuses to start over a damaged or emptied database (with the
 * reason), backs up online to a verified file and restores it, serves HTTPS with security headers,
 * and writes requests and errors to its rotating log (the 500 that said "it has been logged" now is).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { serverLoggerOptions } from '../../server/http/serverLog.ts';
import { backupDatabase, PID_FILE, restoreDatabase, verifyDatabaseFile } from '../../server/store/sqliteBackup.ts';
import { openSqliteStore, SQLITE_FILE } from '../../server/store/sqliteStore.ts';
import { pushResponseSchema } from '../../shared/sync/protocol.ts';
import { addTestCenter, bearer, createMutation, enrolTestDevice, fixtureClock, makeFile } from '../support/syncFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-ops-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A data folder with one center, one counter and `files` pushed files; the store is closed after. */
async function seededDataDir(dataDir: string, files = 3): Promise<void> {
  const opened = openSqliteStore(dataDir);
  if (!opened.ok) throw new Error(opened.error);
  await addTestCenter(opened.value, 'VB11824');
  const app = await createApp({ store: opened.value, webRoot: null, now: fixtureClock });
  const counter = await enrolTestDevice(app, 'VB11824');
  const res = await app.inject({
    method: 'POST',
    url: API_PATHS.sync.push,
    headers: bearer(counter),
    payload: { mutations: Array.from({ length: files }, (_, i) => createMutation(i + 1, makeFile(counter, i + 1))) },
  });
  expect(pushResponseSchema.parse(res.json()).results.every((r) => r.status === 'applied')).toBe(true);
  await app.close();
  await opened.value.close();
}

describe('start-up checks', () => {
  it('refuses an empty 0-byte database instead of starting as a new, empty server', async () => {
    await writeFile(join(dir, SQLITE_FILE), '');
    const opened = openSqliteStore(dir);
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.error).toMatch(/empty \(0 bytes\).*npm run restore/);
  });

  it('refuses a database with a damaged page, naming the damage', async () => {
    await seededDataDir(dir, 40);
    const path = join(dir, SQLITE_FILE);
    const db = new Database(path);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'files'").get() as { rootpage: number }).rootpage;
    db.close();
    const file = await open(path, 'r+');
    await file.write(Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    await file.close();
    const opened = openSqliteStore(dir);
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.error).toMatch(/is damaged.*will not start/);
  });

  it('refuses a database file that holds no motcua schema, and starts a new one where there is no file', async () => {
    new Database(join(dir, SQLITE_FILE)).exec('CREATE TABLE other (x)');
    const opened = openSqliteStore(dir);
    expect(!opened.ok && opened.error).toMatch(/no motcua data/);
    const fresh = openSqliteStore(join(dir, 'new'));
    expect(fresh.ok).toBe(true);
    if (fresh.ok) await fresh.value.close();
  });
});

describe('backup and restore', () => {
  it('writes a verified online backup while the store is open, and restores it in place of a lost database', async () => {
    const dataDir = join(dir, 'server');
    await seededDataDir(dataDir, 5);
    // The server keeps running (a store open, a write mid-way) while the backup is taken.
    const running = openSqliteStore(dataDir);
    if (!running.ok) throw new Error(running.error);
    const backup = await backupDatabase(dataDir, join(dir, 'backups'), new Date('2027-03-05T02:00:00Z'));
    expect(backup.ok, backup.ok ? '' : backup.error).toBe(true);
    if (!backup.ok) return;
    expect(backup.value.path).toBe(resolve(dir, 'backups', 'motcua-20270305-090000.sqlite'));
    expect(backup.value.counts).toMatchObject({ centers: 1, devices: 1, files: 5 });
    expect(verifyDatabaseFile(backup.value.path).ok).toBe(true);

    // Restoring beside a running server is refused.
    await writeFile(join(dataDir, PID_FILE), String(process.pid));
    const refused = restoreDatabase(dataDir, backup.value.path);
    expect(!refused.ok && refused.error).toMatch(/server is running/);
    await rm(join(dataDir, PID_FILE));
    await running.value.close();

    // The database is lost (emptied); the server refuses it; the backup brings the files back.
    await writeFile(join(dataDir, SQLITE_FILE), '');
    expect(openSqliteStore(dataDir).ok).toBe(false);
    const restored = restoreDatabase(dataDir, backup.value.path, new Date('2027-03-06T02:00:00Z'));
    expect(restored.ok, restored.ok ? '' : restored.error).toBe(true);
    expect(restored.ok && restored.value.keptAs).toMatch(/motcua\.sqlite\.before-restore-20270306-090000$/);
    const reopened = openSqliteStore(dataDir);
    if (!reopened.ok) throw new Error(reopened.error);
    expect(await reopened.value.countFiles('VB11824')).toEqual({ ok: true, value: 5 });
    await reopened.value.close();
  });

  it('refuses to restore a file that is not a sound motcua database', async () => {
    const junk = join(dir, 'junk.sqlite');
    await writeFile(junk, 'not a database at all');
    const outcome = restoreDatabase(join(dir, 'server'), junk);
    expect(!outcome.ok && outcome.error).toMatch(/not restored/);
  });
});

function httpsGet(url: string, ca: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { ca }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('transport and headers', () => {
  it('serves HTTPS with the given certificate, and the web UI with CSP, no framing, nosniff and no referrer', async () => {
    const opened = openSqliteStore(join(dir, 'server'));
    if (!opened.ok) throw new Error(opened.error);
    const webRoot = join(dir, 'web');
    await mkdir(webRoot);
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>motcua</title>');
    const tls = resolve(import.meta.dirname, '../support/tls');
    const cert = await readFile(join(tls, 'localhost-cert.pem'));
    const key = await readFile(join(tls, 'localhost-key.pem'));
    const app = await createApp({ store: opened.value, webRoot, https: { cert, key } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const page = await httpsGet(`https://localhost:${port}/`, cert);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>motcua</title>');
      expect(page.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      const api = await httpsGet(`https://localhost:${port}/api/health`, cert);
      expect(api.status).toBe(200);
      expect(api.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await app.close();
      await opened.value.close();
    }
  });
});

describe('the server log', () => {
  it('writes requests and the 500 it says it logged to the rotating file, without the lookup code', async () => {
    const dataDir = join(dir, 'server');
    const logDir = join(dir, 'logs');
    const opened = openSqliteStore(dataDir);
    if (!opened.ok) throw new Error(opened.error);
    await addTestCenter(opened.value, 'VB11824');
    const app = await createApp({ store: opened.value, webRoot: null, now: fixtureClock, logger: serverLoggerOptions(logDir, { stdout: false }) });
    const counter = await enrolTestDevice(app, 'VB11824');
    await app.inject({ url: '/api/public/files/VB11824-D01-20270301-0001?code=K7XM3PAT' });
    // The storage goes away under the running server: the next read is a server failure.
    await opened.value.close();
    const failed = await app.inject({ url: `/api/files/${randomUUID()}`, headers: bearer(counter) });
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toMatchObject({ error: 'internal', reason: expect.stringMatching(/logged/) });

    const logText = async () => {
      const files = await readdir(logDir).catch(() => []);
      const texts = await Promise.all(files.map((f) => readFile(join(logDir, f), 'utf8')));
      return texts.join('');
    };
    await expect.poll(logText, { timeout: 10_000 }).toMatch(/"level":50.*database connection is not open/);
    const text = await logText();
    expect(text).toMatch(/"url":"\/api\/public\/files\/VB11824-D01-20270301-0001\?code=\*\*\*"/);
    expect(text).not.toContain('K7XM3PAT');
    expect(text).not.toContain(counter.token);
    await app.close();
  });
});
