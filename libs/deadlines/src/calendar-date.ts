import { ChronoUnit, DateTimeFormatter, LocalDate, ResolverStyle } from '@js-joda/core';

/** A calendar date `YYYY-MM-DD` in Europe/Amsterdam: no time, no offset. */
export type CalendarDate = string;

export const DESK_TIME_ZONE = 'Europe/Amsterdam';

const STRICT_ISO = DateTimeFormatter.ofPattern('uuuu-MM-dd').withResolverStyle(ResolverStyle.STRICT);

/** True for a real date written `YYYY-MM-DD` ("2021-02-31" is not one). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    LocalDate.parse(value, STRICT_ISO);
    return true;
  } catch {
    return false;
  }
}

/** The first and last year of a date the desk accepts, in a body, a query or a document (PostgreSQL has no year 0). */
export const DATE_YEARS = { first: 1800, last: 2999 } as const;

/** True when a YYYY-MM-DD date lies within the desk's years. */
export function isWithinDateYears(date: CalendarDate): boolean {
  const year = Number(date.slice(0, 4));
  return year >= DATE_YEARS.first && year <= DATE_YEARS.last;
}

function local(date: CalendarDate): LocalDate {
  if (!isCalendarDate(date)) throw new RangeError(`"${String(date)}" is not a calendar date (YYYY-MM-DD)`);
  return LocalDate.parse(date, STRICT_ISO);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return local(date).plusDays(days).toString();
}

export function addWeeks(date: CalendarDate, weeks: number): CalendarDate {
  return local(date).plusWeeks(weeks).toString();
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return local(from).until(local(to), ChronoUnit.DAYS);
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

/** The calendar date in Amsterdam at `instant`, whatever the server's own time zone. */
export function amsterdamDateOf(instant: Date): CalendarDate {
  const parts = Object.fromEntries(amsterdamDate.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
