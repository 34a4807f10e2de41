import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MinistryDto } from '../auth/login.dto';
import { IsCalendarDate } from '../http/is-calendar-date';
import { IsOptional } from 'class-validator';

/** The definitions every statistics route uses; the API description shows them. */
export const STATISTICS_DEFINITIONS = [
  'Definitions (the period is `from` … `to`, both days included, Europe/Amsterdam calendar dates; without them: 1 January of this year up to today):',
  '- **received**: sets submitted (the "ingezonden" date) in the period, whatever became of them — withdrawn sets included.',
  '- **answered**: sets answered in the period (by their answer date), whenever submitted. Withdrawn sets are never answered, on time or late.',
  "- **answeredOnTime**: of those, answered on or before the statutory deadline (answered on the deadline day itself is on time). Lateness always counts against the statutory deadline (three weeks for the Tweede Kamer, the desk's target for the Eerste Kamer), however far a postponement moved the deadline in force.",
  '- **onTimeRate**: answeredOnTime / answered, 0 … 1 (three decimals); null when nothing was answered.',
  "- **medianDaysToAnswer**, **p90DaysToAnswer**: of the sets answered in the period, the median and 90th percentile (continuous, as PostgreSQL's percentile_cont) of the calendar days from submission to answer; null when nothing was answered.",
  '- **lateWithoutPostponement**: answered in the period after the statutory deadline without any postponement notice (uitstelbericht) registered.',
  '- **postponements**: postponement notices registered for the sets received in the period; **postponementsPerSet** = postponements / received (null when none was received).',
  '- **open**: sets not answered and not withdrawn at the end of the period (or today, when the period runs into the future): submitted by then and answered after it or not yet. A withdrawn set has no date of withdrawal, so it never counts as open.',
  '- **overdue**: of the open sets, those whose statutory deadline lay before that day.',
  'Sets without a lead ministry are left out. A viewer with a ministry sees only the sets their ministry leads; others see every ministry.',
].join('\n');

export class StatisticsPeriodQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-01-01', description: 'First day of the period (included); default 1 January of this year' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-01', description: 'Last day of the period (included); default today' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

class FiguresDto {
  @ApiProperty({ example: 40, description: 'Sets submitted in the period' })
  received: number;

  @ApiProperty({ example: 36, description: 'Sets answered in the period' })
  answered: number;

  @ApiProperty({ example: 20, description: 'Of those, answered on or before the statutory deadline' })
  answeredOnTime: number;

  @ApiProperty({ example: 0.556, nullable: true, type: Number, description: 'answeredOnTime / answered; null when nothing was answered' })
  onTimeRate: number | null;

  @ApiProperty({ example: 23, nullable: true, type: Number, description: 'Median calendar days from submission to answer' })
  medianDaysToAnswer: number | null;

  @ApiProperty({ example: 48.5, nullable: true, type: Number, description: '90th percentile of the calendar days from submission to answer' })
  p90DaysToAnswer: number | null;

  @ApiProperty({ example: 4, description: 'Answered in the period after the statutory deadline without a postponement notice' })
  lateWithoutPostponement: number;

  @ApiProperty({ example: 9, description: 'Postponement notices of the sets received in the period' })
  postponements: number;

  @ApiProperty({ example: 0.23, nullable: true, type: Number, description: 'postponements / received' })
  postponementsPerSet: number | null;
}

class StandingDto extends FiguresDto {
  @ApiProperty({ example: 12, description: 'Open at the end of the period (or today)' })
  open: number;

  @ApiProperty({ example: 3, description: 'Of those, past their statutory deadline' })
  overdue: number;
}

export class MinistryStatisticsDto extends StandingDto {
  @ApiProperty({ type: MinistryDto, description: 'The lead ministry' })
  ministry: MinistryDto;
}

export class PartyStatisticsDto extends StandingDto {
  @ApiProperty({ example: 'CDA', description: 'A party of a submitting member; a set with members of several parties counts for each' })
  party: string;
}

export class MonthStatisticsDto extends FiguresDto {
  @ApiProperty({ example: '2026-03', description: 'YYYY-MM: received by submission month, answered by answer month' })
  month: string;

  @ApiProperty({
    example: 12,
    nullable: true,
    type: Number,
    description: 'Open at the end of the month (today for the running month); null for months to come',
  })
  open: number | null;

  @ApiProperty({ example: 3, nullable: true, type: Number, description: 'Of those, past their statutory deadline' })
  overdue: number | null;
}

export class DaysToAnswerBinDto {
  @ApiProperty({ example: 14, description: 'Calendar days from submission to answer: from (included)' })
  fromDays: number;

  @ApiProperty({ example: 20, nullable: true, type: Number, description: 'to (included); null: and more' })
  toDays: number | null;

  @ApiProperty({ example: 11, description: 'Sets answered in the period that took this long' })
  answered: number;

  @ApiProperty({ example: 6, description: 'Of those, on or before the statutory deadline' })
  answeredOnTime: number;
}

export class PeriodDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;
}

export class RiskBandDto {
  @ApiProperty({ example: 0.6, description: 'Predicted chance from (included)' })
  from: number;

  @ApiProperty({ example: 0.8, description: 'to (excluded; the last band includes 1)' })
  to: number;

  @ApiProperty({ example: 120 })
  sets: number;

  @ApiProperty({ example: 0.71, nullable: true, type: Number, description: 'Mean predicted chance of the sets in the band' })
  predicted: number | null;

  @ApiProperty({ example: 0.68, nullable: true, type: Number, description: 'Share of them answered after the statutory deadline' })
  observed: number | null;
}

export class BackTestDto {
  @ApiProperty({ type: PeriodDto, description: 'Sets submitted in this period and answered since' })
  period: PeriodDto;

  @ApiProperty({ example: 480, description: 'Sets predicted' })
  sets: number;

  @ApiProperty({ example: 150, description: 'Of those, answered after the statutory deadline' })
  late: number;

  @ApiProperty({ description: 'Predicted as of the day of their first assignment' })
  predictedAtAssignment: number;

  @ApiProperty({ description: 'Never assigned through the desk: predicted as of their submission' })
  predictedAtSubmission: number;

  @ApiProperty({ description: 'Left out: answered before the day of the prediction, or too little history to predict' })
  skipped: number;

  @ApiProperty({ type: RiskBandDto, isArray: true, description: 'Calibration of the chance at assignment in bands of 20 points' })
  bands: RiskBandDto[];

  @ApiProperty({ nullable: true, type: Number, description: 'Mean squared error of the chance at assignment (lower is better)' })
  brierScore: number | null;

  @ApiProperty({ nullable: true, type: Number, description: "The same for always predicting the period's observed late share" })
  baselineBrierScore: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Share of the late sets that were "waarschijnlijk te laat" (chance ≥ 0.5) a week before the statutory deadline',
  })
  lateCaughtWeekAhead: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Of the sets flagged a week ahead, the share indeed answered late' })
  flaggedWeekAheadLate: number | null;
}
