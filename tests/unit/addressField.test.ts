/**
 * The counter's address field, without a browser: what it offers as the clerk types (new communes,
 * old units with where they went, every commune of a split one), the unit a file keeps beside the
 * text as typed, its check against the table, and how receipts print it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { join } from 'node:path';
import vi from '../../locales/vi.json';
import en from '../../locales/en.json';
import { createAddressMatcher, type AddressMatcher } from '../../shared/address/addressMatcher.ts';
import { addressSuggestions, flatOptions } from '../../shared/address/addressSuggestions.ts';
import { addressUnitLine, addressUnitSchema, checkAddressUnit, communeDirectory, type AddressUnit, type CommuneDirectory } from '../../shared/address/addressUnit.ts';
import type { AdminUnits } from '../../shared/address/adminUnits.ts';
import { citizenSchema } from '../../shared/files/fileRecord.ts';
import { ADMIN_UNITS_DIR, readAdminUnits } from '../../server/address/readAdminUnits.ts';
import { sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { printedAddress } from '../../renderer/features/counter/receipt/printedAddress.ts';
import { applyCard, draftFromRecord, emptyDraft, validateDraft, type RegisterDraft } from '../../renderer/features/counter/register/registerDraft.ts';
import { buildWorkCalendar } from '../../shared/calendar/holidayTable.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { parseCccdQr } from '../../shared/citizen/cccdQr.ts';
import type { FileRecord } from '../../shared/files/fileRecord.ts';

let units: AdminUnits;
let matcher: AddressMatcher;
let communes: CommuneDirectory;
let tVi: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  const read = await readAdminUnits(join(sharedDataDir(), ADMIN_UNITS_DIR));
  if (!read.ok) throw new Error(read.error);
  units = read.value.units;
  matcher = createAddressMatcher(units);
  communes = communeDirectory(units);
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', interpolation: { escapeValue: false } });
  tVi = i18n.getFixedT('vi');
  tEn = i18n.getFixedT('en');
});

/** Đồng Thái (Ninh Bình), where the old commune Yên Thành of Yên Mô district went whole. */
const DONG_THAI: AddressUnit = { code: '14746', name: 'Xã Đồng Thái', provinceCode: '37', province: 'Tỉnh Ninh Bình' };

describe('what the address field offers as the clerk types', () => {
  it('turns an old commune typed without tones, with the house and village before it, into its new commune', () => {
    const groups = addressSuggestions(matcher, 'thon 3 xa yen thanh huyen yen mo');
    const first = groups[0]!;
    expect(first.options).toHaveLength(1);
    expect(first.options[0]!.unit).toEqual(DONG_THAI);
    expect(first.old).toMatchObject({ name: 'Xã Yên Thành', district: 'Huyện Yên Mô', province: 'Tỉnh Ninh Bình', split: false });
  });

  it('completes a new commune from its half-typed name', () => {
    const options = flatOptions(addressSuggestions(matcher, 'dong tha'));
    expect(options.some((o) => o.unit.code === DONG_THAI.code && o.old === null)).toBe(true);
  });

  it('lists every new commune a split unit went to as one group, none dropped', () => {
    const groups = addressSuggestions(matcher, 'phuong cong vi quan ba dinh');
    const split = groups.find((g) => g.old?.split);
    expect(split?.old?.name).toBe('Phường Cống Vị');
    const old = units.oldUnits.find((u) => u.name === 'Phường Cống Vị' && u.split)!;
    expect(split!.options.map((o) => o.unit.code).sort()).toEqual([...old.to].sort());
    expect(split!.options.map((o) => o.unit.name).sort()).toEqual(['Phường Giảng Võ', 'Phường Ngọc Hà']);
  });

  it('keeps to the limit of groups, gives each option a unique id, and offers nothing for one letter', () => {
    const groups = addressSuggestions(matcher, 'an', 5);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.length).toBeLessThanOrEqual(5);
    const ids = flatOptions(groups).map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(addressSuggestions(matcher, 'a')).toEqual([]);
    expect(addressSuggestions(matcher, ' 3, ')).toEqual([]);
  });

  it('offers nothing for words that name no unit', () => {
    expect(addressSuggestions(matcher, 'qqqq zzzz')).toEqual([]);
  });
});

