/**
 * The two ends of a pre-registration, pure: the kiosk checks typed details with the counter's own
 * rules and messages; the counter turns a draft into its registration form with the ticked
 * documents counted as handed in.
 */
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { parseCccdQr } from '../../shared/citizen/cccdQr.ts';
import { checklistFor, validateDraft } from '../../renderer/features/counter/register/registerDraft.ts';
import { formFromPrereg } from '../../renderer/features/counter/prereg/preregToForm.ts';
import { capitaliseName, checkTypedCitizen, citizenFromCard, maskedId } from '../../renderer/features/prereg/preregCitizen.ts';
import { buildWorkCalendar } from '../../shared/calendar/holidayTable.ts';
import { makeDraft } from '../support/preregFixtures.ts';

const TODAY = '2027-03-05';
const birth = demoCatalog.procedures.find((p) => p.code === '1.001193')!;

describe('typed details at the kiosk', () => {
  it('takes a name typed in lower case on the touch keyboard, with its capitals put back', () => {
    const checked = checkTypedCitizen({ fullName: 'lò thị  mai', idNumber: '014 192 000 123', birthDate: '09081992', sex: 'female' }, TODAY);
    expect(checked).toEqual({ ok: true, value: { fullName: 'Lò Thị Mai', birthDate: '1992-08-09', idNumber: '014192000123', sex: 'female', phone: null, address: null } });
    expect(capitaliseName('đặng văn ước')).toBe('Đặng Văn Ước');
  });

  it("says what is wrong with the counter's own messages: an ID whose 4th digit says man for a woman, no sex chosen, a date that is not one", () => {
    const wrongId = checkTypedCitizen({ fullName: 'Lò Thị Mai', idNumber: '014092000123', birthDate: '09/08/1992', sex: 'female' }, TODAY);
    expect(!wrongId.ok && wrongId.error).toEqual({ idNumber: { key: 'counter.errors.id.sexMismatch' } });
    const noSex = checkTypedCitizen({ fullName: 'Lò Thị Mai', idNumber: '014192000123', birthDate: '31/02/1992', sex: '' }, TODAY);
    expect(!noSex.ok && Object.keys(noSex.error).sort()).toEqual(['birthDate', 'sex']);
    expect(!noSex.ok && noSex.error.sex).toEqual({ key: 'prereg.who.sexMissing' });
    const empty = checkTypedCitizen({ fullName: '', idNumber: '', birthDate: '', sex: '' }, TODAY);
    expect(!empty.ok && Object.keys(empty.error).sort()).toEqual(['birthDate', 'fullName', 'idNumber', 'sex']);
  });

  it('shows only the last four digits of the ID on the confirmation', () => {
    expect(maskedId('014192000123')).toBe('•••• •••• 0123');
  });
});

describe('a pre-registration opened at the counter', () => {
  it('fills the form with the citizen, the procedure and the ticked documents as handed in, and the form saves', () => {
    const card = parseCccdQr('014192000123||Lò Thị Mai|09081992|Nữ|Bản Mòng, xã Chiềng Cơi, tỉnh Sơn La|01012022', { today: TODAY });
    if (!card.ok) throw new Error(card.error.reason);
    const list = checklistFor(birth);
    const ticked = list[0]!.name;
    const draft = makeDraft('K01', new Date('2027-03-05T02:00:00Z'), {
      citizen: citizenFromCard(card.value),
      documents: list.map((d) => ({ name: d.name, brought: d.name === ticked })),
    });
    const form = formFromPrereg(draft, birth);
    expect(form).toMatchObject({ procedureCode: '1.001193', fullName: 'Lò Thị Mai', birthDate: '09/08/1992', idNumber: '014192000123', sex: 'female', address: 'Bản Mòng, xã Chiềng Cơi, tỉnh Sơn La', phone: '' });
    const received = form.documents.filter((d) => d.originalsReceived + d.copiesReceived > 0).map((d) => d.name);
    expect(received).toEqual([ticked]);
    expect(form.documents.map((d) => d.name)).toEqual(list.map((d) => d.name));
    const receivedAt = new Date('2027-03-05T02:30:00Z');
    const valid = validateDraft(form, birth, { today: TODAY, due: { kind: 'unchanged' }, receivedAt, calendar: buildWorkCalendar(null) });
    expect(valid.ok).toBe(true);
  });

  it('leaves the procedure to choose when this counter does not know it, keeping the citizen', () => {
    const form = formFromPrereg(makeDraft('K01', new Date('2027-03-05T02:00:00Z')), undefined);
    expect(form.procedureCode).toBeNull();
    expect(form.documents).toEqual([]);
    expect(form.fullName).toBe('Lò Thị Mai');
  });
});
