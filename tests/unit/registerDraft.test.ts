import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import { formatDayMonthYear, maskDayMonthYear, parseDayMonthYear } from '../../shared/calendar/dayMonthYear.ts';
import { buildWorkCalendar } from '../../shared/calendar/holidayTable.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { isConditionalDocument } from '../../shared/catalog/documentCondition.ts';
import { parseCccdQr } from '../../shared/citizen/cccdQr.ts';
import { checkStaffDueDate, planDueDate, STAFF_DUE_MAX_DAYS } from '../../renderer/features/counter/register/dueDatePlan.ts';
import {
  applyCard,
  checklistFor,
  draftFromRecord,
  emptyDraft,
  fieldsOfStoredPaths,
  FIELD_LABEL_KEYS,
  firstInvalidField,
  idDigits,
  missingDocuments,
  nothingReceived,
  validateDraft,
  type DraftContext,
  type FieldErrors,
  type RegisterDraft,
} from '../../renderer/features/counter/register/registerDraft.ts';
import { monthGrid } from '../../renderer/features/datePicker/monthGrid.ts';
import { hashPin, isValidPin, newSalt, verifyPin } from '../../renderer/security/staffPin.ts';
import { methodFor } from '../../renderer/features/procedure/procedureFacts.ts';

const birth = demoCatalog.procedures.find((p) => p.code === '1.001193')!;
/** The portal gives this one "1" without a unit: its due date is unknown. */
const correction = demoCatalog.procedures.find((p) => p.code === '1.004859')!;
const calendar = buildWorkCalendar(null);
const TODAY = '2026-11-20';
// 09:00 on Friday 20 November 2026, Vietnam time.
const RECEIVED = new Date('2026-11-20T02:00:00Z');
const contextFor = (procedure: typeof birth, receivedAt = RECEIVED): DraftContext => ({
  today: TODAY,
  due: planDueDate(methodFor(procedure, 'in_person')!.time, receivedAt, calendar),
  receivedAt,
  calendar,
});

const filled = (): RegisterDraft => ({
  ...emptyDraft(),
  procedureCode: birth.code,
  fullName: '  Nguyễn   Văn An ',
  birthDate: '04/05/1990',
  idNumber: '001090012345',
  sex: 'male' as const,
  phone: '0912 345 678',
  documents: checklistFor(birth),
});

/** The errors of a refused draft; fails the test when it was accepted. */
function errorsOf(draft: RegisterDraft, procedure: typeof birth | null = birth, context = contextFor(birth)): FieldErrors {
  const result = validateDraft(draft, procedure ?? undefined, context);
  if (result.ok) throw new Error('expected the draft to be refused');
  return result.error;
}

type Tree = { [k: string]: string | Tree };
const has = (tree: Tree, key: string) => {
  const found = key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? (node[part] ?? node[`${part}_one`]) : undefined), tree);
  return typeof found === 'string';
};

