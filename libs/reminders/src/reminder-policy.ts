import type { Role } from '@question-desk/accounts';
import { addDays, dayOfWeek, daysBetween, type CalendarDate, type WorkingDays } from '@question-desk/deadlines';
import { isOpen, type QuestionSetStatus } from '@question-desk/question-sets';

/** The reminders the desk sends. The names are part of REMINDER_POLICY and of the notifications API. */
export const REMINDER_KINDS = [
  'draft-due-soon',
  'draft-due-today',
  'deadline-due-soon',
  'deadline-due-today',
  'postponement-due-soon',
  'postponement-due',
  'overdue-digest',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Who receives a reminder. A user without a ministry covers every ministry. */
export type Recipients = 'assignee' | 'desk-and-coordinators' | 'coordinators';

/** The date a reminder is about. It is part of the reminder's key, so a moved date makes a new reminder. */
export type ReferenceDate = 'draftDeadline' | 'deadline' | 'statutoryDeadline' | 'digestDay';

/**
 * When a reminder is due, relative to its reference date:
 * - `workingDaysBefore`: from that many working days before the date, until the day before it;
 * - `onTheDay`: on the date itself;
 * - `daysAfter`: from that many calendar days after the date, for as long as the condition holds
 *   (a day missed while nobody sent it is caught up on the next sweep, once per set and date, to
 *   everyone it concerns then: someone who joins the desk later is not told about old sets);
 * - `weekday`: once a week, on the first working day from that day of the week (1 = Monday).
 */
export type Timing = { workingDaysBefore: number } | { onTheDay: true } | { daysAfter: number } | { weekday: number };

/** What must hold of a set for its reminder to go out. */
export type Condition = 'drafting' | 'before-review' | 'open' | 'open-without-postponement' | 'overdue';

export interface ReminderRule {
  kind: ReminderKind;
  to: Recipients;
  about: ReferenceDate;
  timing: Timing;
  while: Condition;
}

/** The policy as one table. Code reads it; nothing re-states it in an `if`. */
export const DEFAULT_REMINDER_POLICY: readonly ReminderRule[] = [
  { kind: 'draft-due-soon', to: 'assignee', about: 'draftDeadline', timing: { workingDaysBefore: 3 }, while: 'drafting' },
  { kind: 'draft-due-today', to: 'assignee', about: 'draftDeadline', timing: { onTheDay: true }, while: 'drafting' },
  { kind: 'deadline-due-soon', to: 'assignee', about: 'deadline', timing: { workingDaysBefore: 3 }, while: 'open' },
  { kind: 'deadline-due-today', to: 'assignee', about: 'deadline', timing: { onTheDay: true }, while: 'open' },
  // "Uitstelbericht needed" before it is too late: the answer is not yet in review a few working days before the deadline in force.
  { kind: 'postponement-due-soon', to: 'desk-and-coordinators', about: 'deadline', timing: { workingDaysBefore: 3 }, while: 'before-review' },
  { kind: 'postponement-due', to: 'desk-and-coordinators', about: 'statutoryDeadline', timing: { daysAfter: 1 }, while: 'open-without-postponement' },
  { kind: 'overdue-digest', to: 'coordinators', about: 'digestDay', timing: { weekday: 1 }, while: 'overdue' },
];

export type ReminderPolicy = readonly ReminderRule[];

/** Statuses in which the internal draft is still being written. */
export const DRAFTING_STATUSES: readonly QuestionSetStatus[] = ['assigned', 'drafting'];

/** Statuses before the answer goes to review: a late set here will need an uitstelbericht. */
export const BEFORE_REVIEW_STATUSES: readonly QuestionSetStatus[] = ['received', 'assigned', 'drafting'];

/**
 * The policy with REMINDER_POLICY's changes: `false` switches a reminder off, a number replaces the
 * day of its timing (working days before, days after, or the day of the week).
 */
export function reminderPolicy(changes: Partial<Record<string, number | false>> = {}): ReminderPolicy {
  const unknown = Object.keys(changes).filter((kind) => !(REMINDER_KINDS as readonly string[]).includes(kind));
  if (unknown.length)
    throw new RangeError(`Unknown reminder ${unknown.length === 1 ? 'kind' : 'kinds'} ${unknown.join(', ')}; known: ${REMINDER_KINDS.join(', ')}`);
  return DEFAULT_REMINDER_POLICY.flatMap((rule): ReminderRule[] => {
    const change = changes[rule.kind];
    if (change === undefined) return [rule];
    if (change === false) return [];
    return [{ ...rule, timing: withDay(rule.timing, change) }];
  });
}

function withDay(timing: Timing, day: number): Timing {
  if ('workingDaysBefore' in timing) return { workingDaysBefore: day };
  if ('daysAfter' in timing) return { daysAfter: day };
  if ('weekday' in timing) return { weekday: day };
  throw new RangeError('A reminder on the day itself has no day to change; only false switches it off');
}

export function ruleFor(policy: ReminderPolicy, kind: string): ReminderRule | undefined {
  return policy.find((rule) => rule.kind === kind);
}

/**
 * Reference dates `from`…`to` (inclusive; `from` null: no lower bound) whose reminder is due today,
 * and the day on which its condition must hold: today, except for a weekly digest, whose condition
 * is taken on its own day (a digest missed on Monday is caught up, but a set that first became
 * overdue on Wednesday waits for next Monday).
 */
export interface DueWindow {
  from: CalendarDate | null;
  to: CalendarDate;
  conditionOn: CalendarDate;
}

/**
 * Which reference dates make `rule` due on `today`. The sweep selects sets by this window in SQL;
 * `remindersDue` applies it to one situation in memory.
 *
 * `workingDaysBefore: n` is due from n working days before the date until the day before it; that
 * holds exactly for the dates after today up to the n-th working day after today.
 */
export function dueWindow(rule: ReminderRule, today: CalendarDate, calendar: WorkingDays): DueWindow {
  const { timing } = rule;
  if ('workingDaysBefore' in timing) return { from: addDays(today, 1), to: calendar.addWorkingDays(today, timing.workingDaysBefore), conditionOn: today };
  if ('onTheDay' in timing) return { from: today, to: today, conditionOn: today };
  if ('daysAfter' in timing) return { from: null, to: addDays(today, -timing.daysAfter), conditionOn: today };
  const day = digestDay(timing.weekday, today, calendar);
  return { from: day, to: day, conditionOn: calendar.onOrAfter(day) };
}

/**
 * The week's digest day a digest sent today belongs to: the latest `weekday` whose first working
 * day (a Monday that is Tweede paasdag moves to Tuesday) is today or earlier.
 */
export function digestDay(weekday: number, today: CalendarDate, calendar: WorkingDays): CalendarDate {
  const thisWeek = addDays(today, -((dayOfWeek(today) - weekday + 7) % 7));
  return daysBetween(calendar.onOrAfter(thisWeek), today) >= 0 ? thisWeek : addDays(thisWeek, -7);
}

/** What the policy needs to know of a question set. */
export interface SetFacts {
  id: string;
  status: QuestionSetStatus;
  statutoryDeadline: CalendarDate | null;
  deadline: CalendarDate | null;
  draftDeadline: CalendarDate | null;
  assigneeId: string | null;
  leadMinistryCode: string | null;
  hasPostponement: boolean;
}

/** What the policy needs to know of a person. */
export interface PersonFacts {
  id: string;
  roles: readonly Role[];
  /** Null: covers every ministry. */
  ministryCode: string | null;
  active: boolean;
}

export interface DueReminder {
  kind: ReminderKind;
  /** Null for a digest, which is about a person's sets together. */
  questionSetId: string | null;
  recipientId: string;
  /** The date it is about: part of its key. */
  refersTo: CalendarDate;
}

export function referenceDateOf(rule: ReminderRule, set: SetFacts): CalendarDate | null {
  switch (rule.about) {
    case 'draftDeadline':
      return set.draftDeadline;
    case 'deadline':
      return set.deadline;
    case 'statutoryDeadline':
      return set.statutoryDeadline;
    case 'digestDay':
      return null;
  }
}

export function conditionHolds(condition: Condition, set: SetFacts, today: CalendarDate): boolean {
  switch (condition) {
    case 'drafting':
      return DRAFTING_STATUSES.includes(set.status);
    case 'before-review':
      return BEFORE_REVIEW_STATUSES.includes(set.status);
    case 'open':
      return isOpen(set.status);
    case 'open-without-postponement':
      return isOpen(set.status) && !set.hasPostponement;
    case 'overdue':
      return isOpen(set.status) && set.deadline !== null && daysBetween(set.deadline, today) > 0;
  }
}

/** Is `person` someone this rule writes to about `set`? (For digests: about one of their sets.) */
export function isRecipient(to: Recipients, person: PersonFacts, set: SetFacts): boolean {
  if (!person.active) return false;
  const covers = person.ministryCode === null || person.ministryCode === set.leadMinistryCode;
  switch (to) {
    case 'assignee':
      return set.assigneeId === person.id;
    case 'desk-and-coordinators':
      return covers && (person.roles.includes('desk') || person.roles.includes('coordinator'));
    case 'coordinators':
      return covers && person.roles.includes('coordinator');
  }
}

function within(date: CalendarDate, window: DueWindow): boolean {
  return (window.from === null || daysBetween(window.from, date) >= 0) && daysBetween(date, window.to) >= 0;
}

/**
 * Every reminder the policy calls for today, in a situation held in memory. This is the meaning of
 * the sweep's SQL; unit tests run the scenarios through it, end-to-end tests through the sweep.
 * The ledger makes each one go out once: a reminder already recorded is not due again.
 */
export function remindersDue(
  policy: ReminderPolicy,
  situation: { sets: readonly SetFacts[]; people: readonly PersonFacts[] },
  today: CalendarDate,
  calendar: WorkingDays,
): DueReminder[] {
  const due: DueReminder[] = [];
  for (const rule of policy) {
    const window = dueWindow(rule, today, calendar);
    if (rule.about === 'digestDay') {
      for (const person of situation.people) {
        const hasOne = situation.sets.some((set) => conditionHolds(rule.while, set, window.conditionOn) && isRecipient(rule.to, person, set));
        if (hasOne) due.push({ kind: rule.kind, questionSetId: null, recipientId: person.id, refersTo: window.to });
      }
      continue;
    }
    for (const set of situation.sets) {
      const refersTo = referenceDateOf(rule, set);
      if (refersTo === null || !within(refersTo, window) || !conditionHolds(rule.while, set, window.conditionOn)) continue;
      for (const person of situation.people) {
        if (isRecipient(rule.to, person, set)) due.push({ kind: rule.kind, questionSetId: set.id, recipientId: person.id, refersTo });
      }
    }
  }
  return due;
}

/** Why a reminder recorded earlier should not go out after all; null when it still should. */
export type CancelReason = 'switched-off' | 'set-closed' | 'condition-gone' | 'date-moved' | 'expired' | 'superseded' | 'not-a-recipient' | 'nothing-overdue';

/**
 * Checked again just before delivery, against the state of now: the set still open, the date it
 * refers to still the one in force, the recipient still active and still a recipient.
 * For a digest, `sets` are the person's overdue sets now.
 */
export function reasonToCancel(
  policy: ReminderPolicy,
  reminder: { kind: string; refersTo: CalendarDate },
  now: { set: SetFacts | null; person: PersonFacts; overdueSets?: number },
  today: CalendarDate,
  calendar: WorkingDays,
): CancelReason | null {
  const rule = ruleFor(policy, reminder.kind);
  if (!rule) return 'switched-off';
  if (rule.about === 'digestDay') {
    if (!now.person.active || !now.person.roles.includes('coordinator')) return 'not-a-recipient';
    if (dueWindow(rule, today, calendar).to !== reminder.refersTo) return 'superseded';
    return now.overdueSets ? null : 'nothing-overdue';
  }
  const { set } = now;
  if (!set || !isOpen(set.status)) return 'set-closed';
  if (!conditionHolds(rule.while, set, today)) return 'condition-gone';
  if (referenceDateOf(rule, set) !== reminder.refersTo) return 'date-moved';
  if (!('daysAfter' in rule.timing) && daysBetween(reminder.refersTo, today) > 0) return 'expired';
  if (!isRecipient(rule.to, now.person, set)) return 'not-a-recipient';
  return null;
}
