/**
 * Staff tiles and the staff list keep one order: by name, and two people of the same name by the
 * detail that tells them apart, never by their random ids (the order the screen showed them in used to
 * change from one device to the next, and an e2e screenshot with it).
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type MotcuaDb, type StaffMember } from '../../renderer/data/db.ts';
import { activeStaff, allStaff, staffLabel } from '../../renderer/data/staffRepository.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';

let db: MotcuaDb | null = null;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
  db = null;
});

const member = (id: string, name: string, detail: string | null, active = true): StaffMember => ({
  id,
  name,
  detail,
  role: 'staff',
  pinHash: 'x',
  salt: 'y',
  createdAt: '2026-06-01T01:30:00.000Z',
  active,
});

describe('the order staff are listed in', () => {
  it('puts namesakes in the order of their details, whatever their ids', async () => {
    db = openDb(`staff-order-${randomUUID()}`, await createMemoryCipher());
    // Ids chosen so that id order is the reverse of the order a person expects.
    await db.staff.bulkAdd([
      member('a', 'Phạm Văn Minh', 'sinh 1990'),
      member('b', 'Phạm Văn Minh', null),
      member('c', 'Nguyễn Thị Lan', null),
      member('d', 'Phạm Văn Minh', 'quầy 2', false),
    ]);
    expect((await activeStaff(db)).map(staffLabel)).toEqual(['Nguyễn Thị Lan', 'Phạm Văn Minh', 'Phạm Văn Minh (sinh 1990)']);
    expect((await allStaff(db)).map(staffLabel)).toEqual(['Nguyễn Thị Lan', 'Phạm Văn Minh', 'Phạm Văn Minh (quầy 2)', 'Phạm Văn Minh (sinh 1990)']);
  });
});
