/** The pre-registration draft: what a kiosk may send (schema) and when it expires (end of its Vietnam day). */
import { describe, expect, it } from 'vitest';
import { draftExpired, draftExpiry, newDraftCode, normaliseDraftCode, preregDraftSchema, deviceCodeOf } from '../../shared/prereg/preregDraft.ts';
import { makeDraft } from '../support/preregFixtures.ts';

const AT = new Date('2027-03-05T02:00:00Z'); // 09:00 in Vietnam

describe('a pre-registration draft', () => {
  it('accepts a draft as the kiosk makes it', () => {
    expect(preregDraftSchema.safeParse(makeDraft('K01', AT)).success).toBe(true);
  });

  it('refuses a citizen the counter would refuse: an ID that disagrees with the sex, a name with the QR separator', () => {
    const wrongId = makeDraft('K01', AT);
    wrongId.citizen = { ...wrongId.citizen, idNumber: '014092000123' };
    const separator = makeDraft('K01', AT);
    separator.citizen = { ...separator.citizen, fullName: 'Lò Thị|Mai' };
    const issues = [wrongId, separator].map((d) => preregDraftSchema.safeParse(d));
    expect(issues.map((r) => r.success)).toEqual([false, false]);
    expect(issues.map((r) => r.error?.issues[0]?.path.join('.'))).toEqual(['citizen.idNumber', 'citizen.fullName']);
  });

  it('refuses a malformed code, a document listed twice and a missing procedure', () => {
    const badCode = makeDraft('K01', AT, { code: 'K01-0O1I' });
    const twice = makeDraft('K01', AT, { documents: [{ name: 'Giấy chứng sinh', brought: true }, { name: 'Giấy chứng sinh', brought: false }] });
    const { procedureCode: _dropped, ...noProcedure } = makeDraft('K01', AT);
    expect([badCode, twice, noProcedure].map((d) => preregDraftSchema.safeParse(d).success)).toEqual([false, false, false]);
  });

  it('makes codes of the kiosk code, a dash and four symbols without look-alikes, and reads them back as typed', () => {
    const codes = Array.from({ length: 200 }, () => newDraftCode('K01'));
    for (const code of codes) expect(code).toMatch(/^K01-[23456789ACEHKMNPRTXY]{4}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
    expect(normaliseDraftCode(' k01 7km3 ')).toBe('K01-7KM3');
    expect(normaliseDraftCode('k01-7km3')).toBe('K01-7KM3');
    expect(normaliseDraftCode('K01-7KM')).toBeNull();
    expect(normaliseDraftCode('K01-70M3')).toBeNull();
    expect(deviceCodeOf('D03-7KM3')).toBe('D03');
  });
});

describe('draft expiry', () => {
  it('is the next midnight in Vietnam, whatever the hour of the day', () => {
    const midnightVn = new Date('2027-03-05T17:00:00Z'); // 00:00 on 6 March in Vietnam
    expect(draftExpiry(new Date('2027-03-04T17:00:00Z')).toISOString()).toBe(midnightVn.toISOString()); // 00:00 on the 5th
    expect(draftExpiry(AT).toISOString()).toBe(midnightVn.toISOString());
    expect(draftExpiry(new Date('2027-03-05T16:59:59Z')).toISOString()).toBe(midnightVn.toISOString()); // 23:59:59
    // 07:30 UTC on the 5th is 14:30 there, but 16:30 UTC on the 4th is already 23:30 on the 4th.
    expect(draftExpiry(new Date('2027-03-04T16:30:00Z')).toISOString()).toBe('2027-03-04T17:00:00.000Z');
  });

  it('has a draft expired from that midnight on, not a second before', () => {
    expect(draftExpired(AT, new Date('2027-03-05T16:59:59.999Z'))).toBe(false);
    expect(draftExpired(AT, new Date('2027-03-05T17:00:00Z'))).toBe(true);
    expect(draftExpired(AT, new Date('2027-03-07T02:00:00Z'))).toBe(true);
  });
});
