import { chamberRules } from './chambers';
import { deadlineStanding, defaultPostponedDeadline, effectiveDeadline, statutoryDeadline } from './deadlines';
import { FixedClock } from './clock';

const rules = chamberRules({ eersteKamerResponseWeeks: 6 });

describe('statutory deadline', () => {
  it('is three weeks after submission in the Tweede Kamer', () => {
    expect(statutoryDeadline('2020-12-22', rules.TK)).toBe('2021-01-12');
    expect(statutoryDeadline('2021-01-15', rules.TK)).toBe('2021-02-05');
    expect(statutoryDeadline('2019-07-18', rules.TK)).toBe('2019-08-08');
  });

  it('is the configured target in the Eerste Kamer, which sets no binding period', () => {
    expect(rules.EK.binding).toBe(false);
    expect(statutoryDeadline('2021-01-15', rules.EK)).toBe('2021-02-26');
    expect(statutoryDeadline('2021-01-15', chamberRules({ eersteKamerResponseWeeks: 4 }).EK)).toBe('2021-02-12');
  });

  it('crosses month ends, leap days and the turn of the year', () => {
    expect(statutoryDeadline('2020-02-10', rules.TK)).toBe('2020-03-02');
    expect(statutoryDeadline('2021-02-10', rules.TK)).toBe('2021-03-03');
    expect(statutoryDeadline('2021-12-20', rules.TK)).toBe('2022-01-10');
    expect(statutoryDeadline('2021-01-31', rules.TK)).toBe('2021-02-21');
  });

  it('counts calendar weeks from a weekend submission: Saturday gives Saturday', () => {
    expect(statutoryDeadline('2021-01-16', rules.TK)).toBe('2021-02-06');
    expect(statutoryDeadline('2021-01-17', rules.TK)).toBe('2021-02-07');
  });

  it('is not moved by summer time starting or ending within the period', () => {
    expect(statutoryDeadline('2021-03-15', rules.TK)).toBe('2021-04-05');
    expect(statutoryDeadline('2021-10-20', rules.TK)).toBe('2021-11-10');
  });
});

describe('effective deadline', () => {
  it('is the statutory one without postponements', () => {
    expect(effectiveDeadline('2021-01-12', [])).toBe('2021-01-12');
  });

  it('is the new date of the last postponement registered', () => {
    expect(effectiveDeadline('2021-01-12', [{ newDeadline: '2021-02-02' }, { newDeadline: '2021-03-01' }])).toBe('2021-03-01');
  });

  it('by default moves three more weeks, six in all', () => {
    expect(defaultPostponedDeadline('2021-01-12', 3)).toBe('2021-02-02');
  });
});

describe('deadline standing', () => {
  const open = { open: true, withdrawn: false, answeredOn: null, hasPostponement: false };

  it('is not overdue on the deadline day itself', () => {
    expect(deadlineStanding({ ...open, statutoryDeadline: '2021-01-12', deadline: '2021-01-12', today: '2021-01-12' })).toEqual({
      overdue: false,
      postponementMissing: false,
      daysOverdue: 0,
    });
  });

  it('is overdue the day after, with the postponement missing', () => {
    expect(deadlineStanding({ ...open, statutoryDeadline: '2021-01-12', deadline: '2021-01-12', today: '2021-01-13' })).toEqual({
      overdue: true,
      postponementMissing: true,
      daysOverdue: 1,
    });
  });

  it('a postponement clears the missing flag and counts from the new deadline', () => {
    expect(
      deadlineStanding({
        ...open,
        hasPostponement: true,
        statutoryDeadline: '2021-01-12',
        deadline: '2021-02-02',
        today: '2021-02-10',
      }),
    ).toEqual({ overdue: true, postponementMissing: false, daysOverdue: 8 });
  });

  it('an answered set counts the days late until the answer and is not overdue', () => {
    expect(
      deadlineStanding({
        open: false,
        withdrawn: false,
        hasPostponement: false,
        statutoryDeadline: '2021-01-12',
        deadline: '2021-01-12',
        answeredOn: '2021-04-13',
        today: '2026-11-23',
      }),
    ).toEqual({ overdue: false, postponementMissing: false, daysOverdue: 91 });
  });

  it('an answer on time is 0 days late', () => {
    expect(
      deadlineStanding({
        open: false,
        withdrawn: false,
        hasPostponement: false,
        statutoryDeadline: '2021-01-12',
        deadline: '2021-01-12',
        answeredOn: '2021-01-05',
        today: '2021-02-01',
      }).daysOverdue,
    ).toBe(0);
  });

  it('a withdrawn set is never late', () => {
    expect(
      deadlineStanding({
        open: false,
        withdrawn: true,
        hasPostponement: false,
        statutoryDeadline: '2021-01-12',
        deadline: '2021-01-12',
        answeredOn: null,
        today: '2021-02-01',
      }),
    ).toEqual({ overdue: false, postponementMissing: false, daysOverdue: 0 });
  });

  it('uses the Amsterdam date of the clock: just after midnight there, a set due yesterday is overdue', () => {
    const clock = new FixedClock(new Date('2021-01-12T23:05:00Z')); // 00:05 on 13 January in Amsterdam
    expect(deadlineStanding({ ...open, statutoryDeadline: '2021-01-12', deadline: '2021-01-12', today: clock.today() }).overdue).toBe(true);
  });
});
