import { readConfig } from '@question-desk/config';
import {
  DEFAULT_REMINDER_POLICY,
  digestDay,
  reasonToCancel,
  REMINDER_KINDS,
  reminderPolicy,
  remindersDue,
  type PersonFacts,
  type SetFacts,
} from './reminder-policy';
import { remindersConfig } from './reminders.config';
import { WorkingDays } from '@question-desk/deadlines';

const calendar = new WorkingDays();
const policy = reminderPolicy();
/** The scenarios about one set leave the weekly digest and the early uitstelbericht reminder out; they have their own. */
const withoutDigest = reminderPolicy({ 'overdue-digest': false, 'postponement-due-soon': false });

function aSet(overrides: Partial<SetFacts> = {}): SetFacts {
  return {
    id: 'set',
    status: 'drafting',
    statutoryDeadline: '2025-04-23',
    deadline: '2025-04-23',
    draftDeadline: null,
    assigneeId: 'drafter',
    leadMinistryCode: 'BZ',
    hasPostponement: false,
    ...overrides,
  };
}

const people: Record<string, PersonFacts> = {
  drafter: { id: 'drafter', roles: ['drafter'], ministryCode: 'BZ', active: true },
  otherDrafter: { id: 'otherDrafter', roles: ['drafter'], ministryCode: 'BZ', active: true },
  deskAll: { id: 'deskAll', roles: ['desk'], ministryCode: null, active: true },
  deskBZ: { id: 'deskBZ', roles: ['desk'], ministryCode: 'BZ', active: true },
  deskJenV: { id: 'deskJenV', roles: ['desk'], ministryCode: 'JenV', active: true },
  coordinatorAll: { id: 'coordinatorAll', roles: ['coordinator'], ministryCode: null, active: true },
  coordinatorBZ: { id: 'coordinatorBZ', roles: ['coordinator'], ministryCode: 'BZ', active: true },
  coordinatorJenV: { id: 'coordinatorJenV', roles: ['coordinator'], ministryCode: 'JenV', active: true },
  formerDesk: { id: 'formerDesk', roles: ['desk'], ministryCode: null, active: false },
  admin: { id: 'admin', roles: ['admin'], ministryCode: null, active: true },
};
const everyone = Object.values(people);

/** "kind → recipient (refersTo)" lines, sorted: easy to read in a failing test. */
function due(sets: SetFacts[], today: string, rules = withoutDigest): string[] {
  return remindersDue(rules, { sets, people: everyone }, today, calendar)
    .map((r) => `${r.kind} → ${r.recipientId} (${r.refersTo})`)
    .sort();
}

