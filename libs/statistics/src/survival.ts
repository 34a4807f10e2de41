/**
 * Kaplan–Meier estimate of the time to answer a question set, in calendar days since it was
 * submitted. Still-open sets are right-censored: a set open after `days` days says only that its
 * answer takes longer than that, not how long — it stays in the risk set up to that day and then
 * drops out, instead of being counted as answered (too early) or left out (too late a picture).
 */

/** How many sets were answered after exactly `days` days (`answered`), or were last seen open after `days` days. */
export interface DurationCount {
  days: number;
  answered: boolean;
  sets: number;
}

/** Durations above this many days are treated as "still open after the horizon": no deadline lies further away. */
export const SURVIVAL_HORIZON_DAYS = 365;

export class SurvivalCurve {
  private constructor(
    /** `survival[t]` = P(answer takes more than t days), for t = 0 … horizon. */
    private readonly survival: readonly number[],
    /** Sets the estimate is based on (answered and still open). */
    readonly sets: number,
    readonly answered: number,
  ) {}

  /**
   * The estimate from counts per duration. Ties: sets answered on day t leave the risk set at t,
   * sets censored at t are still at risk at t (they are known to be open after t days).
   */
  static fit(counts: Iterable<DurationCount>, horizon = SURVIVAL_HORIZON_DAYS): SurvivalCurve {
    const events = new Array<number>(horizon + 1).fill(0);
    const leaving = new Array<number>(horizon + 2).fill(0); // sets that are no longer at risk after day t
    let sets = 0;
    let answered = 0;
    for (const { days, answered: isAnswer, sets: n } of counts) {
      if (n <= 0 || days < 0) continue;
      sets += n;
      if (isAnswer && days <= horizon) {
        events[days] += n;
        answered += n;
        leaving[days] += n;
      } else {
        leaving[Math.min(days, horizon)] += n;
      }
    }
    const survival = new Array<number>(horizon + 1);
    let atRisk = sets;
    let s = 1;
    for (let t = 0; t <= horizon; t++) {
      if (atRisk > 0 && events[t] > 0) s *= 1 - events[t] / atRisk;
      survival[t] = s;
      atRisk -= leaving[t];
    }
    return new SurvivalCurve(survival, sets, answered);
  }

  /** P(the answer takes more than `days` days). */
  at(days: number): number {
    if (days < 0) return 1;
    return this.survival[Math.min(Math.floor(days), this.survival.length - 1)];
  }

  /**
   * The chance that a set, still unanswered on day `elapsed` after submission (so not answered in
   * the first `elapsed − 1` days), is answered after day `deadlineDays`: S(deadline) / S(elapsed − 1).
   * 1 when the deadline has passed; null when no comparable set stayed open this long.
   */
  chanceLaterThan(deadlineDays: number, elapsed: number): number | null {
    if (elapsed - 1 >= deadlineDays) return 1;
    const stillOpen = this.at(elapsed - 1);
    if (stillOpen <= 0) return null;
    return Math.min(1, this.at(deadlineDays) / stillOpen);
  }
}
