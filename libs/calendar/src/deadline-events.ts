import { addDays, type CalendarDate } from '@question-desk/deadlines';
import ical from 'ical-generator';

/** One all-day entry of the deadline calendar. */
export interface DeadlineEvent {
  /** Stable per set and kind of deadline, so a moved date updates the entry instead of adding one. */
  uid: string;
  date: CalendarDate;
  summary: string;
  description: string;
  url: string;
}

/** What the calendar needs of a set. */
export interface CalendarSet {
  id: string;
  reference: string | null;
  subject: string | null;
  leadMinistryCode: string | null;
  deadline: CalendarDate | null;
  draftDeadline: CalendarDate | null;
  reviewDeadline: CalendarDate | null;
  coSigningDeadline: CalendarDate | null;
}

/** Which deadlines of a set a person follows: the one in force (desk, coordinator) or the lead ministry's own (drafter). */
export type DeadlineKind = 'deadline' | 'draft' | 'review' | 'co-signing';

const KINDS: Record<DeadlineKind, { label: string; date: (set: CalendarSet) => CalendarDate | null }> = {
  deadline: { label: 'Termijn', date: (set) => set.deadline },
  draft: { label: 'Concept klaar', date: (set) => set.draftDeadline },
  review: { label: 'Beoordeling klaar', date: (set) => set.reviewDeadline },
  'co-signing': { label: 'Medeondertekening klaar', date: (set) => set.coSigningDeadline },
};

const UID_DOMAIN = 'vragendesk';

/** The entries of `set` for `kinds`: one per deadline it has. */
export function deadlineEvents(set: CalendarSet, kinds: readonly DeadlineKind[], publicUrl: string): DeadlineEvent[] {
  const title = [set.reference, set.subject].filter(Boolean).join(' — ') || 'Vragenset zonder onderwerp';
  const url = `${publicUrl.replace(/\/$/, '')}/vragensets/${set.id}`;
  return kinds.flatMap((kind) => {
    const date = KINDS[kind].date(set);
    if (!date) return [];
    return [
      {
        uid: `${set.id}-${kind}@${UID_DOMAIN}`,
        date,
        summary: `${KINDS[kind].label}: ${title}`,
        description: `${KINDS[kind].label} van ${set.reference ?? 'de vragenset'}${set.leadMinistryCode ? ` (${set.leadMinistryCode})` : ''}.\n${url}`,
        url,
      },
    ];
  });
}

const utcMidnight = (date: CalendarDate) => new Date(`${date}T00:00:00Z`);

/**
 * The feed as iCalendar text: all-day entries (DTSTART;VALUE=DATE, DTEND the day after), the
 * dates being Amsterdam calendar dates. No TZID is written on a date: a day is a day everywhere.
 */
export function deadlineCalendar(name: string, events: readonly DeadlineEvent[], now: Date): string {
  const calendar = ical({
    name,
    prodId: { company: 'Vragendesk', product: 'Termijnenagenda', language: 'NL' },
    ttl: 60 * 60,
    x: [{ key: 'X-WR-TIMEZONE', value: 'Europe/Amsterdam' }],
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      // Dates without a time zone are written from their UTC fields: midnight UTC is the calendar date itself.
      start: utcMidnight(event.date),
      end: utcMidnight(addDays(event.date, 1)),
      allDay: true,
      stamp: now,
      summary: event.summary,
      description: event.description,
      url: event.url,
    });
  }
  return calendar.toString();
}
