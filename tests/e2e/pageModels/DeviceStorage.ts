/**
 * What the device keeps, read the way an intruder with the disk would: a second, plain IndexedDB
 * handle in the page (no Dexie, no schema, no key), every value serialised, bytes decoded as text.
 * Also the counter's personal-data settings screen, in the words of the screen.
 */
import type { Page } from 'playwright-core';
import type { CounterPage } from './CounterPage.ts';

export interface RawKey {
  extractable: boolean;
  algorithm: string;
  /** Whether WebCrypto refused to export it. */
  exportRefused: boolean;
}

export class DeviceStorage {
  constructor(readonly page: Page) {}

  /** Every record of every store of `dbName` as one text (bytes decoded as UTF-8); '' when the database does not exist. */
  async rawText(dbName: string): Promise<string> {
    return this.page.evaluate(async (name) => {
      if (!(await indexedDB.databases()).some((d) => d.name === name)) return '';
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores: Record<string, unknown[]> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        stores[store] = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
      }
      db.close();
      const decoder = new TextDecoder();
      return JSON.stringify(stores, (_k, v: unknown) =>
        v instanceof Uint8Array ? { bytes: decoder.decode(v) } : v instanceof CryptoKey ? { cryptoKey: v.algorithm.name } : v,
      );
    }, dbName);
  }

  /** The outbox rows as stored: sequence, state and whether a payload is still there. */
  async outboxRows(): Promise<{ seq: number; state: string; hasPayload: boolean }[]> {
    const text = await this.rawText('motcua');
    const { outbox } = JSON.parse(text) as { outbox: { seq: number; state: string; payload: unknown }[] };
    return outbox.map((e) => ({ seq: e.seq, state: e.state, hasPayload: e.payload !== null }));
  }

  /** The CryptoKeys kept in the browser's key database, tried for export. */
  async storedKeys(): Promise<RawKey[]> {
    return this.page.evaluate(async () => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'motcua-keys')) return [];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('motcua-keys');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const rows = await new Promise<{ key: CryptoKey }[]>((resolve, reject) => {
        const all = db.transaction('keys').objectStore('keys').getAll();
        all.onsuccess = () => resolve(all.result as { key: CryptoKey }[]);
        all.onerror = () => reject(all.error);
      });
      db.close();
      return Promise.all(
        rows.map(async ({ key }) => ({
          extractable: key.extractable,
          algorithm: key.algorithm.name,
          exportRefused: await crypto.subtle.exportKey('raw', key).then(
            () => false,
            () => true,
          ),
        })),
      );
    });
  }

  /** Enrols `counter` and returns the token the server answered with (read off the wire). */
  static async enrolKeepingToken(counter: CounterPage): Promise<string> {
    const answer = counter.page.waitForResponse((r) => r.url().endsWith('/api/devices/enrol') && r.request().method() === 'POST');
    await counter.enrol();
    const body = (await (await answer).json()) as { token: string };
    return body.token;
  }
}

/** The admin's personal-data screen: retention period and purge. */
export class PrivacySettingsPage {
  constructor(readonly page: Page) {}

  /** The retention settings sit on the admin's staff screen, below the staff list. */
  async open() {
    await this.page.getByTestId('nav-staff').click();
    await this.showWhole();
  }

  /** Scrolls the counter so the whole settings panel is on screen (for screenshots). */
  async showWhole() {
    await this.page.getByTestId('retention-settings').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  }

  async setDays(days: string) {
    await this.page.getByTestId('retention-days').fill(days);
    await this.page.getByTestId('retention-save').click();
  }

  async purgeNow() {
    await this.page.getByTestId('retention-purge').click();
  }
}