describe('the registration form', () => {
  it('accepts a complete draft, tidies it and counts the due date from the procedure', () => {
    const result = validateDraft(filled(), birth, contextFor(birth));
    expect(result).toMatchObject({
      ok: true,
      value: {
        citizen: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-04', phone: '0912345678', address: null },
        procedureName: birth.name,
        // 1 working day from Friday: Monday 23 November, 17:00 Vietnam time.
        dueAt: '2026-11-23T10:00:00.000Z',
      },
    });
    expect(result.ok && 'dueAtSetByStaff' in result.value).toBe(false);
  });

  it('puts a translated message next to each wrong field', () => {
    const errors = errorsOf({ ...emptyDraft(), phone: '12345' }, null);
    expect(errors).toEqual({
      procedure: { key: 'counter.errors.procedure' },
      fullName: { key: 'counter.errors.text.empty' },
      birthDate: { key: 'counter.errors.birth.empty' },
      idNumber: { key: 'counter.errors.id.format' },
      phone: { key: 'counter.errors.phone' },
    });
    for (const message of Object.values(errors)) {
      expect(has(vi as Tree, message.key), message.key).toBe(true);
      expect(has(en as Tree, message.key), message.key).toBe(true);
    }
    for (const key of Object.values(FIELD_LABEL_KEYS)) expect(has(vi as Tree, key) && has(en as Tree, key), key).toBe(true);
  });

  it('has a message in both languages for every problem the citizen, date and due-date checks can give', () => {
    const keys = [
      ...['empty', 'tooShort', 'tooLong', 'separator', 'control', 'emoji', 'symbol', 'noLetter'].map((p) => `counter.errors.text.${p}`),
      ...['empty', 'format', 'notADate', 'future', 'tooOld'].map((p) => `counter.errors.birth.${p}`),
      ...['empty', 'format', 'notADate', 'notAfterReception', 'restDay', 'tooFar'].map((p) => `counter.errors.due.${p}`),
      ...['format', 'province', 'birthDate', 'centuryMismatch', 'yearMismatch', 'sexMismatch'].map((p) => `counter.errors.id.${p}`),
    ];
    expect(keys.filter((k) => !has(vi as Tree, k) || !has(en as Tree, k))).toEqual([]);
  });

  it('checks the ID number against the date of birth and sex entered', () => {
    expect(errorsOf({ ...filled(), birthDate: '04/05/1991' }).idNumber?.key).toBe('counter.errors.id.yearMismatch');
    expect(errorsOf({ ...filled(), sex: 'female' }).idNumber?.key).toBe('counter.errors.id.sexMismatch');
    expect(errorsOf({ ...filled(), birthDate: '01/01/2030' }).birthDate?.key).toBe('counter.errors.birth.future');
  });

  it('refuses nonsense citizen values with a reason: impossible dates, names of control characters, ID 000000000000', () => {
    expect(errorsOf({ ...filled(), birthDate: '99/99/2025' }).birthDate).toEqual({ key: 'counter.errors.birth.notADate' });
    expect(errorsOf({ ...filled(), birthDate: '2025-99-99' }).birthDate).toEqual({ key: 'counter.errors.birth.notADate' });
    expect(errorsOf({ ...filled(), birthDate: '01/01/2999' }).birthDate).toMatchObject({ key: 'counter.errors.birth.future' });
    expect(errorsOf({ ...filled(), birthDate: '01/01/1850' }).birthDate).toMatchObject({ key: 'counter.errors.birth.tooOld', params: { year: 1900 } });
    expect(errorsOf({ ...filled(), birthDate: '4/5/90' }).birthDate).toEqual({ key: 'counter.errors.birth.format' });
    expect(errorsOf({ ...filled(), fullName: '\u0001\u0002\u0003' }).fullName).toEqual({ key: 'counter.errors.text.control' });
    expect(errorsOf({ ...filled(), fullName: 'Nguyễn Văn An 🙂' }).fullName).toEqual({ key: 'counter.errors.text.emoji' });
    expect(errorsOf({ ...filled(), fullName: 'Nguyễn|Văn An' }).fullName).toEqual({ key: 'counter.errors.text.separator' });
    expect(errorsOf({ ...filled(), idNumber: '000000000000' }).idNumber).toEqual({ key: 'counter.errors.id.province' });
    expect(errorsOf({ ...filled(), address: 'Thôn 3\u0000' }).address).toEqual({ key: 'counter.errors.text.control' });
  });

  it('names the limit of an oversize value next to its own field', () => {
    expect(errorsOf({ ...filled(), fullName: 'Ă'.repeat(101) })).toEqual({ fullName: { key: 'counter.errors.text.tooLong', params: { max: 100 } } });
    expect(errorsOf({ ...filled(), address: 'x'.repeat(301) })).toEqual({ address: { key: 'counter.errors.text.tooLong', params: { max: 300 } } });
    expect(errorsOf({ ...filled(), notes: 'x'.repeat(2001) })).toEqual({ notes: { key: 'counter.errors.text.tooLong', params: { max: 2000 } } });
  });

  it('keeps all 12 digits of an ID pasted with spaces or dashes', () => {
    expect(idDigits('001 090 012 345')).toBe('001090012345');
    expect(idDigits(' 001-090-012345 ')).toBe('001090012345');
    // Too many digits are kept and refused, never cut down to 12 behind the clerk's back.
    expect(idDigits('0010900123456')).toBe('0010900123456');
    expect(validateDraft({ ...filled(), idNumber: idDigits('001 090 012 345') }, birth, contextFor(birth)).ok).toBe(true);
  });

  it('fills the citizen from a scanned card, the date of birth as dd/mm/yyyy', () => {
    const card = parseCccdQr('001090012345|123456789|Nguyễn Văn An|04051990|Nam|Thôn 3, xã Vĩnh Bảo, Hải Phòng|01072021');
    if (!card.ok) throw new Error(card.error.reason);
    const draft = applyCard({ ...emptyDraft(), fullName: 'typed wrong' }, card.value);
    expect(draft).toMatchObject({ idNumber: '001090012345', fullName: 'Nguyễn Văn An', birthDate: '04/05/1990', sex: 'male' });
    expect(validateDraft({ ...draft, procedureCode: birth.code }, birth, contextFor(birth)).ok).toBe(true);
  });

  it('gives the first wrong field in screen order, for the focus', () => {
    expect(firstInvalidField({ phone: { key: 'x' }, fullName: { key: 'y' } })).toBe('fullName');
    expect(firstInvalidField({ dueDate: { key: 'x' }, idNumber: { key: 'y' } })).toBe('dueDate');
    expect(firstInvalidField({})).toBeNull();
  });

  it('brings a rejected file back into the form as it was saved, staff-set due date and conditional documents included', () => {
    const valid = validateDraft({ ...filled(), procedureCode: correction.code, documents: checklistFor(correction), dueDate: '27/11/2026' }, correction, contextFor(correction));
    if (!valid.ok) throw new Error('expected a valid draft');
    // Saved by an older build: no `conditional` on the documents.
    const documents = valid.value.documents.map(({ conditional: _dropped, ...d }) => d);
    const record = { ...valid.value, documents, id: 'x', number: 'X', centerCode: 'C', locationCode: null, deviceId: 'd', receivedAt: RECEIVED.toISOString(), receivedBy: { staffId: 's', staffName: 'S' } };
    const draft = draftFromRecord(record, correction);
    expect(draft).toMatchObject({ fullName: 'Nguyễn Văn An', birthDate: '04/05/1990', phone: '0912345678', dueDate: '27/11/2026' });
    expect(draft.documents.map((d) => d.conditional)).toEqual(checklistFor(correction).map((d) => d.conditional));
    expect(validateDraft(draft, correction, contextFor(correction))).toMatchObject({ ok: true, value: { dueAt: valid.value.dueAt, dueAtSetByStaff: true } });
  });

  it('names the fields behind the paths storage refused', () => {
    expect(fieldsOfStoredPaths(['citizen.fullName', 'attachments.2.name', 'procedureName'])).toEqual(['procedure', 'fullName', 'attachments']);
    expect(fieldsOfStoredPaths(['number'])).toEqual([]);
  });
});

