import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import { Clock, type CalendarDate } from '@question-desk/deadlines';
import { RuleViolation } from '@question-desk/errors';
import type { DataSource } from 'typeorm';
import { HISTOGRAM_BIN_DAYS, HISTOGRAM_BINS, STATISTICS_SQL } from './statistics.queries';

/** A period of the statistics: both days included. */
export interface Period {
  from: CalendarDate;
  to: CalendarDate;
}

/** The figures of a group of sets over a period; see the API description for each definition. */
export interface Figures {
  received: number;
  answered: number;
  answeredOnTime: number;
  /** answeredOnTime / answered, 0 … 1; null when nothing was answered. */
  onTimeRate: number | null;
  medianDaysToAnswer: number | null;
  p90DaysToAnswer: number | null;
  lateWithoutPostponement: number;
  postponements: number;
  /** Postponements per set received in the period; null when none was received. */
  postponementsPerSet: number | null;
  open: number;
  overdue: number;
}

export interface MinistryStatistics extends Figures {
  ministry: { code: string; name: string };
}

export interface PartyStatistics extends Figures {
  party: string;
}

export interface MonthStatistics extends Omit<Figures, 'open' | 'overdue'> {
  /** YYYY-MM. */
  month: string;
  /** At the end of the month (today for the running month); null for months still to come. */
  open: number | null;
  overdue: number | null;
}

export interface DaysToAnswerBin {
  /** Calendar days from submission to answer, from … to (both included); `toDays` null: and more. */
  fromDays: number;
  toDays: number | null;
  answered: number;
  answeredOnTime: number;
}

/** The longest period the trend covers, in months. */
export const TREND_MAX_MONTHS = 120;

type Row = Record<string, unknown>;

/**
 * Runs one statement with PostgreSQL's JIT compilation off. The planner prices the view's subqueries
 * high, so at 100,000 sets JIT would compile (and optimise) the statement at every call: seconds of
 * compiling for a query that runs in a fraction of that (bench/statistics.ts).
 */
export function withoutJit<T>(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL jit = off');
    return manager.query<T>(sql, parameters);
  });
}

const round = (value: unknown, decimals: number): number | null =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10 ** decimals) / 10 ** decimals;

function figures(row: Row): Figures {
  const count = (name: string) => Number(row[name] ?? 0);
  return {
    received: count('received'),
    answered: count('answered'),
    answeredOnTime: count('answeredOnTime'),
    onTimeRate: count('answered') > 0 ? round(count('answeredOnTime') / count('answered'), 3) : null,
    medianDaysToAnswer: round(row.medianDaysToAnswer, 1),
    p90DaysToAnswer: round(row.p90DaysToAnswer, 1),
    lateWithoutPostponement: count('lateWithoutPostponement'),
    postponements: count('postponements'),
    postponementsPerSet: count('received') > 0 ? round(count('postponements') / count('received'), 2) : null,
    open: count('open'),
    overdue: count('overdue'),
  };
}

/**
 * How the desk performs: per lead ministry, per month and per submitting party, over a period; a
 * viewer with a ministry sees only the sets their ministry leads. Lateness counts against the
 * statutory deadline, whatever postponements moved the deadline in force to.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The period when none is given: from the first of January of this year up to today. */
  defaultPeriod(): Period {
    const today = this.clock.today();
    return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }

  async perMinistry(viewer: Viewer, period: Period): Promise<MinistryStatistics[]> {
    const rows = await this.run(STATISTICS_SQL.perMinistry, viewer, period);
    return rows.map((row) => ({ ministry: { code: String(row.code), name: String(row.name ?? row.code) }, ...figures(row) }));
  }

  async perParty(viewer: Viewer, period: Period): Promise<PartyStatistics[]> {
    const rows = await this.run(STATISTICS_SQL.perParty, viewer, period);
    return rows.map((row) => ({ party: String(row.party), ...figures(row) }));
  }

  async perMonth(viewer: Viewer, period: Period): Promise<MonthStatistics[]> {
    const months = (Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4))) * 12 + Number(period.to.slice(5, 7)) - Number(period.from.slice(5, 7)) + 1;
    if (months > TREND_MAX_MONTHS) {
      throw new RuleViolation([
        `The trend covers at most ${TREND_MAX_MONTHS} months; ${period.from} to ${period.to} spans ${months}. Choose a shorter period.`,
      ]);
    }
    const rows = await this.run(STATISTICS_SQL.perMonth, viewer, period);
    return rows.map((row) => {
      const { open, overdue, ...rest } = figures(row);
      void open;
      void overdue;
      return {
        month: String(row.month),
        ...rest,
        open: row.open === null ? null : Number(row.open),
        overdue: row.overdue === null ? null : Number(row.overdue),
      };
    });
  }

  /** Sets answered in the period by days from submission to answer, in weekly bins (all bins, empty ones too). */
  async daysToAnswer(viewer: Viewer, period: Period): Promise<DaysToAnswerBin[]> {
    const rows = await this.run(STATISTICS_SQL.daysToAnswer, viewer, period);
    const byBin = new Map(rows.map((row) => [Number(row.bin), row]));
    return Array.from({ length: HISTOGRAM_BINS }, (_, bin) => ({
      fromDays: bin * HISTOGRAM_BIN_DAYS,
      toDays: bin === HISTOGRAM_BINS - 1 ? null : bin * HISTOGRAM_BIN_DAYS + HISTOGRAM_BIN_DAYS - 1,
      answered: Number(byBin.get(bin)?.answered ?? 0),
      answeredOnTime: Number(byBin.get(bin)?.answeredOnTime ?? 0),
    }));
  }

  private run(sql: string, viewer: Viewer, period: Period): Promise<Row[]> {
    if (period.from > period.to) throw new RuleViolation([`The period starts (from ${period.from}) after it ends (to ${period.to}).`]);
    const today = this.clock.today();
    // Open and overdue are counted on the period's last day, or today when that is still to come.
    const countedOn = period.to < today ? period.to : today;
    return withoutJit<Row[]>(this.dataSource, sql, [period.from, period.to, countedOn, viewer.ministry?.code ?? null]);
  }
}
