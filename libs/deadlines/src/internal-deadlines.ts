import { addDays, type CalendarDate, daysBetween } from './calendar-date';

/** Calendar days before the deadline in force by which each internal step should be done. */
export interface InternalDeadlinePolicy {
  draft: number;
  review: number;
  coSigning: number;
}

export const DEFAULT_INTERNAL_DEADLINE_POLICY: InternalDeadlinePolicy = { draft: 10, review: 5, coSigning: 2 };

export interface InternalDeadlines {
  draft: CalendarDate | null;
  review: CalendarDate | null;
  coSigning: CalendarDate | null;
}

/**
 * The lead ministry's own deadlines, counted back from the deadline in force. A draft deadline the
 * desk gives replaces the derived one; review and co-signing stay counted from the deadline.
 */
export function internalDeadlines(deadline: CalendarDate | null, policy: InternalDeadlinePolicy, draftGiven?: CalendarDate | null): InternalDeadlines {
  if (!deadline) return { draft: draftGiven ?? null, review: null, coSigning: null };
  return {
    draft: draftGiven ?? addDays(deadline, -policy.draft),
    review: addDays(deadline, -policy.review),
    coSigning: addDays(deadline, -policy.coSigning),
  };
}

/** When a postponement moves the deadline, the internal deadlines move with it by as many days. */
export function shiftInternalDeadlines(current: InternalDeadlines, from: CalendarDate, to: CalendarDate): InternalDeadlines {
  const days = daysBetween(from, to);
  const shift = (date: CalendarDate | null) => (date ? addDays(date, days) : null);
  return { draft: shift(current.draft), review: shift(current.review), coSigning: shift(current.coSigning) };
}
