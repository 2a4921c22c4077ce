import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { parseCccdQr } from '../../shared/citizen/cccdQr.ts';
import { applyCard, checklistFor, emptyDraft, missingDocuments, validateDraft } from '../../renderer/features/counter/register/registerDraft.ts';
import { hashPin, isValidPin, newSalt, verifyPin } from '../../renderer/features/counter/staff/pin.ts';

const birth = demoCatalog.procedures.find((p) => p.code === '1.001193')!;
const TODAY = '2026-11-22';
const filled = () => ({
  ...emptyDraft(),
  procedureCode: birth.code,
  fullName: '  Nguyễn   Văn An ',
  birthDate: '1990-05-04',
  idNumber: '001090012345',
  sex: 'male' as const,
  phone: '0912 345 678',
  documents: checklistFor(birth),
});

describe('the registration form', () => {
  it('accepts a complete draft and tidies it', () => {
    const result = validateDraft(filled(), birth, TODAY);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.citizen.fullName).toBe('Nguyễn Văn An');
      expect(result.value.citizen.phone).toBe('0912345678');
      expect(result.value.citizen.address).toBeNull();
      expect(result.value.procedureName).toBe(birth.name);
    }
  });

  it('puts a translated message next to each wrong field', () => {
    const result = validateDraft({ ...emptyDraft(), phone: '12345' }, undefined, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.procedure?.key).toBe('counter.errors.procedure');
      expect(result.error.fullName?.key).toBe('counter.errors.fullName');
      expect(result.error.birthDate?.key).toBe('counter.errors.birthDate');
      expect(result.error.idNumber?.key).toBe('counter.errors.id.format');
      expect(result.error.phone?.key).toBe('counter.errors.phone');
    }
  });

  it('checks the ID number against the date of birth and sex entered', () => {
    const wrongYear = validateDraft({ ...filled(), birthDate: '1991-05-04' }, birth, TODAY);
    expect(!wrongYear.ok && wrongYear.error.idNumber?.key).toBe('counter.errors.id.yearMismatch');
    const wrongSex = validateDraft({ ...filled(), sex: 'female' }, birth, TODAY);
    expect(!wrongSex.ok && wrongSex.error.idNumber?.key).toBe('counter.errors.id.sexMismatch');
    const future = validateDraft({ ...filled(), birthDate: '2030-01-01' }, birth, TODAY);
    expect(!future.ok && future.error.birthDate?.key).toBe('counter.errors.birthDateFuture');
  });

  it('fills the citizen from a scanned card', () => {
    const card = parseCccdQr('001090012345|123456789|Nguyễn Văn An|04051990|Nam|Thôn 3, xã Vĩnh Bảo, Hải Phòng|01072021');
    expect(card.ok).toBe(true);
    if (!card.ok) return;
    const draft = applyCard({ ...emptyDraft(), fullName: 'typed wrong' }, card.value);
    expect(draft).toMatchObject({ idNumber: '001090012345', fullName: 'Nguyễn Văn An', birthDate: '1990-05-04', sex: 'male' });
    expect(validateDraft({ ...draft, procedureCode: birth.code }, birth, TODAY).ok).toBe(true);
  });

  it('lists the documents still missing', () => {
    const docs = checklistFor(birth);
    expect(docs.length).toBeGreaterThan(0);
    expect(missingDocuments(docs)).toHaveLength(docs.length);
    const received = docs.map((d) => ({ ...d, originalsReceived: d.originalsExpected, copiesReceived: d.copiesExpected }));
    expect(missingDocuments(received)).toHaveLength(0);
  });
});

describe('staff PINs', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const salt = newSalt();
    const hash = await hashPin('2468', salt);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyPin('2468', salt, hash)).toBe(true);
    expect(await verifyPin('2469', salt, hash)).toBe(false);
    expect(await hashPin('2468', newSalt())).not.toBe(hash);
  });
  it('takes 4 to 8 digits', () => {
    expect(isValidPin('1234')).toBe(true);
    expect(isValidPin('123')).toBe(false);
    expect(isValidPin('12a4')).toBe(false);
  });
});
