import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import { addDays, Clock, type CalendarDate } from '@question-desk/deadlines';
import type { DataSource } from 'typeorm';
import { FORECAST_SQL } from './forecast.queries';
import { LateRiskModel, LIKELY_LATE, sizeClassOf, type GroupDurationCount, type LateRisk, type OpenSetFacts } from './late-risk';
import { withoutJit, type Period } from './statistics.service';

/** The model learns from the sets submitted in this many days before it is made. */
export const FORECAST_HISTORY_DAYS = 730;
/** How old the model of the API may get before the next request makes it anew. */
export const FORECAST_REFRESH_MS = 10 * 60_000;
/** The werkvoorraad weighs at most this many open sets (nearest statutory deadline first). */
export const LIKELY_LATE_CANDIDATES = 2000;
/** The back-test reads its cases in pages of this many sets. */
const BACK_TEST_PAGE = 5000;
/** The back-test covers at most this many months. */
export const BACK_TEST_MAX_MONTHS = 36;

const OPEN = (status: string) => status !== 'answered' && status !== 'withdrawn';

/** A set as a list or a detail shows it: what its late risk is read from. */
export interface LateRiskSubject {
  id: string;
  status: string;
  leadMinistry: { code: string } | null;
  questionCount: number;
  submittedOn: CalendarDate | null;
  statutoryDeadline: CalendarDate | null;
}

interface SetRow extends OpenSetFacts {
  id: string;
  status: string;
}

export interface LikelyLate {
  /** How many of the weighed open sets are likely late. */
  total: number;
  /** Most likely first, then nearest deadline; at most the asked number. */
  sets: { id: string; lateRisk: LateRisk }[];
}

export interface RiskBand {
  /** The band of predicted chances: from (included) … to (excluded; the last band includes 1). */
  from: number;
  to: number;
  sets: number;
  /** The mean predicted chance in the band, 0 … 1; null for an empty band. */
  predicted: number | null;
  /** The share of these sets that was in fact answered late; null for an empty band. */
  observed: number | null;
}

export interface BackTest {
  period: Period;
  /** Answered sets submitted in the period that the back-test predicted. */
  sets: number;
  late: number;
  /** Predicted as of the day of their first assignment (else of submission, for sets never assigned through the desk). */
  predictedAtAssignment: number;
  predictedAtSubmission: number;
  /** Left out: answered before the day of the prediction, or no estimate (too little history). */
  skipped: number;
  /** Calibration of the prediction as of assignment, in bands of 20 points. */
  bands: RiskBand[];
  /** Mean squared error of the chance at assignment; and of always predicting the period's observed late share. */
  brierScore: number | null;
  baselineBrierScore: number | null;
  /** A week before the statutory deadline: the share of the late sets flagged "waarschijnlijk te laat" (chance ≥ 0.5). */
  lateCaughtWeekAhead: number | null;
  /** Of the sets flagged a week ahead, the share that was indeed answered late. */
  flaggedWeekAheadLate: number | null;
}

/**
 * The warning before late, as the API uses it: a model made from the desk's history (cached, made
 * anew every FORECAST_REFRESH_MS), the chance per open set, the likely-late sets of a viewer, and a
 * back-test on answered sets.
 */
@Injectable()
export class ForecastService {
  private readonly logger = new Logger(ForecastService.name);
  private cached: { model: LateRiskModel; madeAt: number } | null = null;
  private making: Promise<LateRiskModel> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The model of today. Older than FORECAST_REFRESH_MS (same day), it is still used while a new one
   * is made in the background; a new day, or no model yet, waits for the new one (one making at a time).
   */
  async model(): Promise<LateRiskModel> {
    const today = this.clock.today();
    const cached = this.cached;
    if (cached && cached.model.asOf === today) {
      if (this.clock.now().getTime() - cached.madeAt >= FORECAST_REFRESH_MS) void this.make(today).catch(() => undefined);
      return cached.model;
    }
    return this.make(today);
  }

  private make(today: CalendarDate): Promise<LateRiskModel> {
    this.making ??= this.modelAsOf(today)
      .then((model) => {
        this.cached = { model, madeAt: this.clock.now().getTime() };
        this.logger.log({ msg: 'late-risk model made', asOf: today, sets: model.sets });
        return model;
      })
      .finally(() => (this.making = null));
    return this.making;
  }

  /** Makes the model anew now (after an import of many answered sets, say). */
  async refresh(): Promise<LateRiskModel> {
    this.cached = null;
    return this.make(this.clock.today());
  }

  /** A model from what the desk knew on `asOf` (exclusive): the sets submitted in the FORECAST_HISTORY_DAYS before. */
  async modelAsOf(asOf: CalendarDate): Promise<LateRiskModel> {
    const rows = await withoutJit<{ ministry: string; questions: number; days: number; answered: boolean; sets: number }[]>(
      this.dataSource,
      FORECAST_SQL.history,
      [asOf, addDays(asOf, -FORECAST_HISTORY_DAYS)],
    );
    const counts: GroupDurationCount[] = rows.map((row) => ({
      ministry: row.ministry,
      size: sizeClassOf(row.questions),
      days: row.days,
      answered: row.answered,
      sets: row.sets,
    }));
    return LateRiskModel.fit(counts, asOf);
  }

