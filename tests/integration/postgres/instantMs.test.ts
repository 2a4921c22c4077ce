/**
 * PostgreSQL keeps every file time also as epoch milliseconds (migration 3, motcua_instant_ms) and
 * both the center's and the province's figures read those. They must be the milliseconds the
 * figures' JavaScript reads from the same text (Date.parse): whole milliseconds with further digits
 * dropped, every offset the protocol accepts, whatever the session's time zone; anything without an
 * offset is refused rather than guessed.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from '../../support/tempStore.ts';

let temp: TempStore;
let db: pg.Client;
beforeEach(async () => {
  temp = await openTempStore('postgres');
  if (temp.location.kind !== 'postgres') throw new Error('these tests need PostgreSQL');
  db = new pg.Client({ connectionString: temp.location.url });
  await db.connect();
});
afterEach(async () => {
  await db.end();
  await temp.dispose();
});

const TIMES = [
  '2027-03-01T00:00:00+07:00',
  '2027-02-28T17:00:00Z',
  '2027-02-28T16:59:59.999Z',
  '2027-03-31T23:59:59.9999+07:00',
  '2027-03-31T16:59:59.999999Z',
  '2027-03-31T23:59:59.9995+07:00',
  '2027-03-31T23:59:59.5+07:00',
  '2027-03-31T23:59:59.12+07:00',
  '2027-04-01T16:59:00+23:59',
  '2027-03-31T05:59:59-23:59',
  '2027-03-31T05:59:59-00:00',
  '2024-02-29T12:00:00.001+05:45',
  '2020-01-01T00:00:00+07:00',
];

describe('motcua_instant_ms', () => {
  it.each(['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles'])('reads every time as Date.parse does, in session time zone %s', async (zone) => {
    await db.query(`SET TIME ZONE '${zone}'`);
    const { rows } = await db.query<{ ms: string }>('SELECT motcua_instant_ms(t)::text AS ms FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n', [TIMES]);
    expect(rows.map((r) => Number(r.ms))).toEqual(TIMES.map((t) => Date.parse(t)));
  });

  it('refuses a time without its offset, or not ISO 8601, instead of guessing', async () => {
    for (const bad of ['2027-03-01T00:00:00', '2027-03-01 00:00:00+07:00', 'yesterday', '2027-03-01T00:00+07:00']) {
      await expect(db.query('SELECT motcua_instant_ms($1)', [bad]), bad).rejects.toThrow(/not an ISO 8601 time with its offset/);
    }
    const { rows } = await db.query<{ ms: string | null }>('SELECT motcua_instant_ms(NULL) AS ms');
    expect(rows[0]!.ms).toBeNull();
  });
});
