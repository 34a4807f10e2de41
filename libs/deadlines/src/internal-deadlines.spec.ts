import { DEFAULT_INTERNAL_DEADLINE_POLICY, internalDeadlines, shiftInternalDeadlines } from './internal-deadlines';

describe('internal deadlines', () => {
  it('count back from the deadline in force: draft 10, review 5, co-signing 2 days before by default', () => {
    expect(internalDeadlines('2021-03-22', DEFAULT_INTERNAL_DEADLINE_POLICY)).toEqual({
      draft: '2021-03-12',
      review: '2021-03-17',
      coSigning: '2021-03-20',
    });
  });

  it('take a draft deadline the desk gives, and cross month ends', () => {
    expect(internalDeadlines('2021-03-03', DEFAULT_INTERNAL_DEADLINE_POLICY, '2021-02-25')).toEqual({
      draft: '2021-02-25',
      review: '2021-02-26',
      coSigning: '2021-03-01',
    });
  });

  it('are unknown while the deadline is', () => {
    expect(internalDeadlines(null, DEFAULT_INTERNAL_DEADLINE_POLICY)).toEqual({ draft: null, review: null, coSigning: null });
  });

  it('move with a postponement by as many days as the deadline moved', () => {
    expect(shiftInternalDeadlines({ draft: '2021-02-25', review: '2021-02-26', coSigning: null }, '2021-03-03', '2021-03-24')).toEqual({
      draft: '2021-03-18',
      review: '2021-03-19',
      coSigning: null,
    });
  });
});
