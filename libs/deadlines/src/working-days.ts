import { addDays, dayOfWeek, daysBetween, type CalendarDate } from './calendar-date';
import Holidays from 'date-holidays';

/**
 * The desk's working days: Monday to Friday, except the Dutch public holidays as the `date-holidays`
 * library lists them for NL with type "public": Nieuwjaarsdag, Pasen and Tweede paasdag,
 * Koningsdag (26 April when the 27th is a Sunday), Hemelvaartsdag, Pinksteren and Tweede
 * pinksterdag, Kerstmis and Tweede kerstdag. The library does not count Goede Vrijdag or
 * Bevrijdingsdag (5 May, also in the lustrum years 2025, 2030 …) as public holidays, so they are
 * working days here.
 */
export class WorkingDays {
  private readonly byYear = new Map<number, ReadonlySet<CalendarDate>>();

  constructor(private readonly holidays = new Holidays('NL', { types: ['public'] })) {}

  /** The public holidays of a year, as calendar dates. */
  holidaysOf(year: number): ReadonlySet<CalendarDate> {
    let dates = this.byYear.get(year);
    if (!dates) {
      dates = new Set(
        this.holidays
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10)),
      );
      this.byYear.set(year, dates);
    }
    return dates;
  }

  isWorkingDay(date: CalendarDate): boolean {
    return dayOfWeek(date) <= 5 && !this.holidaysOf(Number(date.slice(0, 4))).has(date);
  }

  /** The `count`-th working day after `date` (count > 0) or before it (count < 0); `date` itself never counts. */
  addWorkingDays(date: CalendarDate, count: number): CalendarDate {
    const step = count < 0 ? -1 : 1;
    let current = date;
    for (let left = Math.abs(count); left > 0;) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) left -= 1;
    }
    return current;
  }

  /** `date` when it is a working day, else the next one. */
  onOrAfter(date: CalendarDate): CalendarDate {
    return this.isWorkingDay(date) ? date : this.addWorkingDays(date, 1);
  }

  /** `date` when it is a working day, else the one before it. */
  onOrBefore(date: CalendarDate): CalendarDate {
    return this.isWorkingDay(date) ? date : this.addWorkingDays(date, -1);
  }

  /**
   * Working days from `from` up to `to`: those on or after `from` and before `to`, negative when
   * `to` is earlier. The inverse of `addWorkingDays` for a working day: a working day n working days
   * before `to` is n working days from it.
   */
  between(from: CalendarDate, to: CalendarDate): number {
    const sign = daysBetween(from, to) < 0 ? -1 : 1;
    const [start, end] = sign > 0 ? [from, to] : [to, from];
    let count = 0;
    for (let day = start; daysBetween(day, end) > 0; day = addDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return sign * count;
  }
}

/** One shared calendar: the holiday lists are computed once per year. */
export const DUTCH_WORKING_DAYS = new WorkingDays();
