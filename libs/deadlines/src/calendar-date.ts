import { LocalDate } from '@js-joda/core';

/** A calendar date `YYYY-MM-DD` in Europe/Amsterdam: no time, no offset. */
export type CalendarDate = string;

export const DESK_TIME_ZONE = 'Europe/Amsterdam';

const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a real date written `YYYY-MM-DD`, else NaN ("2021-02-31" is not one).
 * By hand rather than through js-joda's parser: a list of 25 sets works out its deadlines' standing
 * from some hundred dates, and parsing them was a quarter of the list's time in the API.
 */
function epochDayOf(value: string): number {
  const parts = YYYY_MM_DD.exec(value);
  if (!parts) return NaN;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  return instant.getUTCFullYear() === year && instant.getUTCMonth() === month - 1 && instant.getUTCDate() === day ? instant.getTime() / MS_PER_DAY : NaN;
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
