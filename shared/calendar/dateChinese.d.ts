// date-chinese ships typings that its package.json "exports" hide from TypeScript's bundler
// resolution; these are the parts lunar.ts uses, copied from the package's types/index.d.ts.
declare module 'date-chinese' {
  export interface GregorianDate {
    year: number;
    month: number;
    day: number;
  }

  export class CalendarChinese {
    constructor(cycle?: number[] | CalendarChinese);
    /** Sets a lunar date: cycle, year in cycle, month, leap (0/1), day. */
    set(cycle: number, year: number, month: number, leap: number, day: number): this;
    /** [cycle, year, month, leap, day]. */
    get(): Array<number | boolean>;
    yearFromEpochCycle(): number;
    fromGregorian(year: number, month: number, day: number): this;
    toGregorian(gyear: number): GregorianDate;
  }

  /** The Chinese calendar computed for UTC+7 (Vietnam's time zone) from 1968 on. */
  export class CalendarVietnamese extends CalendarChinese {}
}
