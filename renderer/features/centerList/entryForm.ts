/**
 * The editor of one procedure's values as form fields (text as typed) and back, with every value
 * checked by the shared schema. Pure: messages are i18n keys per field, so tests run without a page.
 */
import { centerEntryValuesSchema, type CenterEntryValues } from '../../../shared/centerList/centerList.ts';
import { readClock } from '../../../shared/centerList/centerListTable.ts';
import { err, ok, type Result } from '../../../shared/result.ts';

export type TimeChoice = '' | 'same_day' | 'working_day' | 'day' | 'hour' | 'month';
export type FeeChoice = '' | 'free' | 'amount' | 'text';

export interface EntryForm {
  /** '' : the national catalog's time applies. */
  timeUnit: TimeChoice;
  timeValue: string;
  cutoff: string;
  feeKind: FeeChoice;
  feeAmount: string;
  feeText: string;
  location: string;
  counter: string;
  note: string;
}

export type EntryField = 'timeValue' | 'cutoff' | 'feeAmount' | 'feeText' | 'location' | 'counter' | 'note';
export type EntryErrors = Partial<Record<EntryField, string>>;

export const TIME_CHOICES: TimeChoice[] = ['', 'same_day', 'working_day', 'day', 'hour', 'month'];
export const FEE_CHOICES: FeeChoice[] = ['', 'free', 'amount', 'text'];

export const DEFAULT_FORM_CUTOFF = '15:00';

export function formOf(values: CenterEntryValues | null): EntryForm {
  const time = values?.time ?? null;
  const fee = values?.fee ?? null;
  return {
    timeUnit: time?.unit ?? '',
    timeValue: time && time.unit !== 'same_day' ? String(time.value).replace('.', ',') : '',
    cutoff: time?.unit === 'same_day' ? time.cutoff : DEFAULT_FORM_CUTOFF,
    feeKind: fee?.kind ?? '',
    feeAmount: fee?.kind === 'amount' ? new Intl.NumberFormat('vi-VN').format(fee.amount) : '',
    feeText: fee?.kind === 'text' ? fee.text : '',
    location: values?.place?.location ?? '',
    counter: values?.place?.counter ?? '',
    note: values?.note ?? '',
  };
}

/** "50.000", "50 000", "50000" → 50000; null when it is not a whole number of đồng. */
function amountOf(text: string): number | null {
  const t = text.trim().replace(/\s*(đ|đồng|vnd)$/i, '');
  return /^\d{1,3}([.\s,]\d{3})*$|^\d+$/.test(t) ? Number(t.replace(/[.\s,]/g, '')) : null;
}

const ERROR_KEY: Record<EntryField, string> = {
  timeValue: 'centerList.errors.timeValue',
  cutoff: 'centerList.errors.cutoff',
  feeAmount: 'centerList.errors.feeAmount',
  feeText: 'centerList.errors.feeText',
  location: 'centerList.errors.location',
  counter: 'centerList.errors.counter',
  note: 'centerList.errors.note',
};

/** The values the form says, or the fields that are wrong (each with its message key). */
export function valuesOfForm(form: EntryForm): Result<CenterEntryValues, EntryErrors> {
  const errors: EntryErrors = {};
  let time: unknown = null;
  if (form.timeUnit === 'same_day') {
    const cutoff = readClock(form.cutoff);
    if (cutoff === null) errors.cutoff = ERROR_KEY.cutoff;
    time = { unit: 'same_day', cutoff };
  } else if (form.timeUnit !== '') {
    const value = Number(form.timeValue.trim().replace(',', '.'));
    if (form.timeValue.trim() === '' || !Number.isFinite(value)) errors.timeValue = ERROR_KEY.timeValue;
    time = { unit: form.timeUnit, value };
  }
  let fee: unknown = null;
  if (form.feeKind === 'free') fee = { kind: 'free' };
  else if (form.feeKind === 'amount') {
    const amount = amountOf(form.feeAmount);
    if (amount === null) errors.feeAmount = ERROR_KEY.feeAmount;
    fee = { kind: 'amount', amount };
  } else if (form.feeKind === 'text') fee = { kind: 'text', text: form.feeText };
  const location = form.location.trim();
  const counter = form.counter.trim();
  if (location === '' && counter !== '') errors.location = 'centerList.errors.counterWithoutLocation';
  const candidate = {
    time,
    fee,
    place: location === '' ? null : { location, counter: counter === '' ? null : counter },
    note: form.note.trim() === '' ? null : form.note,
  };
  const parsed = centerEntryValuesSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, sub] = issue.path;
      const field: EntryField | null =
        head === 'time' ? (form.timeUnit === 'same_day' ? 'cutoff' : 'timeValue') :
        head === 'fee' ? (form.feeKind === 'amount' ? 'feeAmount' : 'feeText') :
        head === 'place' ? (sub === 'counter' ? 'counter' : 'location') :
        head === 'note' ? 'note' : null;
      if (field && !errors[field]) errors[field] = ERROR_KEY[field];
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return err(errors);
  return ok(parsed.data);
}
