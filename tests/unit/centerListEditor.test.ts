import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import { mergeDraft, writeOfDraft } from '../../renderer/features/centerList/centerListDraft.ts';
import { FEE_CHOICES, formOf, TIME_CHOICES, valuesOfForm, type EntryForm } from '../../renderer/features/centerList/entryForm.ts';
import type { CenterEntry } from '../../shared/centerList/centerList.ts';

const blank = formOf(null);
const form = (patch: Partial<EntryForm>): EntryForm => ({ ...blank, ...patch });

describe("the admin's entry form", () => {
  it('turns what was typed into checked values, the national value where nothing was chosen', () => {
    expect(valuesOfForm(blank)).toEqual({ ok: true, value: { time: null, fee: null, place: null, note: null } });
    expect(valuesOfForm(form({ timeUnit: 'same_day', cutoff: '15h', feeKind: 'amount', feeAmount: '50.000', location: ' Điểm 1 ', counter: 'Quầy 2', note: 'Mang bản chính' }))).toEqual({
      ok: true,
      value: { time: { unit: 'same_day', cutoff: '15:00' }, fee: { kind: 'amount', amount: 50000 }, place: { location: 'Điểm 1', counter: 'Quầy 2' }, note: 'Mang bản chính' },
    });
    expect(valuesOfForm(form({ timeUnit: 'working_day', timeValue: '0,5' }))).toMatchObject({ ok: true, value: { time: { unit: 'working_day', value: 0.5 } } });
  });

  it('names each wrong field with a translated message', () => {
    const checked = valuesOfForm(form({ timeUnit: 'working_day', timeValue: 'ba', feeKind: 'amount', feeAmount: '50k', counter: 'Quầy 2', note: 'x'.repeat(301) }));
    expect(checked).toEqual({
      ok: false,
      error: {
        timeValue: 'centerList.errors.timeValue',
        feeAmount: 'centerList.errors.feeAmount',
        location: 'centerList.errors.counterWithoutLocation',
        note: 'centerList.errors.note',
      },
    });
    expect(valuesOfForm(form({ timeUnit: 'same_day', cutoff: '18:30' }))).toEqual({ ok: false, error: { cutoff: 'centerList.errors.cutoff' } });
    expect(valuesOfForm(form({ timeUnit: 'month', timeValue: '400' }))).toEqual({ ok: false, error: { timeValue: 'centerList.errors.timeValue' } });
    expect(valuesOfForm(form({ feeKind: 'text', feeText: '  ' }))).toEqual({ ok: false, error: { feeText: 'centerList.errors.feeText' } });
  });

  it('reads stored values back into the same form', () => {
    const values = { time: { unit: 'hour' as const, value: 4 }, fee: { kind: 'amount' as const, amount: 10000 }, place: null, note: null };
    const back = valuesOfForm(formOf(values));
    expect(back).toEqual({ ok: true, value: values });
  });

  it('has a translation for every choice, error and import reason it can show', () => {
    type Tree = { [k: string]: string | Tree };
    const has = (tree: Tree, key: string) => key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree) !== undefined;
    const keys = [
      ...TIME_CHOICES.map((u) => `centerList.edit.unit.${u || 'national'}`),
      ...FEE_CHOICES.map((k) => `centerList.edit.feeKind.${k || 'national'}`),
      ...['edited', 'added', 'removed', 'saved'].map((s) => `centerList.state.${s}`),
      ...['imported', 'warning', 'error'].map((v) => `centerList.import.verdict.${v}`),
      ...['tooLarge', 'unknownType', 'unreadable', 'empty'].map((f) => `centerList.import.file.${f}`),
      ...['noHeader', 'tooManyRows', 'noCode', 'badCode', 'unknownCode', 'duplicate', 'timeWithoutUnit', 'badTime', 'badCutoff', 'cutoffWithoutSameDay', 'defaultCutoff', 'counterWithoutLocation', 'invalidValue'].map(
        (r) => `centerList.import.reason.${r}`,
      ),
    ];
    expect(keys.filter((k) => !has(vi as Tree, k))).toEqual([]);
    expect(keys.filter((k) => !has(en as Tree, k))).toEqual([]);
  });
});

describe("the admin's unsaved edits", () => {
  const saved: Record<string, CenterEntry> = {
    '1.001193': { time: null, fee: { kind: 'free' }, place: null, note: null, updatedAt: '2026-03-01T00:00:00Z', updatedBy: 'Lan' },
    '2.000884': { time: null, fee: null, place: null, note: 'x', updatedAt: '2026-03-01T00:00:00Z', updatedBy: 'Lan' },
  };
  const at = '2026-03-02T00:00:00Z';

  it('lays edits, additions and removals over the saved list', () => {
    const rows = mergeDraft(saved, [
      { code: '1.001193', values: { time: { unit: 'working_day', value: 1 }, fee: null, place: null, note: null }, editedAt: at },
      { code: '2.000884', values: null, editedAt: at },
      { code: '1.000894', values: { time: null, fee: null, place: null, note: 'mới' }, editedAt: at },
      { code: '1.000656', values: null, editedAt: at },
    ]);
    expect(rows.map((r) => [r.code, r.state])).toEqual([
      ['1.001193', 'edited'],
      ['2.000884', 'removed'],
      ['1.000894', 'added'],
    ]);
  });

  it('sends edits as upserts and removals of saved procedures only', () => {
    const write = writeOfDraft(saved, [
      { code: '2.000884', values: null, editedAt: at },
      { code: '1.000656', values: null, editedAt: at },
      { code: '1.000894', values: { time: null, fee: null, place: null, note: 'mới' }, editedAt: at },
    ], 5, null);
    expect(write).toEqual({ baseVersion: 5, upserts: { '1.000894': { time: null, fee: null, place: null, note: 'mới' } }, deletions: ['2.000884'], by: null });
    expect(writeOfDraft(saved, [{ code: '1.000656', values: null, editedAt: at }], 5, null)).toBeNull();
  });
});
