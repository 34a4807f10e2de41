import { DocumentNotReadable } from '../parsed-document';

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  februari: 2,
  maart: 3,
  april: 4,
  mei: 5,
  juni: 6,
  juli: 7,
  augustus: 8,
  september: 9,
  oktober: 10,
  november: 11,
  december: 12,
};

/**
 * A Dutch written date: day, month name, year. `\s+` lets it run over a hard wrap
 * ("13 april \n2021"). Three capture groups: day, month, year. No flags: callers compose it.
 */
export const DUTCH_DATE = String.raw`(\d{1,2})\s+(${Object.keys(MONTHS).join('|')})\s+(\d{4})`;

const WEEKDAY = String.raw`(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+`;
const WHOLE_DATE = new RegExp(String.raw`^\s*(?:${WEEKDAY})?${DUTCH_DATE}\s*$`, 'i');

/**
 * "15 januari 2021" → "2021-01-15". Returns null when the text is not a written Dutch date.
 * Throws DocumentNotReadable when it is written like one but does not exist ("31 februari 2021"):
 * a document carrying such a date cannot be trusted for deadlines.
 */
export function parseDutchDate(text: string): string | null {
  const match = WHOLE_DATE.exec(text);
  return match ? calendarDate(match[1], match[2], match[3]) : null;
}

/**
 * The inverse of parseDutchDate: "2021-04-13" → "13 april 2021", as the Aanhangsel writes dates.
 * Throws on anything that is not a calendar date `YYYY-MM-DD`: a caller passing one is a bug.
 */
export function formatDutchDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const monthName = match ? Object.keys(MONTHS)[Number(match[2]) - 1] : undefined;
  if (!match || !monthName || Number(match[3]) < 1 || Number(match[3]) > daysInMonth(Number(match[1]), Number(match[2]))) {
    throw new RangeError(`'${isoDate}' is not a calendar date YYYY-MM-DD`);
  }
  return `${Number(match[3])} ${monthName} ${match[1]}`;
}

/** The date written right after `keyword` ("ingezonden 15 januari 2021"), or null. */
export function dateAfter(text: string, keyword: string): string | null {
  const match = new RegExp(String.raw`(?<![\p{L}])${keyword}\s+(?:op\s+)?${DUTCH_DATE}`, 'iu').exec(text);
  return match ? calendarDate(match[1], match[2], match[3]) : null;
}

/** Builds the ISO date from the three captures of DUTCH_DATE. */
export function calendarDate(day: string, monthName: string, year: string): string {
  const d = Number(day);
  const m = MONTHS[monthName.toLowerCase()];
  const y = Number(year);
  if (!m || d < 1 || d > daysInMonth(y, m) || y < 1800) {
    throw new DocumentNotReadable([`'${day} ${monthName} ${year}' is not a date`]);
  }
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
