import { daysBetween, type CalendarDate } from '@question-desk/deadlines';
import { SurvivalCurve, type DurationCount } from './survival';

/**
 * The warning before late: the chance that an open set is answered after its statutory deadline,
 * from the desk's own history — time to answer per lead ministry and size class (a Kaplan–Meier
 * estimate with the still-open sets censored), falling back to the whole ministry and then the whole
 * desk where a group holds too few sets to say anything.
 */

export const SIZE_CLASSES = ['small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** By number of questions: 1–3, 4–6, 7 or more. */
export function sizeClassOf(questions: number): SizeClass {
  return questions <= 3 ? 'small' : questions <= 6 ? 'medium' : 'large';
}

const SIZE_WORDS: Record<SizeClass, string> = { small: '1–3 vragen', medium: '4–6 vragen', large: '7 of meer vragen' };

/** A group's estimate needs at least this many sets, else the wider group speaks. */
export const MIN_SETS_PER_GROUP = 30;

/** From this chance on, a set is "waarschijnlijk te laat". */
export const LIKELY_LATE = 0.5;

/** History counts of one group: the lead ministry and size class, durations as in `DurationCount`. */
export interface GroupDurationCount extends DurationCount {
  ministry: string;
  size: SizeClass;
}

export interface LateRisk {
  /** 0 … 1: the chance the set is answered after its statutory deadline. */
  chance: number;
  /** Dutch, as the web app shows it: what the chance is based on. */
  reason: string;
}

/** What the model needs to know of an open set. */
export interface OpenSetFacts {
  ministry: string | null;
  questions: number;
  submittedOn: CalendarDate | null;
  statutoryDeadline: CalendarDate | null;
}

const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

export class LateRiskModel {
  private constructor(
    private readonly groups: Map<string, SurvivalCurve>,
    private readonly ministries: Map<string, SurvivalCurve>,
    private readonly desk: SurvivalCurve,
    /** The day the history was read up to (exclusive). */
    readonly asOf: CalendarDate,
    readonly minSets: number,
  ) {}

  static fit(rows: readonly GroupDurationCount[], asOf: CalendarDate, minSets = MIN_SETS_PER_GROUP): LateRiskModel {
    const byGroup = new Map<string, GroupDurationCount[]>();
    const byMinistry = new Map<string, GroupDurationCount[]>();
    const add = (map: Map<string, GroupDurationCount[]>, key: string, row: GroupDurationCount) => {
      const list = map.get(key);
      if (list) list.push(row);
      else map.set(key, [row]);
    };
    for (const row of rows) {
      add(byGroup, `${row.ministry}/${row.size}`, row);
      add(byMinistry, row.ministry, row);
    }
    const fitAll = (map: Map<string, GroupDurationCount[]>) => new Map([...map].map(([key, counts]) => [key, SurvivalCurve.fit(counts)]));
    return new LateRiskModel(fitAll(byGroup), fitAll(byMinistry), SurvivalCurve.fit(rows), asOf, minSets);
  }

  /** How many sets the whole desk's estimate rests on. */
  get sets(): number {
    return this.desk.sets;
  }

  /**
   * The chance, as of `today`, that the set is answered after its statutory deadline, and why; null
   * when the set lacks a date or ministry, or the history is too thin to say.
   */
  riskOf(set: OpenSetFacts, today: CalendarDate): LateRisk | null {
    if (!set.ministry || !set.submittedOn || !set.statutoryDeadline) return null;
    const deadlineDays = daysBetween(set.submittedOn, set.statutoryDeadline);
    const elapsed = daysBetween(set.submittedOn, today);
    if (elapsed - 1 >= deadlineDays) return { chance: 1, reason: 'De termijn is al verstreken.' };
    const size = sizeClassOf(set.questions);
    const group = this.groups.get(`${set.ministry}/${size}`);
    const ministry = this.ministries.get(set.ministry);
    const late = (curve: SurvivalCurve) => percent(curve.at(deadlineDays));
    const [curve, reason] =
      group && group.sets >= this.minSets
        ? [group, `${set.ministry} beantwoordde ${late(group)} van vergelijkbare sets na de termijn (${group.sets} sets met ${SIZE_WORDS[size]}).`]
        : ministry && ministry.sets >= this.minSets
          ? [ministry, `${set.ministry} beantwoordde ${late(ministry)} van zijn sets na de termijn (${ministry.sets} sets).`]
          : this.desk.sets >= this.minSets
            ? [this.desk, `De desk beantwoordde ${late(this.desk)} van alle sets na de termijn (${this.desk.sets} sets).`]
            : [null, ''];
    if (!curve) return null;
    const chance = curve.chanceLaterThan(deadlineDays, elapsed);
    return chance === null ? null : { chance: Math.round(chance * 100) / 100, reason };
  }
}