describe('the reminder policy', () => {
  describe('to the assignee, before and on the deadline in force (3 working days, skipping weekends and holidays)', () => {
    // Deadline Wednesday 23 April 2025: three working days before is Thursday 17 April, because
    // Tweede paasdag (21 April) is a holiday and Goede Vrijdag (18 April) is not.
    const set = aSet();
    it.each([
      ['2025-04-16', []],
      ['2025-04-17', ['deadline-due-soon → drafter (2025-04-23)']],
      ['2025-04-19', ['deadline-due-soon → drafter (2025-04-23)']], // still due: a missed day is caught up
      ['2025-04-22', ['deadline-due-soon → drafter (2025-04-23)']],
      ['2025-04-23', ['deadline-due-today → drafter (2025-04-23)']],
      [
        '2025-04-24',
        [
          'postponement-due → coordinatorAll (2025-04-23)',
          'postponement-due → coordinatorBZ (2025-04-23)',
          'postponement-due → deskAll (2025-04-23)',
          'postponement-due → deskBZ (2025-04-23)',
        ],
      ],
    ])('on %s', (today, expected) => {
      expect(due([set], today)).toEqual(expected);
    });

    it.each([
      ['2025-06-02', '2025-05-27', 'Hemelvaartsdag'],
      ['2025-12-29', '2025-12-22', 'Kerstmis'],
      ['2026-04-29', '2026-04-23', 'Koningsdag'],
      ['2025-05-07', '2025-05-02', 'Bevrijdingsdag counts as a working day'],
    ])('deadline %s: first due on %s (%s)', (deadline, first, _why) => {
      const set = aSet({ deadline, statutoryDeadline: deadline });
      const before = calendar.addWorkingDays(first, -1);
      expect(due([set], before)).toEqual([]);
      expect(due([set], first)).toEqual([`deadline-due-soon → drafter (${deadline})`]);
    });
  });

  describe('to the assignee, before and on the internal draft deadline, while drafting', () => {
    const set = aSet({ draftDeadline: '2025-04-14', deadline: '2025-05-01', statutoryDeadline: '2025-05-01' });
    it.each([
      ['2025-04-08', []],
      ['2025-04-09', ['draft-due-soon → drafter (2025-04-14)']],
      ['2025-04-14', ['draft-due-today → drafter (2025-04-14)']],
      ['2025-04-15', []],
    ])('on %s', (today, expected) => {
      expect(due([set], today)).toEqual(expected);
    });

    it('stops once the draft is in review', () => {
      expect(due([{ ...set, status: 'in_review' }], '2025-04-14')).toEqual([]);
    });
  });

  describe('"uitstelbericht due" to desk officers and coordinators of the lead ministry', () => {
    const unassigned = aSet({ status: 'received', assigneeId: null, statutoryDeadline: '2025-04-17', deadline: '2025-04-17' });

    it('goes out the day after the statutory deadline, also on Goede Vrijdag, to those covering BZ', () => {
      expect(due([unassigned], '2025-04-17')).toEqual([]);
      expect(due([unassigned], '2025-04-18')).toEqual([
        'postponement-due → coordinatorAll (2025-04-17)',
        'postponement-due → coordinatorBZ (2025-04-17)',
        'postponement-due → deskAll (2025-04-17)',
        'postponement-due → deskBZ (2025-04-17)',
      ]);
    });

    it('is caught up later (the ledger sends it once), years later too', () => {
      expect(due([unassigned], '2026-11-23')).toHaveLength(4);
    });

    it('is not due once a postponement is registered, or the set is answered or withdrawn', () => {
      expect(due([{ ...unassigned, hasPostponement: true, deadline: '2025-05-08' }], '2025-04-18')).toEqual([]);
      expect(due([{ ...unassigned, status: 'answered' }], '2025-04-18')).toEqual([]);
      expect(due([{ ...unassigned, status: 'withdrawn' }], '2025-04-18')).toEqual([]);
    });

    it('goes only to desk officers and coordinators without a ministry when the set has no lead ministry', () => {
      expect(due([{ ...unassigned, leadMinistryCode: null }], '2025-04-18')).toEqual([
        'postponement-due → coordinatorAll (2025-04-17)',
        'postponement-due → deskAll (2025-04-17)',
      ]);
    });
  });

  describe('"uitstelbericht due soon": before it is too late, while the answer is not yet in review', () => {
    const early = reminderPolicy({ 'overdue-digest': false }).filter((rule) => rule.kind === 'postponement-due-soon');
    // Deadline Wednesday 23 April 2025: three working days before is Thursday 17 April (Tweede paasdag is no working day).
    const late = aSet({ status: 'drafting', deadline: '2025-04-23', statutoryDeadline: '2025-04-23' });
    const toBZ = (date: string) => ['coordinatorAll', 'coordinatorBZ', 'deskAll', 'deskBZ'].map((who) => `postponement-due-soon → ${who} (${date})`);

    it.each([
      ['2025-04-16', []],
      ['2025-04-17', toBZ('2025-04-23')],
      ['2025-04-22', toBZ('2025-04-23')], // a missed day is caught up (the ledger sends it once)
      ['2025-04-23', []], // on the day itself "postponement-due" takes over tomorrow
    ])('on %s', (today, expected) => {
      expect(due([late], today, early)).toEqual(expected);
    });

    it('goes out from received to drafting, not once the answer is in review or further, nor for a closed set', () => {
      for (const status of ['received', 'assigned', 'drafting'] as const) expect(due([{ ...late, status }], '2025-04-17', early)).toHaveLength(4);
      for (const status of ['in_review', 'co_signing', 'approved', 'answered', 'withdrawn'] as const) {
        expect(due([{ ...late, status }], '2025-04-17', early)).toEqual([]);
      }
    });

    it('counts from the deadline in force: after a postponement it comes again before the new deadline', () => {
      const postponed = { ...late, hasPostponement: true, deadline: '2025-05-14' };
      expect(due([postponed], '2025-04-17', early)).toEqual([]);
      expect(due([postponed], '2025-05-08', early)).toEqual([]);
      expect(due([postponed], '2025-05-09', early)).toEqual(toBZ('2025-05-14'));
    });

    it('takes its number of working days from REMINDER_POLICY', () => {
      const five = reminderPolicy({ 'postponement-due-soon': 5 }).filter((rule) => rule.kind === 'postponement-due-soon');
      expect(due([late], '2025-04-14', five)).toEqual([]);
      expect(due([late], '2025-04-15', five)).toEqual(toBZ('2025-04-23'));
      expect(
        reasonToCancel(
          five,
          { kind: 'postponement-due-soon', refersTo: '2025-04-23' },
          { set: { ...late, status: 'in_review' }, person: people.deskBZ },
          '2025-04-16',
          calendar,
        ),
      ).toBe('condition-gone');
    });
  });

  describe('the Monday digest to coordinators, one per person, while they have overdue sets', () => {
    const overdueBZ = aSet({ id: 'bz', status: 'received', assigneeId: null, statutoryDeadline: '2025-03-03', deadline: '2025-03-03', hasPostponement: true });
    const overdueJenV = { ...overdueBZ, id: 'jenv', leadMinistryCode: 'JenV' };

    it('goes out on Monday to each coordinator whose ministry has an overdue set', () => {
      expect(due([overdueBZ, overdueJenV], '2025-03-10', policy)).toEqual([
        'overdue-digest → coordinatorAll (2025-03-10)',
        'overdue-digest → coordinatorBZ (2025-03-10)',
        'overdue-digest → coordinatorJenV (2025-03-10)',
      ]);
      expect(due([overdueBZ], '2025-03-10', policy)).toEqual(['overdue-digest → coordinatorAll (2025-03-10)', 'overdue-digest → coordinatorBZ (2025-03-10)']);
    });

    it('belongs to the same Monday for the rest of the week (a missed Monday is caught up, once)', () => {
      expect(due([overdueBZ], '2025-03-13', policy)).toEqual(['overdue-digest → coordinatorAll (2025-03-10)', 'overdue-digest → coordinatorBZ (2025-03-10)']);
    });

    it('moves to Tuesday when Monday is a holiday (Tweede paasdag)', () => {
      expect(digestDay(1, '2025-04-21', calendar)).toBe('2025-04-14');
      expect(digestDay(1, '2025-04-22', calendar)).toBe('2025-04-21');
    });

    it('waits for next Monday when a set first becomes overdue later in the week', () => {
      const overdueFromWednesday = { ...overdueBZ, deadline: '2025-03-11', statutoryDeadline: '2025-03-11' };
      expect(due([overdueFromWednesday], '2025-03-12', policy)).toEqual([]);
      expect(due([overdueFromWednesday], '2025-03-17', policy)).toEqual([
        'overdue-digest → coordinatorAll (2025-03-17)',
        'overdue-digest → coordinatorBZ (2025-03-17)',
      ]);
    });

    it('is not sent when nothing is overdue', () => {
      expect(due([{ ...overdueBZ, deadline: '2025-03-20' }], '2025-03-10', policy)).toEqual([]);
    });
  });

  describe('configured through REMINDER_POLICY', () => {
    it('moves days and switches reminders off', () => {
      const changed = reminderPolicy({ 'deadline-due-soon': 5, 'deadline-due-today': false, 'overdue-digest': 5 });
      const set = aSet({ deadline: '2025-04-30', statutoryDeadline: '2025-04-30' });
      // Five working days before Wednesday 30 April: Wednesday 23 April (Koningsdag falls on Saturday 26th).
      expect(due([set], '2025-04-22', changed)).toEqual([]);
      expect(due([set], '2025-04-23', changed)).toEqual(['deadline-due-soon → drafter (2025-04-30)']);
      expect(due([set], '2025-04-30', changed)).toEqual([]);
      expect(changed.find((r) => r.kind === 'overdue-digest')!.timing).toEqual({ weekday: 5 });
    });

    it('accepts every kind of the table in the environment variable, and refuses unknown ones', () => {
      const allOff = JSON.stringify(Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, false])));
      expect(reminderPolicy(readConfig([remindersConfig], { REMINDER_POLICY: allOff }).reminders.policy)).toEqual([]);
      expect(DEFAULT_REMINDER_POLICY.map((r) => r.kind)).toEqual([...REMINDER_KINDS]);
      expect(() => reminderPolicy({ 'nudge-everyone': 1 })).toThrow(/Unknown reminder kind/);
    });
  });

  describe('checked again just before delivery', () => {
    const set = aSet({ status: 'received', assigneeId: null, statutoryDeadline: '2025-04-17', deadline: '2025-04-17' });
    const reminder = { kind: 'postponement-due', refersTo: '2025-04-17' };
    const check = (s: SetFacts | null, person = people.deskBZ, today = '2025-04-18') => reasonToCancel(policy, reminder, { set: s, person }, today, calendar);

    it.each([
      ['still called for', set, people.deskBZ, null],
      ['the set was answered', { ...set, status: 'answered' as const }, people.deskBZ, 'set-closed'],
      ['a postponement was registered', { ...set, hasPostponement: true, deadline: '2025-05-08' }, people.deskBZ, 'condition-gone'],
      ['the statutory deadline was corrected', { ...set, statutoryDeadline: '2025-04-16' }, people.deskBZ, 'date-moved'],
      ['the recipient was deactivated', set, { ...people.deskBZ, active: false }, 'not-a-recipient'],
      ['the recipient moved to another ministry', set, { ...people.deskBZ, ministryCode: 'JenV' }, 'not-a-recipient'],
    ])('%s', (_case, s, person, expected) => {
      expect(check(s, person)).toBe(expected);
    });

    it('cancels an assignee reminder after reassignment, after its day, or when the deadline moved', () => {
      const assigned = aSet();
      const soon = { kind: 'deadline-due-soon', refersTo: '2025-04-23' };
      expect(reasonToCancel(policy, soon, { set: assigned, person: people.drafter }, '2025-04-22', calendar)).toBeNull();
      expect(reasonToCancel(policy, soon, { set: { ...assigned, assigneeId: 'otherDrafter' }, person: people.drafter }, '2025-04-22', calendar)).toBe(
        'not-a-recipient',
      );
      expect(reasonToCancel(policy, soon, { set: assigned, person: people.drafter }, '2025-04-24', calendar)).toBe('expired');
      expect(reasonToCancel(policy, soon, { set: { ...assigned, deadline: '2025-05-14' }, person: people.drafter }, '2025-04-22', calendar)).toBe('date-moved');
    });

    it('cancels a digest of an earlier week, or one with nothing overdue left', () => {
      const digest = { kind: 'overdue-digest', refersTo: '2025-03-10' };
      const person = people.coordinatorBZ;
      expect(reasonToCancel(policy, digest, { set: null, person, overdueSets: 2 }, '2025-03-11', calendar)).toBeNull();
      expect(reasonToCancel(policy, digest, { set: null, person, overdueSets: 2 }, '2025-03-17', calendar)).toBe('superseded');
      expect(reasonToCancel(policy, digest, { set: null, person, overdueSets: 0 }, '2025-03-11', calendar)).toBe('nothing-overdue');
    });

    it('cancels a reminder whose kind was switched off since', () => {
      expect(reasonToCancel(reminderPolicy({ 'postponement-due': false }), reminder, { set, person: people.deskBZ }, '2025-04-18', calendar)).toBe(
        'switched-off',
      );
    });
  });
});
