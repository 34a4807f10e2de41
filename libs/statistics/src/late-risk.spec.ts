import { LateRiskModel, sizeClassOf } from './late-risk';
import { observedHistory, simulateSets } from './simulated-history';

const TODAY = '2026-12-01';

describe('the late-risk model on a history with known behaviour', () => {
  const sets = simulateSets(
    [
      { code: 'BZ', lateShare: 0.7, sets: 2000 },
      { code: 'Fin', lateShare: 0.1, sets: 2000 },
      { code: 'AZ', lateShare: 0.4, sets: 10 },
    ],
    TODAY,
    { seed: 7 },
  );
  const history = observedHistory(sets, TODAY);
  const model = LateRiskModel.fit(history, TODAY);
  const fresh = (ministry: string, questions = 2) => ({ ministry, questions, submittedOn: TODAY, statutoryDeadline: '2026-12-22' });

  it('recovers each ministry’s share of late answers, with the still-open sets censored', () => {
    expect(model.riskOf(fresh('BZ'), TODAY)!.chance).toBeCloseTo(0.7, 1);
    expect(model.riskOf(fresh('Fin'), TODAY)!.chance).toBeCloseTo(0.1, 1);
  });

  it('does better than leaving the open sets out', () => {
    // A young desk (four months of history): the sets still open are mostly the slow ones, so counting
    // only what was answered underestimates lateness.
    const young = observedHistory(simulateSets([{ code: 'BZ', lateShare: 0.7, sets: 3000 }], TODAY, { seed: 3, spanDays: 120 }), TODAY);
    const answered = young.filter((row) => row.answered);
    const naive = answered.filter((row) => row.days > 21).reduce((n, row) => n + row.sets, 0) / answered.reduce((n, row) => n + row.sets, 0);
    const estimate = LateRiskModel.fit(young, TODAY).riskOf(fresh('BZ'), TODAY)!.chance;
    expect(Math.abs(estimate - 0.7)).toBeLessThan(0.05);
    expect(Math.abs(naive - 0.7)).toBeGreaterThan(0.05);
  });

  it('gives the reason in words', () => {
    expect(model.riskOf(fresh('BZ'), TODAY)!.reason).toMatch(
      /^BZ beantwoordde (6[5-9]|7[0-5]) % van vergelijkbare sets na de termijn \(\d+ sets met 1–3 vragen\)\.$/,
    );
  });

  it('raises the chance as a set stays open longer', () => {
    const later = model.riskOf({ ...fresh('Fin'), submittedOn: '2026-11-13', statutoryDeadline: '2026-12-04' }, TODAY)!;
    expect(later.chance).toBeGreaterThan(0.2);
  });

  it('falls back to the whole ministry, then the whole desk, when a group is too small', () => {
    expect(model.riskOf(fresh('BZ', 5), TODAY)!.reason).toMatch(/^BZ beantwoordde \d+ % van zijn sets/);
    expect(model.riskOf(fresh('AZ'), TODAY)!.reason).toMatch(/^De desk beantwoordde \d+ % van alle sets/);
  });

  it('says the deadline has passed, and nothing for a set without dates', () => {
    expect(model.riskOf({ ...fresh('BZ'), submittedOn: '2026-11-01', statutoryDeadline: '2026-11-22' }, TODAY)).toEqual({
      chance: 1,
      reason: 'De termijn is al verstreken.',
    });
    expect(model.riskOf({ ...fresh('BZ'), submittedOn: null }, TODAY)).toBeNull();
    expect(LateRiskModel.fit([], TODAY).riskOf(fresh('BZ'), TODAY)).toBeNull();
  });

  it('sorts sets into size classes by their number of questions', () => {
    expect([1, 3, 4, 6, 7, 40].map(sizeClassOf)).toEqual(['small', 'small', 'medium', 'medium', 'large', 'large']);
  });
});
