import { catchUpInternalDeadlines, DEFAULT_INTERNAL_DEADLINE_POLICY, internalDeadlines, shiftInternalDeadlines } from './internal-deadlines';
import { WorkingDays } from './working-days';

// Calendar dates carry no time zone; the unit project runs these under whatever TZ the machine has
// (CI: Pacific/Kiritimati, UTC+14), and the answers must not change with it.
const calendar = new WorkingDays();
const policy = DEFAULT_INTERNAL_DEADLINE_POLICY;

describe('internal deadlines in working days', () => {
  it('count back from the deadline in force: draft 10, review 5, co-signing 2 working days before by default', () => {
    // Monday 22 March 2021: two plain weeks back.
    expect(internalDeadlines('2021-03-22', policy, calendar)).toEqual({ draft: '2021-03-08', review: '2021-03-15', coSigning: '2021-03-18' });
  });

  it('skip Easter: Tweede paasdag is no working day (Goede Vrijdag is one)', () => {
    // Wednesday 8 April 2026; Monday 6 April is Tweede paasdag.
    expect(internalDeadlines('2026-04-08', policy, calendar)).toEqual({ draft: '2026-03-24', review: '2026-03-31', coSigning: '2026-04-03' });
  });

  it('skip Koningsdag (Monday 27 April 2026)', () => {
    expect(internalDeadlines('2026-04-29', policy, calendar).coSigning).toBe('2026-04-24');
  });

  it('skip Christmas (Friday 25 December 2026) and the weekend', () => {
    expect(internalDeadlines('2026-12-28', policy, calendar)).toEqual({ draft: '2026-12-11', review: '2026-12-18', coSigning: '2026-12-23' });
  });

  it('never land on a weekend or public holiday, also when the deadline itself falls on a Saturday after Nieuwjaarsdag', () => {
    const deadlines = internalDeadlines('2026-01-03', policy, calendar);
    expect(deadlines.coSigning).toBe('2025-12-31');
    for (const date of [deadlines.draft, deadlines.review, deadlines.coSigning]) expect(calendar.isWorkingDay(date ?? '')).toBe(true);
  });

  it('with 0 working days, fall on the deadline or the working day before it', () => {
    expect(internalDeadlines('2026-12-26', { draft: 0, review: 0, coSigning: 0 }, calendar)).toEqual({
      draft: '2026-12-24',
      review: '2026-12-24',
      coSigning: '2026-12-24',
    });
  });

  it('take a draft deadline the desk gives, moved to the working day before when it is Koningsdag', () => {
    expect(internalDeadlines('2026-05-06', policy, calendar, '2026-04-27').draft).toBe('2026-04-24');
    expect(internalDeadlines('2026-05-06', policy, calendar, '2026-04-28').draft).toBe('2026-04-28');
  });

  it('are unknown while the deadline is (a draft deadline given still counts)', () => {
    expect(internalDeadlines(null, policy, calendar)).toEqual({ draft: null, review: null, coSigning: null });
    expect(internalDeadlines(null, policy, calendar, '2026-12-02')).toEqual({ draft: '2026-12-02', review: null, coSigning: null });
  });

  it('move with a postponement, keeping as many working days before the new deadline (here across Easter)', () => {
    const before = { draft: '2021-03-08', review: '2021-03-15', coSigning: '2021-03-18' };
    expect(shiftInternalDeadlines(before, '2021-03-22', '2026-04-13', calendar)).toEqual({
      draft: '2026-03-27',
      review: '2026-04-03',
      coSigning: '2026-04-09',
    });
    expect(shiftInternalDeadlines({ draft: '2021-03-08', review: null, coSigning: null }, '2021-03-22', '2021-04-12', calendar).review).toBeNull();
  });
});

describe('internal deadlines that have already passed', () => {
  it('move to the next working days in order, skipping Christmas, and say so (and when that is after the deadline)', () => {
    const planned = internalDeadlines('2026-12-28', policy, calendar);
    const { deadlines, warnings } = catchUpInternalDeadlines(planned, '2026-12-23', '2026-12-28', calendar);
    expect(deadlines).toEqual({ draft: '2026-12-24', review: '2026-12-28', coSigning: '2026-12-29' });
    expect(warnings).toEqual([
      'The internal draft deadline would have been 2026-12-11, which has passed; it is set to 2026-12-24, the next working day.',
      'The internal review deadline would have been 2026-12-18, which has passed; it is set to 2026-12-28, the next working day.',
      'The internal co-signing deadline would have been 2026-12-23, before the step that comes first; it is set to 2026-12-29, the next working day, after the deadline in force (2026-12-28): register a postponement.',
    ]);
  });

  it('move only the steps that passed', () => {
    const planned = internalDeadlines('2026-12-28', policy, calendar);
    const { deadlines, warnings } = catchUpInternalDeadlines(planned, '2026-12-14', '2026-12-28', calendar);
    expect(deadlines).toEqual({ draft: '2026-12-15', review: '2026-12-18', coSigning: '2026-12-23' });
    expect(warnings).toHaveLength(1);
  });

  it('leave deadlines that are today or later alone', () => {
    const planned = internalDeadlines('2026-12-28', policy, calendar);
    expect(catchUpInternalDeadlines(planned, '2026-12-11', '2026-12-28', calendar)).toEqual({ deadlines: planned, warnings: [] });
    expect(catchUpInternalDeadlines({ draft: null, review: null, coSigning: null }, '2026-12-11', null, calendar).warnings).toEqual([]);
  });
});
