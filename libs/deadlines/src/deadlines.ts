import { addWeeks, CalendarDate, daysBetween } from './calendar-date';
import type { ChamberRule } from './chambers';

/** Submission date + the chamber's response period. */
export function statutoryDeadline(submittedOn: CalendarDate, rule: ChamberRule): CalendarDate {
  return addWeeks(submittedOn, rule.responseWeeks);
}

export interface RegisteredPostponement {
  newDeadline: CalendarDate;
}

/**
 * The deadline in force: the new date of the last postponement registered, else the statutory
 * deadline. `postponements` are in the order they were registered.
 */
export function effectiveDeadline(statutory: CalendarDate | null, postponements: readonly RegisteredPostponement[]): CalendarDate | null {
  return postponements.length > 0 ? postponements[postponements.length - 1].newDeadline : statutory;
}

/**
 * Where a postponement without a date of its own moves the deadline: the House's practice is
 * three more weeks on top of the statutory period (six in all).
 */
export function defaultPostponedDeadline(statutory: CalendarDate, postponementWeeks: number): CalendarDate {
  return addWeeks(statutory, postponementWeeks);
}

export interface DeadlineFacts {
  /** Open sets can be overdue; answered and withdrawn sets cannot. */
  open: boolean;
  withdrawn: boolean;
  statutoryDeadline: CalendarDate | null;
  deadline: CalendarDate | null;
  answeredOn: CalendarDate | null;
  hasPostponement: boolean;
  today: CalendarDate;
}

export interface DeadlineStanding {
  /** Open and today is after the deadline. */
  overdue: boolean;
  /** Open, past the statutory deadline, and no postponement registered. */
  postponementMissing: boolean;
  /** Calendar days past the deadline: open until today, answered until the answer. */
  daysOverdue: number;
}

export function deadlineStanding(facts: DeadlineFacts): DeadlineStanding {
  const { open, withdrawn, deadline, statutoryDeadline, answeredOn, hasPostponement, today } = facts;
  const overdue = open && deadline !== null && daysBetween(deadline, today) > 0;
  const postponementMissing = open && !hasPostponement && statutoryDeadline !== null && daysBetween(statutoryDeadline, today) > 0;
  const end = open ? today : answeredOn;
  const daysOverdue = withdrawn || deadline === null || end === null ? 0 : Math.max(0, daysBetween(deadline, end));
  return { overdue, postponementMissing, daysOverdue };
}
