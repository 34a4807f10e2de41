import { daysBetween, type CalendarDate } from './calendar-date';
import type { WorkingDays } from './working-days';

/** Working days before the deadline in force by which each internal step should be done. */
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

/** The internal steps in the order they are taken. */
export const INTERNAL_STEPS = ['draft', 'review', 'coSigning'] as const;
export type InternalStep = (typeof INTERNAL_STEPS)[number];

/** How the steps are named in a message. */
const STEP_NAMES: Record<InternalStep, string> = { draft: 'draft', review: 'review', coSigning: 'co-signing' };

/** `count` working days before `date`; with 0, `date` itself or the working day before it. */
function workingDaysBefore(calendar: WorkingDays, date: CalendarDate, count: number): CalendarDate {
  return count === 0 ? calendar.onOrBefore(date) : calendar.addWorkingDays(date, -count);
}

/**
 * The lead ministry's own deadlines, counted back in working days from the deadline in force, so
 * none falls on a weekend or public holiday. A draft deadline the desk gives replaces the derived
 * one (moved to the working day before when it is not a working day); review and co-signing stay
 * counted from the deadline.
 */
export function internalDeadlines(
  deadline: CalendarDate | null,
  policy: InternalDeadlinePolicy,
  calendar: WorkingDays,
  draftGiven?: CalendarDate | null,
): InternalDeadlines {
  const draft = draftGiven ? calendar.onOrBefore(draftGiven) : null;
  if (!deadline) return { draft, review: null, coSigning: null };
  return {
    draft: draft ?? workingDaysBefore(calendar, deadline, policy.draft),
    review: workingDaysBefore(calendar, deadline, policy.review),
    coSigning: workingDaysBefore(calendar, deadline, policy.coSigning),
  };
}

/**
 * When a postponement moves the deadline, the internal deadlines move with it: each stays as many
 * working days before the new deadline as it was before the old one.
 */
export function shiftInternalDeadlines(current: InternalDeadlines, from: CalendarDate, to: CalendarDate, calendar: WorkingDays): InternalDeadlines {
  const shift = (date: CalendarDate | null) => (date ? workingDaysBefore(calendar, to, calendar.between(date, from)) : null);
  return { draft: shift(current.draft), review: shift(current.review), coSigning: shift(current.coSigning) };
}

export interface CaughtUpDeadlines {
  deadlines: InternalDeadlines;
  /** One line per internal deadline that had already passed and was moved. */
  warnings: string[];
}

/**
 * Internal deadlines that would already be past on `today` (a set assigned late) move to the next
 * working days: the first to the working day after today, each later step a working day after the
 * one before, so the steps keep their order. The warnings say what moved, and when even that is after
 * the deadline in force.
 */
export function catchUpInternalDeadlines(
  deadlines: InternalDeadlines,
  today: CalendarDate,
  deadline: CalendarDate | null,
  calendar: WorkingDays,
): CaughtUpDeadlines {
  const result: InternalDeadlines = { ...deadlines };
  const warnings: string[] = [];
  let earliest = calendar.addWorkingDays(today, 1);
  let moved = false;
  for (const step of INTERNAL_STEPS) {
    const date = result[step];
    if (!date) continue;
    const past = daysBetween(date, today) > 0;
    if (past || (moved && daysBetween(date, earliest) > 0)) {
      result[step] = earliest;
      moved = true;
      const why = past ? 'which has passed' : 'before the step that comes first';
      const late = deadline && daysBetween(deadline, earliest) > 0 ? `, after the deadline in force (${deadline}): register a postponement` : '';
      warnings.push(`The internal ${STEP_NAMES[step]} deadline would have been ${date}, ${why}; it is set to ${earliest}, the next working day${late}.`);
    }
    const next = calendar.addWorkingDays(result[step]!, 1);
    if (daysBetween(earliest, next) > 0) earliest = next;
  }
  return { deadlines: result, warnings };
}
