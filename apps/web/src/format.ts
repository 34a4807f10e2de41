import { STATUS_NAMES } from '@question-desk/question-sets/statuses';

/** Dutch wording of dates and deadlines, from ISO calendar dates without any time-zone shift. */
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2020-12-22" → "22 december 2020"; a timestamp's own calendar date is used as written. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

const amsterdamTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment (audit trail, notifications) as the desk sees it: Amsterdam time. */
export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : amsterdamTime.format(date);
}

/** "HH:MM" in Amsterdam time, `seconds` from now (for Retry-After). */
export function clockTimeIn(seconds: number, now = new Date()): string {
  const at = new Date(now.getTime() + seconds * 1000);
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = new Date()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now.getTime()) / 1000));
}

export function daysText(days: number | null | undefined): string | null {
  if (days === null || days === undefined) return null;
  if (days > 1) return `nog ${days} dagen`;
  if (days === 1) return 'nog 1 dag';
  if (days === 0) return 'vandaag';
  if (days === -1) return '1 dag te laat';
  return `${-days} dagen te laat`;
}

/** Today's calendar date in Amsterdam, as YYYY-MM-DD (default of date fields). */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** "vraag 1", "vragen 3, 4 en 5". */
export function questionNumbersText(numbers: readonly number[]): string {
  if (numbers.length === 1) return `vraag ${numbers[0]}`;
  return `vragen ${numbers.slice(0, -1).join(', ')} en ${numbers[numbers.length - 1]}`;
}

/** The statuses' Dutch names: the one table the API's downloads use too. */
export const STATUS_LABELS: Readonly<Record<string, string>> = STATUS_NAMES;

export const ROLE_LABELS: Record<string, string> = {
  desk: 'Deskmedewerker',
  drafter: 'Behandelaar',
  coordinator: 'Coördinator',
  admin: 'Beheerder',
};

export const CHAMBER_LABELS: Record<string, string> = { TK: 'Tweede Kamer', EK: 'Eerste Kamer' };

export function submittersText(submitters: ReadonlyArray<{ name: string; party: string | null }>): string {
  return submitters.map((s) => (s.party ? `${s.name} (${s.party})` : s.name)).join(', ');
}

/** Calendar days from today (Amsterdam) until an ISO date: negative once it has passed. */
export function daysUntil(iso: string, today = todayIso()): number {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((day(iso) - day(today)) / 86_400_000);
}
