import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import type { SubmissionMethod } from '../../shared/catalog/procedure.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { describeFee, describeTime, primaryMethod, splitDocuments, stepLines } from '../../renderer/features/procedure/procedureFacts.ts';

let tVi: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', interpolation: { escapeValue: false } });
  tVi = i.getFixedT('vi');
  tEn = i.getFixedT('en');
});

const method = (over: Partial<SubmissionMethod>): SubmissionMethod => ({
  channel: 'in_person',
  label: 'Trực tiếp',
  time: { value: 3, unit: 'working_day' },
  fee: { free: true, amount: 0, currency: null, text: 'Miễn phí' },
  ...over,
});

describe('procedure facts on screen', () => {
  it('says the time in its unit, and says when the unit or the time is unknown', () => {
    expect(describeTime(tVi, method({}))).toBe('3 ngày làm việc');
    expect(describeTime(tEn, method({}))).toBe('3 working days');
    expect(describeTime(tEn, method({ time: { value: 1, unit: 'day' } }))).toBe('1 day');
    expect(describeTime(tVi, method({ time: { value: 1, unit: null } }))).toBe('1 (chưa rõ đơn vị)');
    expect(describeTime(tVi, method({ time: { value: null, unit: null } }))).toBe('Chưa có thông tin');
    expect(describeTime(tEn, undefined)).toBe('Not stated');
  });

  it('says the fee, free, or unknown, never a guess', () => {
    expect(describeFee(tVi, method({}), 'vi')).toBe('Miễn phí');
    expect(describeFee(tVi, method({ fee: { free: false, amount: 50000, currency: 'VND', text: null } }), 'vi')).toMatch(/^50\.000\s₫$/);
    expect(describeFee(tEn, method({ fee: { free: null, amount: null, currency: null, text: 'do HĐND tỉnh quyết định' } }), 'en')).toBe(
      'Unknown – ask the staff',
    );
    expect(describeFee(tVi, method({ fee: { free: false, amount: null, currency: null, text: 'x' } }), 'vi')).toBe('Có thu phí – xem ghi chú');
  });

  it('leads with the in-person method', () => {
    const p = demoCatalog.procedures[0]!;
    const reordered = { ...p, methods: [method({ channel: 'online', label: 'Trực tuyến' }), method({})] };
    expect(primaryMethod(reordered)?.channel).toBe('in_person');
  });

  it('separates notes from documents to bring', () => {
    const p = { ...demoCatalog.procedures[0]!, documents: [
      { group: 'A', name: 'Tờ khai', form: null, originals: 1, copies: 0 },
      { group: 'A', name: 'Trường hợp ... thì không phải nộp', form: null, originals: 0, copies: 0 },
    ] };
    const [group] = splitDocuments(p);
    expect(group!.items.map((d) => d.name)).toEqual(['Tờ khai']);
    expect(group!.notes).toHaveLength(1);
  });

  it('lists what everyone brings before what only some cases need', () => {
    const p = { ...demoCatalog.procedures[0]!, documents: [
      { group: null, name: 'Trường hợp ủy quyền thì có văn bản ủy quyền', form: null, originals: 1, copies: 0 },
      { group: null, name: 'Giấy chứng sinh', form: null, originals: 1, copies: 0 },
    ] };
    expect(splitDocuments(p)[0]!.items.map((d) => d.name)).toEqual(['Giấy chứng sinh', 'Trường hợp ủy quyền thì có văn bản ủy quyền']);
  });

  it('splits glued step text into steps', () => {
    expect(stepLines('Bước 1: nộp hồ sơ Bước 2: nhận kết quả')).toEqual(['Bước 1: nộp hồ sơ', 'Bước 2: nhận kết quả']);
    expect(stepLines(null)).toEqual([]);
  });
});
