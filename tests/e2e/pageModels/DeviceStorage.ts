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

  /**
   * What IndexedDB holds for a file and its scans, read with the raw API (the app's own code is not
   * used): the record's and its outbox entries' sizes, whether bytes sit inline, and each scan as stored.
   */
  async scansOf(number: string) {
    return this.page.evaluate(async (number) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('motcua');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = <T,>(store: string) =>
        new Promise<T[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error);
        });
      const files = await all<{ id: string; number: string }>('files');
      const file = files.find((f) => f.number === number)!;
      const scans = (await all<{ id: string; fileId: string; type: string; size: number }>('scans')).filter((s) => s.fileId === file.id);
      const blobs = await all<{ id: string; blob?: Blob; sealed?: { type: string; data: Blob } }>('scanBlobs');
      const outbox = await all<{ fileId: string; payload: unknown }>('outbox');
      const stored = [];
      for (const scan of scans) {
        const row = blobs.find((b) => b.id === scan.id)!;
        // Sealed at rest (AES-GCM adds a 16-byte tag); no plain copy beside it.
        stored.push({ type: row.sealed?.type ?? null, size: row.sealed ? row.sealed.data.size - 16 : -1, plainCopy: row.blob !== undefined });
      }
      db.close();
      // Sealed parts are bytes: counted by their length, so the size is what IndexedDB holds.
      const size = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? 'x'.repeat(v.byteLength) : v)).length;
      return {
        recordJsonBytes: size(file),
        outboxJsonBytes: size(outbox.filter((e) => e.fileId === file.id)),
        holdsBytesInline: /dataBase64|JVBER/.test(JSON.stringify(file) + JSON.stringify(outbox)),
        stored,
      };
    }, number);
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

  async days(): Promise<string> {
    return this.page.getByTestId('retention-days').inputValue();
  }

  async message(): Promise<string> {
    return (await this.page.getByTestId('retention-message').textContent()) ?? '';
  }

  async setDays(days: string) {
    await this.page.getByTestId('retention-days').fill(days);
    await this.page.getByTestId('retention-save').click();
  }

  async purgeNow() {
    await this.page.getByTestId('retention-purge').click();
  }
}
