/**
 * IndexedDB without Dexie for the start's reads (renderer/data/plainIdb.ts): it never makes or
 * upgrades a database it was not told how to, and it lets go of one another connection must upgrade.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idbCommitted, idbRequest, openIdb } from '../../renderer/data/plainIdb.ts';

const names = () => `plain-${randomUUID()}`;
const versionOf = async (name: string) => (await indexedDB.databases()).find((d) => d.name === name)?.version ?? null;

describe('opening a database plainly', () => {
  it('does not make a database that is not there', async () => {
    const name = names();
    await expect(openIdb(name, 20)).rejects.toThrow();
    expect(await versionOf(name)).toBeNull();
  });

  it('leaves an older database as it is, and refuses a newer one', async () => {
    const name = names();
    (await openIdb(name, 10, { upgrade: (db) => db.createObjectStore('rows', { keyPath: 'key' }) })).close();
    await expect(openIdb(name, 20)).rejects.toThrow();
    expect(await versionOf(name)).toBe(10);
    await expect(openIdb(name, 5)).rejects.toThrow();
  });

  it('reads and writes rows, a write settling once committed', async () => {
    const name = names();
    const db = await openIdb(name, 10, { upgrade: (made) => made.createObjectStore('rows', { keyPath: 'key' }) });
    const writing = db.transaction('rows', 'readwrite');
    const committed = idbCommitted(writing);
    writing.objectStore('rows').put({ key: 'a', value: 1 });
    await committed;
    expect(await idbRequest(db.transaction('rows').objectStore('rows').get('a'))).toEqual({ key: 'a', value: 1 });
    const failing = db.transaction('rows', 'readwrite');
    const refused = idbCommitted(failing);
    failing.objectStore('rows').add({ key: 'a', value: 2 });
    await expect(refused).rejects.toThrow();
    db.close();
  });

  it('lets go of its connection when another must upgrade the database', async () => {
    const name = names();
    (await openIdb(name, 10, { upgrade: (db) => db.createObjectStore('rows', { keyPath: 'key' }) })).close();
    const held = await openIdb(name, 10);
    const upgraded = await openIdb(name, 20, { upgrade: (db) => db.createObjectStore('more', { keyPath: 'key' }) });
    expect([...upgraded.objectStoreNames].sort()).toEqual(['more', 'rows']);
    upgraded.close();
    expect(() => held.transaction('rows')).toThrow();
  });
});
