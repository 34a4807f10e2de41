import { SurvivalCurve } from './survival';

describe('the Kaplan–Meier estimate of time to answer', () => {
  it('without open sets is the plain share still unanswered after each day', () => {
    // 10 sets answered after 5, 10 after 20, 10 after 30 days.
    const curve = SurvivalCurve.fit([
      { days: 5, answered: true, sets: 10 },
      { days: 20, answered: true, sets: 10 },
      { days: 30, answered: true, sets: 10 },
    ]);
    expect(curve.at(4)).toBe(1);
    expect(curve.at(5)).toBeCloseTo(2 / 3);
    expect(curve.at(21)).toBeCloseTo(1 / 3);
    expect(curve.at(30)).toBe(0);
    expect(curve.at(-1)).toBe(1);
  });

  it('counts a set still open after n days as at risk up to day n, then leaves it out (censoring)', () => {
    // 4 answered on day 10; 4 still open after 15 days; 2 answered on day 20.
    const curve = SurvivalCurve.fit([
      { days: 10, answered: true, sets: 4 },
      { days: 15, answered: false, sets: 4 },
      { days: 20, answered: true, sets: 2 },
    ]);
    expect(curve.at(10)).toBeCloseTo(0.6); // 4 of 10 at risk answered
    expect(curve.at(20)).toBe(0); // of the 2 still at risk after the censoring, both answered
    // Dropping the open sets would say 4 of 6 were answered by day 10; counting them as never answered would say 4 of 10 ever.
  });

  it('the chance of answering after the deadline, given the set is still open', () => {
    const curve = SurvivalCurve.fit([
      { days: 10, answered: true, sets: 50 },
      { days: 30, answered: true, sets: 50 },
    ]);
    expect(curve.chanceLaterThan(21, 0)).toBeCloseTo(0.5); // at submission: half are answered after day 21
    expect(curve.chanceLaterThan(21, 15)).toBe(1); // open on day 15: all sets not answered by day 10 took 30 days
    expect(curve.chanceLaterThan(21, 22)).toBe(1); // deadline passed
  });

  it('says nothing when no comparable set stayed open this long', () => {
    const curve = SurvivalCurve.fit([{ days: 3, answered: true, sets: 5 }]);
    expect(curve.chanceLaterThan(21, 10)).toBeNull();
  });
});
