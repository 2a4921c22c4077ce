/** Dates as the official papers write them, in Vietnam time: "ngày 09 tháng 03 năm 2027", "Thứ Ba, 17:00 ngày 09/03/2027". */
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import { fullDay, inputValues } from '../counterDates.ts';

/** Day, month and year of an instant in Vietnam, two digits each but the year. */
export function vietnamDateParts(date: Date): { day: string; month: string; year: string } {
  const [year, month, day] = inputValues(date).date.split('-');
  return { day: day ?? '', month: month ?? '', year: year ?? '' };
}

/** The parts of a due moment for `slips.common.dueMoment`: weekday ("Thứ Ba"), time ("17:00"), date ("09/03/2027"). */
export function dueMomentParts(date: Date): { weekday: string; time: string; date: string } {
  const weekday = date.toLocaleDateString('vi-VN', { timeZone: VIETNAM_TIME, weekday: 'long' });
  return { weekday: `${weekday.charAt(0).toLocaleUpperCase('vi')}${weekday.slice(1)}`, time: inputValues(date).time, date: fullDay(date) };
}
