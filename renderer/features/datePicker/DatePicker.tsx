/**
 * A date entry for touch screens that always reads dd/mm/yyyy, whatever the language of the OS or
 * browser (an <input type=date> follows the OS and shows mm/dd/yyyy on an English Windows). Staff
 * type the digits on a numeric pad (slashes come by themselves) or tap a day on the month grid;
 * with a work calendar, rest days are greyed and cannot be tapped.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayNumberOf, isoFromDayNumber, ymdOf, dayNumberFromIso, type IsoDate } from '../../../shared/calendar/civilDay.ts';
import { formatDayMonthYear, maskDayMonthYear, parseDayMonthYear } from '../../../shared/calendar/dayMonthYear.ts';
import type { WorkCalendar } from '../../../shared/calendar/holidayTable.ts';
import { monthGrid, shiftMonth } from './monthGrid.ts';
import './datePicker.css';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface DatePickerProps {
  /** The text input's id, for its <label htmlFor>. */
  id: string;
  /** dd/mm/yyyy as typed or picked (may be incomplete while typing). */
  value: string;
  onChange(text: string): void;
  testId: string;
  invalid?: boolean;
  /** Id of the message under the field, read out with it. */
  describedBy?: string;
  /** First and last days that can be picked. */
  min?: IsoDate;
  max?: IsoDate;
  /** The device's work calendar: rest days are shown and cannot be picked. */
  calendar?: WorkCalendar;
  /** Show the month grid at once (an appointment) instead of behind a button (a date of birth). */
  gridOpen?: boolean;
}

function startMonth(value: string, min: IsoDate | undefined): { year: number; month: number } {
  const parsed = parseDayMonthYear(value);
  const day = parsed.ok ? dayNumberFromIso(parsed.value) : min ? dayNumberFromIso(min) : null;
  const { year, month } = ymdOf(day ?? dayNumberOf(new Date()));
  return { year, month };
}

export function DatePicker({ id, value, onChange, testId, invalid, describedBy, min, max, calendar, gridOpen = false }: DatePickerProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(gridOpen);
  const [shown, setShown] = useState(() => startMonth(value, min));
  const parsed = parseDayMonthYear(value);
  const selected = parsed.ok ? parsed.value : null;

  // A date typed in full brings its month into view (state adjusted while rendering, not in an effect).
  const [seen, setSeen] = useState(selected);
  if (selected !== seen) {
    setSeen(selected);
    if (selected) {
      const { year, month } = ymdOf(dayNumberFromIso(selected)!);
      setShown({ year, month });
    }
  }

  const today = isoFromDayNumber(dayNumberOf(new Date()));
  const weeks = useMemo(
    () => monthGrid(shown.year, shown.month, { min, max, calendar, selected, today }),
    [shown.year, shown.month, min, max, calendar, selected, today],
  );
  const step = (months: number) => setShown((s) => shiftMonth(s.year, s.month, months));

  return (
    <div className="date-picker" data-testid={`${testId}-picker`}>
      <div className="date-entry">
        <input
          id={id}
          className="input"
          data-testid={testId}
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('datePicker.placeholder')}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(maskDayMonthYear(e.target.value))}
        />
        {!gridOpen && (
          <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid={`${testId}-toggle`}>
            {open ? t('datePicker.closeCalendar') : t('datePicker.openCalendar')}
          </button>
        )}
      </div>
      {open && (
        <div className="date-grid" data-testid={`${testId}-grid`} data-month={`${shown.year}-${String(shown.month).padStart(2, '0')}`}>
          <div className="date-grid-head">
            <button type="button" className="button" onClick={() => step(-12)} aria-label={t('datePicker.previousYear')}>
              «
            </button>
            <button type="button" className="button" onClick={() => step(-1)} aria-label={t('datePicker.previousMonth')} data-testid={`${testId}-previous`}>
              ‹
            </button>
            <strong aria-live="polite">{t('datePicker.month', { month: shown.month, year: shown.year })}</strong>
            <button type="button" className="button" onClick={() => step(1)} aria-label={t('datePicker.nextMonth')} data-testid={`${testId}-next`}>
              ›
            </button>
            <button type="button" className="button" onClick={() => step(12)} aria-label={t('datePicker.nextYear')}>
              »
            </button>
          </div>
          <table className="date-table">
            <thead>
              <tr>
                {WEEKDAYS.map((w) => (
                  <th key={w} scope="col">
                    {t(`datePicker.weekdays.${w}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week[0]!.date}>
                  {week.map((d) => (
                    <td key={d.date}>
                      <button
                        type="button"
                        className={['date-day', d.inMonth ? '' : 'other-month', d.rest ? 'rest' : '', d.selected ? 'selected' : '', d.today ? 'today' : ''].filter(Boolean).join(' ')}
                        disabled={!d.selectable}
                        aria-pressed={d.selected}
                        aria-label={d.restName ? `${formatDayMonthYear(d.date)} – ${d.restName}` : formatDayMonthYear(d.date)}
                        title={d.restName ?? (d.rest ? t('datePicker.restDay') : undefined)}
                        data-date={d.date}
                        onClick={() => onChange(formatDayMonthYear(d.date))}
                      >
                        {d.day}
                      </button>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {calendar && <p className="muted small">{t('datePicker.restLegend')}</p>}
        </div>
      )}
    </div>
  );
}