describe('the due date when the procedure has no usable time', () => {
  const unknown = (): RegisterDraft => ({ ...filled(), procedureCode: correction.code, documents: checklistFor(correction) });

  it('knows the time is unknown when the catalog gives a number without a unit', () => {
    expect(methodFor(correction, 'in_person')!.time).toEqual({ value: 1, unit: null });
    expect(planDueDate({ value: 1, unit: null }, RECEIVED, calendar)).toEqual({ kind: 'staff' });
    expect(planDueDate(null, RECEIVED, calendar)).toEqual({ kind: 'staff' });
    expect(planDueDate({ value: 3, unit: 'working_day' }, RECEIVED, calendar).kind).toBe('computed');
  });

  it('requires staff to set it before saving', () => {
    expect(errorsOf(unknown(), correction, contextFor(correction))).toEqual({ dueDate: { key: 'counter.errors.due.empty' } });
  });

  it('saves a working day after the reception as dueAt at closing time, flagged as set by staff', () => {
    const result = validateDraft({ ...unknown(), dueDate: '27/11/2026' }, correction, contextFor(correction));
    expect(result).toMatchObject({ ok: true, value: { dueAt: '2026-11-27T10:00:00.000Z', dueAtSetByStaff: true } });
  });

  it('refuses the reception day, rest days, far-off dates and text that is no date, each with its reason', () => {
    const dueError = (text: string) => errorsOf({ ...unknown(), dueDate: text }, correction, contextFor(correction)).dueDate;
    expect(dueError('20/11/2026')).toEqual({ key: 'counter.errors.due.notAfterReception', params: { received: '20/11/2026' } });
    expect(dueError('19/11/2026')?.key).toBe('counter.errors.due.notAfterReception');
    expect(dueError('21/11/2026')).toEqual({ key: 'counter.errors.due.restDay', params: { reason: 'weekly_rest_day' } });
    expect(dueError('01/01/2027')).toMatchObject({ key: 'counter.errors.due.restDay', params: { reason: 'statutory_holiday', name: expect.any(String), context: 'named' } });
    expect(dueError('23/11/2027')).toEqual({ key: 'counter.errors.due.tooFar', params: { days: String(STAFF_DUE_MAX_DAYS) } });
    expect(dueError('31/11/2026')).toEqual({ key: 'counter.errors.due.notADate' });
    expect(dueError('next week')).toEqual({ key: 'counter.errors.due.format' });
  });

  it('checks a typed date the same way the picker offers it', () => {
    expect(checkStaffDueDate('23/11/2026', RECEIVED, calendar)).toEqual({ ok: true, value: { date: '2026-11-23', dueAt: new Date('2026-11-23T10:00:00.000Z') } });
  });
});