  /**
   * The late risk of each of `sets` (a page of a list, or one set's detail, as read already): closed
   * sets and sets the model cannot judge get null. No query: the sets carry their facts, the model is cached.
   */
  async lateRisksOf(sets: readonly LateRiskSubject[]): Promise<Map<string, LateRisk | null>> {
    const risks = new Map<string, LateRisk | null>(sets.map((set) => [set.id, null]));
    if (!sets.some((set) => OPEN(set.status))) return risks;
    const model = await this.model();
    const today = this.clock.today();
    for (const set of sets) {
      if (!OPEN(set.status)) continue;
      const facts = {
        ministry: set.leadMinistry?.code ?? null,
        questions: set.questionCount,
        submittedOn: set.submittedOn,
        statutoryDeadline: set.statutoryDeadline,
      };
      risks.set(set.id, model.riskOf(facts, today));
    }
    return risks;
  }

  /** Open sets of the viewer's lead ministry (or all) not yet past their statutory deadline that will likely be answered after it. */
  async likelyLate(viewer: Viewer, limit: number): Promise<LikelyLate> {
    const today = this.clock.today();
    const [model, rows] = await Promise.all([
      this.model(),
      this.dataSource.query<SetRow[]>(FORECAST_SQL.candidates, [today, viewer.ministry?.code ?? null, LIKELY_LATE_CANDIDATES]),
    ]);
    const flagged = rows
      .map((row) => ({ row, lateRisk: model.riskOf(row, today) }))
      .filter((entry): entry is { row: SetRow; lateRisk: LateRisk } => entry.lateRisk !== null && entry.lateRisk.chance >= LIKELY_LATE);
    // Stable sort: equal chances keep the nearest deadline first.
    flagged.sort((a, b) => b.lateRisk.chance - a.lateRisk.chance);
    return { total: flagged.length, sets: flagged.slice(0, limit).map(({ row, lateRisk }) => ({ id: row.id, lateRisk })) };
  }

  /**
   * Back-test on the answered sets submitted in the period: each month's sets are predicted by a
   * model made from what the desk knew on the first of that month — as of the day of assignment, and
   * a week before the statutory deadline — and compared with when they were answered. A viewer with a
   * ministry back-tests its sets (the model still learns from the whole desk). Bounded: one
   * model and one page of sets in memory at a time.
   */
  async backTest(viewer: Viewer, period: Period): Promise<BackTest> {
    const bandCount = 5;
    const bands = Array.from({ length: bandCount }, () => ({ sets: 0, predicted: 0, late: 0 }));
    let sets = 0;
    let late = 0;
    let atAssignment = 0;
    let skipped = 0;
    let squaredError = 0;
    const weekAhead = { late: 0, lateFlagged: 0, flagged: 0 };
    for (let month = `${period.from.slice(0, 7)}-01`; month <= period.to; month = addDays(month, 40).slice(0, 7) + '-01') {
      const model = await this.modelAsOf(month);
      const last = addDays(addDays(month, 40).slice(0, 7) + '-01', -1);
      const first = month < period.from ? period.from : month;
      const end = last > period.to ? period.to : last;
      let after: [CalendarDate, string] = [addDays(first, -1), '00000000-0000-0000-0000-000000000000'];
      for (;;) {
        const page = await this.dataSource.query<(SetRow & { answeredOn: CalendarDate; assignedOn: CalendarDate | null })[]>(FORECAST_SQL.answered, [
          after[0],
          after[1],
          end,
          BACK_TEST_PAGE,
          viewer.ministry?.code ?? null,
        ]);
        for (const set of page) {
          const predictedOn = set.assignedOn && set.assignedOn > set.submittedOn! ? set.assignedOn : set.submittedOn!;
          const risk = set.answeredOn >= predictedOn ? model.riskOf(set, predictedOn) : null;
          if (!risk) {
            skipped++;
            continue;
          }
          const wasLate = set.answeredOn > set.statutoryDeadline!;
          sets++;
          if (set.assignedOn) atAssignment++;
          if (wasLate) late++;
          const band = bands[Math.min(bandCount - 1, Math.floor(risk.chance * bandCount))];
          band.sets++;
          band.predicted += risk.chance;
          if (wasLate) band.late++;
          squaredError += (risk.chance - (wasLate ? 1 : 0)) ** 2;
          const weekBefore = addDays(set.statutoryDeadline!, -7);
          if (set.answeredOn >= weekBefore && weekBefore >= set.submittedOn!) {
            const then = model.riskOf(set, weekBefore);
            const flagged = then !== null && then.chance >= LIKELY_LATE;
            if (wasLate) weekAhead.late++;
            if (wasLate && flagged) weekAhead.lateFlagged++;
            if (flagged) weekAhead.flagged++;
          }
        }
        if (page.length < BACK_TEST_PAGE) break;
        const lastRow = page[page.length - 1];
        after = [lastRow.submittedOn!, lastRow.id];
      }
    }
    const share = sets > 0 ? late / sets : null;
    // Always predicting the observed share p: the mean squared error is p(1 − p).
    const baselineBrier = share === null ? null : share * (1 - share);
    const ratio = (a: number, b: number, decimals = 3) => (b > 0 ? Math.round((a / b) * 10 ** decimals) / 10 ** decimals : null);
    return {
      period,
      sets,
      late,
      predictedAtAssignment: atAssignment,
      predictedAtSubmission: sets - atAssignment,
      skipped,
      bands: bands.map((band, index) => ({
        from: index / bandCount,
        to: (index + 1) / bandCount,
        sets: band.sets,
        predicted: ratio(band.predicted, band.sets),
        observed: ratio(band.late, band.sets),
      })),
      brierScore: ratio(squaredError, sets, 4),
      baselineBrierScore: baselineBrier === null ? null : Math.round(baselineBrier * 1e4) / 1e4,
      lateCaughtWeekAhead: ratio(weekAhead.lateFlagged, weekAhead.late),
      flaggedWeekAheadLate: ratio(weekAhead.lateFlagged, weekAhead.flagged),
    };
  }
}