describe('the unit a file keeps beside the address text', () => {
  it("is a known commune with the table's names; an unknown code or other names are refused with the code", () => {
    expect(checkAddressUnit(DONG_THAI, communes)).toEqual({ ok: true, value: DONG_THAI });
    const unknown = checkAddressUnit({ ...DONG_THAI, code: '99999' }, communes);
    expect(unknown).toMatchObject({ ok: false, error: { problem: 'unknown', params: { code: '99999' } } });
    const renamed = checkAddressUnit({ ...DONG_THAI, name: 'Xã Yên Thành' }, communes);
    expect(renamed).toMatchObject({ ok: false, error: { problem: 'mismatch' } });
    const otherProvince = checkAddressUnit({ ...DONG_THAI, provinceCode: '01', province: 'Thành phố Hà Nội' }, communes);
    expect(otherProvince.ok).toBe(false);
  });

  it('has the shape of a GSO commune and province', () => {
    expect(addressUnitSchema.safeParse(DONG_THAI).success).toBe(true);
    expect(addressUnitSchema.safeParse({ ...DONG_THAI, code: '1474' }).success).toBe(false);
    expect(addressUnitSchema.safeParse({ ...DONG_THAI, provinceCode: 'NB' }).success).toBe(false);
    expect(addressUnitSchema.safeParse({ ...DONG_THAI, name: ' ' }).success).toBe(false);
  });

  it('is optional on a citizen: older records and text-only addresses still pass, a malformed unit does not', () => {
    const citizen = { fullName: 'Nguyễn Văn An', birthDate: '1990-05-04', idNumber: '001090012345', sex: 'male', phone: null, address: 'thôn 3' };
    expect(citizenSchema.safeParse(citizen).success).toBe(true);
    expect(citizenSchema.parse({ ...citizen, addressUnit: DONG_THAI }).addressUnit).toEqual(DONG_THAI);
    expect(citizenSchema.safeParse({ ...citizen, addressUnit: { code: '14746' } }).success).toBe(false);
  });
});

describe('the registration draft with a picked unit', () => {
  const birth = demoCatalog.procedures.find((p) => p.code === '1.001193')!;
  const calendar = buildWorkCalendar(null);
  const received = new Date('2026-11-20T02:00:00Z');
  const context = (withTable: boolean) => ({
    today: '2026-11-20',
    due: { kind: 'unchanged' as const },
    receivedAt: received,
    calendar,
    communes: withTable ? communes : null,
  });
  const draft = (over: Partial<RegisterDraft>): RegisterDraft => ({
    ...emptyDraft(),
    procedureCode: birth.code,
    fullName: 'Nguyễn Văn An',
    birthDate: '04/05/1990',
    idNumber: '001090012345',
    sex: 'male',
    address: 'thon 3 yen thanh yen mo',
    ...over,
  });

  it('keeps the text as typed and the unit beside it; no unit stores the text alone', () => {
    const picked = validateDraft(draft({ addressUnit: DONG_THAI }), birth, context(true));
    expect(picked.ok && picked.value.citizen).toMatchObject({ address: 'thon 3 yen thanh yen mo', addressUnit: DONG_THAI });
    const textOnly = validateDraft(draft({ addressUnit: null }), birth, context(true));
    expect(textOnly.ok && textOnly.value.citizen.address).toBe('thon 3 yen thanh yen mo');
    expect(textOnly.ok && 'addressUnit' in textOnly.value.citizen).toBe(false);
  });

  it('refuses a unit the table does not know, with a translated message naming its code', () => {
    const refused = validateDraft(draft({ addressUnit: { ...DONG_THAI, code: '99999' } }), birth, context(true));
    expect(refused.ok).toBe(false);
    const message = refused.ok ? null : refused.error.address!;
    expect(message).toEqual({ key: 'addressField.errors.unknown', params: { code: '99999' } });
    expect(tVi(message!.key, message!.params)).toContain('99999');
    expect(tEn(message!.key, message!.params)).toContain('is not in the administrative units table');
  });

  it('comes back from a saved file, and a scanned card (a new text) drops it', () => {
    const file = { citizen: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-04', idNumber: '001090012345', sex: 'male', phone: null, address: 'thôn 3', addressUnit: DONG_THAI } } as unknown as FileRecord;
    const back = draftFromRecord({ ...file, procedureCode: birth.code, channel: 'in_person', documents: [], attachments: [], notes: null } as FileRecord, birth);
    expect(back.addressUnit).toEqual(DONG_THAI);
    const card = parseCccdQr('001090012345||Nguyễn Văn An|04051990|Nam|Thôn 3, Yên Thành, Yên Mô, Ninh Bình|01012021', { today: '2026-11-20' });
    if (!card.ok) throw new Error(card.error.reason);
    expect(applyCard(back, card.value).addressUnit).toBeNull();
  });
});

describe('the address on receipts and slips', () => {
  it('prints the text as typed with the new commune and province after it', () => {
    expect(addressUnitLine(DONG_THAI)).toBe('xã Đồng Thái, tỉnh Ninh Bình');
    expect(printedAddress({ address: 'thôn 3, xã Yên Thành, huyện Yên Mô', addressUnit: DONG_THAI }, tVi)).toBe(
      'thôn 3, xã Yên Thành, huyện Yên Mô (nay thuộc xã Đồng Thái, tỉnh Ninh Bình)',
    );
    expect(printedAddress({ address: null, addressUnit: DONG_THAI }, tVi)).toBe('xã Đồng Thái, tỉnh Ninh Bình');
    expect(printedAddress({ address: 'thôn 3', addressUnit: undefined }, tVi)).toBe('thôn 3');
    expect(printedAddress({ address: null }, tVi)).toBeNull();
  });
});
