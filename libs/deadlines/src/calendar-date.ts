import { LocalDate } from '@js-joda/core';

/** A calendar date `YYYY-MM-DD` in Europe/Amsterdam: no time, no offset. */
export type CalendarDate = string;

export const DESK_TIME_ZONE = 'Europe/Amsterdam';

const DIGIT_ZERO = 48;
const HYPHEN = 45;

/** The number written by `count` ASCII digits of `value` from `from`, else NaN. */
function digitsAt(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const digit = value.charCodeAt(i) - DIGIT_ZERO;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

/** Days in `month` (1–12) of `year` (proleptic Gregorian). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return 30 + ((month + (month >> 3)) & 1);
}

/**
 * Days since 1970-01-01 of a real date written `YYYY-MM-DD`, else NaN ("2021-02-31" is not one).
 * By hand, with nothing allocated: a list of 25 sets works out its deadlines' standing and late
 * risk from some hundred dates. Through js-joda's parser that was a quarter of the list's time in
 * the API; through a regular expression and a Date, a tenth of all it allocated (bench:scale's GC).
 * The count of days is Howard Hinnant's `days_from_civil`.
 */
function epochDayOf(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return NaN;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** True for a real date written `YYYY-MM-DD` ("2021-02-31" is not one). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && !Number.isNaN(epochDayOf(value));
}

/** The first and last year of a date the desk accepts, in a body, a query or a document (PostgreSQL has no year 0). */
export const DATE_YEARS = { first: 1800, last: 2999 } as const;

/** True when a YYYY-MM-DD date lies within the desk's years. */
export function isWithinDateYears(date: CalendarDate): boolean {
  const year = Number(date.slice(0, 4));
  return year >= DATE_YEARS.first && year <= DATE_YEARS.last;
}

/** The epoch day of `date`; a RangeError when it is not a calendar date. */
function epochDay(date: CalendarDate): number {
  const day = typeof date === 'string' ? epochDayOf(date) : NaN;
  if (Number.isNaN(day)) throw new RangeError(`"${String(date)}" is not a calendar date (YYYY-MM-DD)`);
  return day;
}

function local(date: CalendarDate): LocalDate {
  return LocalDate.ofEpochDay(epochDay(date));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return local(date).plusDays(days).toString();
}

export function addWeeks(date: CalendarDate, weeks: number): CalendarDate {
  return local(date).plusWeeks(weeks).toString();
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return epochDay(to) - epochDay(from);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: CalendarDate): number {
  return local(date).dayOfWeek().value();
}

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: DESK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Since 1940 Amsterdam's offset from UTC is whole hours: within one UTC minute the date there is one. */
const WHOLE_HOUR_OFFSETS_FROM = Date.UTC(1940, 0, 1);
let lastMinute: { minute: number; date: CalendarDate } | null = null;

/**
 * The calendar date in Amsterdam at `instant`, whatever the server's own time zone. The last
 * minute's answer is kept: a request asks for today many times (each ministry of a list, each set's
 * standing), and the Intl formatter costs tens of µs a call.
 */
export function amsterdamDateOf(instant: Date): CalendarDate {
  const time = instant.getTime();
  const minute = Math.floor(time / 60_000);
  if (lastMinute?.minute === minute) return lastMinute.date;
  const parts = Object.fromEntries(amsterdamDate.formatToParts(instant).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  if (time >= WHOLE_HOUR_OFFSETS_FROM) lastMinute = { minute, date };
  return date;
}
