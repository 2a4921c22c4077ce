/** Which store the server opens: SQLite with no configuration, PostgreSQL when --store or DATABASE_URL names one. */
import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../server/config.ts';
import { chooseStore, describeStore } from '../../server/store/openStore.ts';

describe('choosing the store', () => {
  it('keeps SQLite in the data folder when nothing says otherwise', () => {
    expect(chooseStore(undefined, '/srv/motcua', {})).toEqual({ ok: true, value: { kind: 'sqlite', dataDir: '/srv/motcua' } });
    expect(chooseStore('sqlite', '/srv/motcua', { DATABASE_URL: 'postgres://x@h/db' })).toMatchObject({ ok: true, value: { kind: 'sqlite' } });
  });

  it('opens PostgreSQL from --store, else DATABASE_URL, with the pool size MOTCUA_PG_POOL gives', () => {
    expect(chooseStore('postgres://motcua@db:5432/motcua', '/d', {})).toEqual({ ok: true, value: { kind: 'postgres', url: 'postgres://motcua@db:5432/motcua', poolSize: 10 } });
    expect(chooseStore(undefined, '/d', { DATABASE_URL: 'postgresql://a:secret@db/m', MOTCUA_PG_POOL: '4' })).toEqual({ ok: true, value: { kind: 'postgres', url: 'postgresql://a:secret@db/m', poolSize: 4 } });
  });

  it('refuses anything else with a reason, never printing a password', () => {
    const wrong = chooseStore('mysql://root:hunter2@db/m', '/d', {});
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.error).toMatch(/must be "sqlite" or a postgres:\/\/ URL/);
    expect(!wrong.ok && wrong.error).not.toMatch(/hunter2/);
    expect(chooseStore('postgres://a@b/c', '/d', { MOTCUA_PG_POOL: 'many' }).ok).toBe(false);
    expect(describeStore({ kind: 'postgres', url: 'postgres://a:hunter2@db/m', poolSize: 10 })).toBe('PostgreSQL at postgres://a:***@db/m, 10 connections');
  });

  it('reads --store from the server command line', () => {
    const config = readServerConfig(['--store', 'postgres://motcua@127.0.0.1:5432/motcua'], {});
    expect(config.ok && config.value.store).toEqual({ kind: 'postgres', url: 'postgres://motcua@127.0.0.1:5432/motcua', poolSize: 10 });
    const bad = readServerConfig(['--store', 'oracle'], {});
    expect(bad.ok).toBe(false);
  });

  it('logs at info unless --log-level or MOTCUA_LOG_LEVEL says debug (every request), and refuses a level it does not know', () => {
    expect(readServerConfig([], {})).toMatchObject({ ok: true, value: { logLevel: 'info' } });
    expect(readServerConfig(['--log-level', 'debug'], {})).toMatchObject({ ok: true, value: { logLevel: 'debug' } });
    expect(readServerConfig([], { MOTCUA_LOG_LEVEL: 'debug' })).toMatchObject({ ok: true, value: { logLevel: 'debug' } });
    expect(readServerConfig(['--log-level', 'loud'], {})).toMatchObject({ ok: false, error: expect.stringMatching(/--log-level/) });
  });
});
