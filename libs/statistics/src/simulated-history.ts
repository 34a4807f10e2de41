import { addDays, daysBetween, type CalendarDate } from '@question-desk/deadlines';
import type { GroupDurationCount, SizeClass } from './late-risk';

/**
 * A history with known behaviour, for the tests and the forecast bench: per ministry, a share of its
 * sets is answered late (after day `deadlineDays`), the rest in time; sets submitted over `spanDays`
 * before `asOf`, and whatever is not answered before `asOf` is still open (censored), as at a real desk.
 */
export interface SimulatedMinistry {
  code: string;
  lateShare: number;
  sets: number;
  size?: SizeClass;
}

export interface SimulatedSet {
  ministry: string;
  size: SizeClass;
  submittedOn: CalendarDate;
  /** Days from submission to answer (the truth; the desk sees it only when it lies before `asOf`). */
  daysToAnswer: number;
  late: boolean;
}

/** A small deterministic random number generator (mulberry32), so a simulated history is the same every run. */
export function randomNumbers(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulateSets(
  ministries: SimulatedMinistry[],
  asOf: CalendarDate,
  options: { seed?: number; spanDays?: number; deadlineDays?: number } = {},
): SimulatedSet[] {
  const random = randomNumbers(options.seed ?? 1);
  const span = options.spanDays ?? 730;
  const deadline = options.deadlineDays ?? 21;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  return ministries.flatMap(({ code, lateShare, sets, size }) =>
    Array.from({ length: sets }, (): SimulatedSet => {
      const late = random() < lateShare;
      return {
        ministry: code,
        size: size ?? 'small',
        submittedOn: addDays(asOf, -between(1, span)),
        daysToAnswer: late ? between(deadline + 1, deadline + 60) : between(3, deadline),
        late,
      };
    }),
  );
}

/** What the desk knows of the simulated sets on `asOf` (exclusive), counted the way the forecast reads its history. */
export function observedHistory(sets: SimulatedSet[], asOf: CalendarDate): GroupDurationCount[] {
  const counts = new Map<string, GroupDurationCount>();
  for (const set of sets) {
    const answeredOn = addDays(set.submittedOn, set.daysToAnswer);
    const known = answeredOn < asOf;
    const days = known ? set.daysToAnswer : daysBetween(set.submittedOn, asOf) - 1;
    if (days < 0) continue;
    const key = `${set.ministry}/${set.size}/${days}/${known}`;
    const row = counts.get(key);
    if (row) row.sets++;
    else counts.set(key, { ministry: set.ministry, size: set.size, days, answered: known, sets: 1 });
  }
  return [...counts.values()];
}
