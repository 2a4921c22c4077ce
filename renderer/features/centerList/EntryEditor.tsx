/**
 * The editor of one procedure's posted values: time (unit, number or same-day cut-off), fee (free,
 * amount or text), location and counter, short note. Empty choices mean the national value applies.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import type { CenterEntryValues } from '../../../shared/centerList/centerList.ts';
import { FEE_CHOICES, formOf, TIME_CHOICES, valuesOfForm, type EntryErrors, type EntryField, type EntryForm } from './entryForm.ts';

interface Props {
  code: string;
  procedure: Procedure | undefined;
  values: CenterEntryValues | null;
  onApply(values: CenterEntryValues): void;
  onCancel(): void;
}

export function EntryEditor({ code, procedure, values, onApply, onCancel }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<EntryForm>(() => formOf(values));
  const [errors, setErrors] = useState<EntryErrors>({});
  const set = <K extends keyof EntryForm>(key: K, value: EntryForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const error = (field: EntryField) =>
    errors[field] ? (
      <span className="field-error" role="alert" data-error-for={field}>
        {t(errors[field])}
      </span>
    ) : null;

  const apply = () => {
    const checked = valuesOfForm(form);
    if (!checked.ok) {
      setErrors(checked.error);
      return;
    }
    onApply(checked.value);
  };

  return (
    <section className="panel entry-editor" data-testid="entry-editor" data-code={code} aria-labelledby="entry-editor-title">
      <h3 id="entry-editor-title">
        {procedure?.name ?? code} <span className="muted small">{code}</span>
      </h3>
      <div className="entry-editor-grid">
        <fieldset className="field">
          <legend>{t('centerList.edit.time')}</legend>
          <div className="segmented">
            {TIME_CHOICES.map((unit) => (
              <button key={unit || 'national'} type="button" className={`button${form.timeUnit === unit ? ' active' : ''}`} aria-pressed={form.timeUnit === unit} onClick={() => set('timeUnit', unit)} data-unit={unit || 'national'}>
                {t(`centerList.edit.unit.${unit || 'national'}`)}
              </button>
            ))}
          </div>
          {form.timeUnit === 'same_day' && (
            <label className="field">
              <span>{t('centerList.edit.cutoff')}</span>
              <input className="input" data-testid="edit-cutoff" inputMode="numeric" value={form.cutoff} onChange={(e) => set('cutoff', e.target.value)} />
              {error('cutoff')}
            </label>
          )}
          {form.timeUnit !== '' && form.timeUnit !== 'same_day' && (
            <label className="field">
              <span>{t('centerList.edit.value')}</span>
              <input className="input" data-testid="edit-time-value" inputMode="decimal" value={form.timeValue} onChange={(e) => set('timeValue', e.target.value)} />
              {error('timeValue')}
            </label>
          )}
        </fieldset>
        <fieldset className="field">
          <legend>{t('centerList.edit.fee')}</legend>
          <div className="segmented">
            {FEE_CHOICES.map((kind) => (
              <button key={kind || 'national'} type="button" className={`button${form.feeKind === kind ? ' active' : ''}`} aria-pressed={form.feeKind === kind} onClick={() => set('feeKind', kind)} data-fee={kind || 'national'}>
                {t(`centerList.edit.feeKind.${kind || 'national'}`)}
              </button>
            ))}
          </div>
          {form.feeKind === 'amount' && (
            <label className="field">
              <span>{t('centerList.edit.amount')}</span>
              <input className="input" data-testid="edit-fee-amount" inputMode="numeric" value={form.feeAmount} onChange={(e) => set('feeAmount', e.target.value)} />
              {error('feeAmount')}
            </label>
          )}
          {form.feeKind === 'text' && (
            <label className="field">
              <span>{t('centerList.edit.feeText')}</span>
              <input className="input" data-testid="edit-fee-text" maxLength={200} value={form.feeText} onChange={(e) => set('feeText', e.target.value)} />
              {error('feeText')}
            </label>
          )}
        </fieldset>
        <div className="field-row">
          <label className="field">
            <span>{t('centerList.edit.location')}</span>
            <input className="input" data-testid="edit-location" maxLength={120} value={form.location} onChange={(e) => set('location', e.target.value)} />
            {error('location')}
          </label>
          <label className="field">
            <span>{t('centerList.edit.counter')}</span>
            <input className="input" data-testid="edit-counter" maxLength={40} value={form.counter} onChange={(e) => set('counter', e.target.value)} />
            {error('counter')}
          </label>
        </div>
        <label className="field">
          <span>{t('centerList.edit.note')}</span>
          <input className="input" data-testid="edit-note" maxLength={300} value={form.note} onChange={(e) => set('note', e.target.value)} />
          {error('note')}
        </label>
      </div>
      <div className="entry-editor-actions">
        <button type="button" className="button primary big" onClick={apply} data-testid="edit-apply">
          {t('centerList.edit.apply')}
        </button>
        <button type="button" className="button big" onClick={onCancel} data-testid="edit-cancel">
          {t('centerList.edit.cancel')}
        </button>
      </div>
    </section>
  );
}