describe('dates written dd/mm/yyyy', () => {
  it('reads day first whatever the separator, and ISO pasted from elsewhere', () => {
    for (const text of ['04/05/1990', '4/5/1990', '04.05.1990', '04-05-1990', '04051990', ' 04 / 05 / 1990 ', '1990-05-04']) {
      expect(parseDayMonthYear(text), text).toEqual({ ok: true, value: '1990-05-04' });
    }
    expect(parseDayMonthYear('')).toEqual({ ok: false, error: 'empty' });
    expect(parseDayMonthYear('04/05/90')).toEqual({ ok: false, error: 'format' });
    expect(parseDayMonthYear('29/02/2023')).toEqual({ ok: false, error: 'notADate' });
    expect(formatDayMonthYear('1990-05-04')).toBe('04/05/1990');
  });

  it('adds the slashes while digits are typed and leaves other text alone', () => {
    expect(['0', '04', '040', '0405', '04051', '04051990'].map(maskDayMonthYear)).toEqual(['0', '04', '04/0', '04/05', '04/05/1', '04/05/1990']);
    expect(maskDayMonthYear('04/051990')).toBe('04/05/1990');
    expect(maskDayMonthYear('04/')).toBe('04');
    expect(maskDayMonthYear('4/5/1990')).toBe('4/5/1990');
    expect(maskDayMonthYear('04.05.1990')).toBe('04/05/1990');
    expect(maskDayMonthYear('abc')).toBe('abc');
  });
});

describe('the month grid of the date picker', () => {
  it('shows whole weeks from Monday, rest days greyed and not selectable, only days in range', () => {
    const weeks = monthGrid(2026, 11, { today: TODAY, calendar, min: '2026-11-21', max: '2026-12-31', selected: '2026-11-27' });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]![0]).toMatchObject({ date: '2026-10-26', inMonth: false }); // the Monday before 1 November (a Sunday)
    const days = new Map(weeks.flat().map((d) => [d.date, d]));
    expect(days.get('2026-11-20')).toMatchObject({ today: true, selectable: false }); // before min
    expect(days.get('2026-11-21')).toMatchObject({ rest: true, selectable: false }); // Saturday
    expect(days.get('2026-11-23')).toMatchObject({ rest: false, selectable: true });
    expect(days.get('2026-11-27')).toMatchObject({ selected: true, selectable: true });
    const january = new Map(monthGrid(2027, 1, { today: TODAY, calendar }).flat().map((d) => [d.date, d]));
    expect(january.get('2027-01-01')).toMatchObject({ rest: true, selectable: false });
    expect(january.get('2027-01-01')?.restName).toBeTruthy();
  });

  it('lets every day be picked without a calendar (a date of birth)', () => {
    const weeks = monthGrid(1990, 5, { today: TODAY, max: TODAY });
    expect(weeks.flat().every((d) => d.selectable && !d.rest)).toBe(true);
  });
});

describe('the documents checklist', () => {
  it('separates what everyone brings from what is needed only if it applies', () => {
    const docs = checklistFor(birth);
    expect(docs.map((d) => d.conditional)).toEqual(birth.documents.filter((d) => d.originals + d.copies > 0).map((d) => isConditionalDocument(d)));
    expect(docs.filter((d) => !d.conditional).map((d) => d.name.slice(0, 20))).toEqual(['Tờ khai đăng ký khai', 'Giấy chứng sinh; nếu', 'Giấy tờ tùy thân còn']);
    expect(docs.filter((d) => d.conditional)).toHaveLength(4);
  });

  it('counts as missing only the required documents', () => {
    const docs = checklistFor(birth);
    expect(missingDocuments(docs)).toHaveLength(3);
    const requiredIn = docs.map((d) => (d.conditional ? d : { ...d, originalsReceived: d.originalsExpected, copiesReceived: d.copiesExpected }));
    expect(missingDocuments(requiredIn)).toHaveLength(0);
  });

  it('notices that nothing at all was ticked, so saving can ask first', () => {
    const docs = checklistFor(birth);
    expect(nothingReceived(docs)).toBe(true);
    expect(nothingReceived([{ ...docs[0]!, originalsReceived: 1 }, ...docs.slice(1)])).toBe(false);
    expect(nothingReceived([])).toBe(false);
  });

  it('reads the condition from the name or the group, past the bullets the portal left', () => {
    const conditional = (name: string, group: string | null = null) => isConditionalDocument({ name, group });
    expect(conditional('Trường hợp ủy quyền: văn bản ủy quyền')).toBe(true);
    expect(conditional('+ Trường hợp không có văn bản nêu trên')).toBe(true);
    expect(conditional('b) Đối với xe ô tô')).toBe(true);
    expect(conditional('(1.3) Đối với hộ kinh doanh')).toBe(true);
    expect(conditional('Bản sao hợp đồng (nếu có).')).toBe(true);
    expect(conditional('Giấy tờ chứng minh nơi cư trú (chỉ khi cơ quan đăng ký không khai thác được)')).toBe(true);
    expect(conditional('Giấy ủy quyền', 'Trường hợp ủy quyền thực hiện thủ tục:')).toBe(true);
    expect(conditional('Tờ khai đăng ký khai sinh')).toBe(false);
    expect(conditional('Giấy chứng sinh; nếu không có thì văn bản của người làm chứng')).toBe(false);
    expect(conditional('Khiếu nại', 'Giấy tờ phải nộp')).toBe(false);
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
