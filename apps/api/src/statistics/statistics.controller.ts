import { BadRequestException, Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCookieAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { BACK_TEST_MAX_MONTHS, ForecastService, StatisticsService, TREND_MAX_MONTHS, type Period } from '@question-desk/statistics';
import { SESSION_COOKIE } from '../http/browser-session';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { Exportable, ExportRequested, rowsOrDownload, type TabularExport } from '../http/exportable';
import { Roles } from '../http/roles.decorator';
import { PARTIES_EXPORT, STATISTICS_EXPORT, TREND_EXPORT } from './statistics-export';
import {
  BackTestDto,
  DaysToAnswerBinDto,
  MinistryStatisticsDto,
  MonthStatisticsDto,
  PartyStatisticsDto,
  STATISTICS_DEFINITIONS,
  StatisticsPeriodQuery,
} from './statistics.dto';

const monthsOf = ({ from, to }: Period) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

@ApiTags('Statistics')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly forecast: ForecastService,
  ) {}

  /** The period asked for, completed with the defaults; 400 when it ends before it begins or is longer than allowed. */
  private periodOf(query: StatisticsPeriodQuery, maxMonths?: number): Period {
    const defaults = this.statistics.defaultPeriod();
    const period = {
      from: query.from ?? (query.to && query.to < defaults.from ? `${query.to.slice(0, 4)}-01-01` : defaults.from),
      to: query.to ?? defaults.to,
    };
    if (period.from > period.to) throw new BadRequestException(`from (${period.from}) must not lie after to (${period.to})`);
    if (maxMonths && monthsOf(period) > maxMonths) {
      throw new BadRequestException(`from ${period.from} to ${period.to} spans ${monthsOf(period)} months; ask for at most ${maxMonths}`);
    }
    return period;
  }

  @Get()
  @ApiOperation({
    summary: 'Per lead ministry: received, answered, on time, days to answer, postponements, open and overdue',
    description: STATISTICS_DEFINITIONS,
  })
  @ApiOkResponse({ type: MinistryStatisticsDto, isArray: true, description: 'One row per lead ministry with any figure in the period, by code' })
  @ApiBadRequestResponse({ description: 'from or to is not a date, or from lies after to' })
  @Exportable(STATISTICS_EXPORT)
  perMinistry(
    @CurrentViewer() viewer: Viewer,
    @Query() query: StatisticsPeriodQuery,
    @ExportRequested() download: TabularExport | null,
  ): Promise<MinistryStatisticsDto[] | StreamableFile> {
    return rowsOrDownload(this.statistics.perMinistry(viewer, this.periodOf(query)), download);
  }

  @Get('trend')
  @ApiOperation({
    summary: 'The same figures per calendar month of the period',
    description: `${STATISTICS_DEFINITIONS}\n\nPer month: received by submission month, answered (and its on-time share, days and lateness) by answer month, postponements of the sets received that month, open and overdue at the end of the month. At most ${TREND_MAX_MONTHS} months.`,
  })
  @ApiOkResponse({ type: MonthStatisticsDto, isArray: true, description: 'Every month of the period, oldest first, empty months too' })
  @ApiBadRequestResponse({ description: `from or to is not a date, from lies after to, or the period spans more than ${TREND_MAX_MONTHS} months` })
  @Exportable(TREND_EXPORT)
  trend(
    @CurrentViewer() viewer: Viewer,
    @Query() query: StatisticsPeriodQuery,
    @ExportRequested() download: TabularExport | null,
  ): Promise<MonthStatisticsDto[] | StreamableFile> {
    return rowsOrDownload(this.statistics.perMonth(viewer, this.periodOf(query, TREND_MAX_MONTHS)), download);
  }

  @Get('parties')
  @ApiOperation({
    summary: 'The same figures per party of the submitting members',
    description: `${STATISTICS_DEFINITIONS}\n\nA set submitted by members of several parties counts once for each of them; members without a party are left out.`,
  })
  @ApiOkResponse({ type: PartyStatisticsDto, isArray: true, description: 'One row per party, most sets received first' })
  @ApiBadRequestResponse({ description: 'from or to is not a date, or from lies after to' })
  @Exportable(PARTIES_EXPORT)
  parties(
    @CurrentViewer() viewer: Viewer,
    @Query() query: StatisticsPeriodQuery,
    @ExportRequested() download: TabularExport | null,
  ): Promise<PartyStatisticsDto[] | StreamableFile> {
    return rowsOrDownload(this.statistics.perParty(viewer, this.periodOf(query)), download);
  }

  @Get('days-to-answer')
  @ApiOperation({
    summary: 'The sets answered in the period by calendar days from submission to answer, in weekly bins (the histogram)',
    description: STATISTICS_DEFINITIONS,
  })
  @ApiOkResponse({ type: DaysToAnswerBinDto, isArray: true, description: 'Thirteen bins: 0–6, 7–13 … 77–83 days, and 84 days or more' })
  @ApiBadRequestResponse({ description: 'from or to is not a date, or from lies after to' })
  daysToAnswer(@CurrentViewer() viewer: Viewer, @Query() query: StatisticsPeriodQuery): Promise<DaysToAnswerBinDto[]> {
    return this.statistics.daysToAnswer(viewer, this.periodOf(query));
  }

  @Get('forecast/back-test')
  @Roles('desk', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'How good the warning before late is: a back-test on the sets submitted in the period and answered since',
    description: `Each month's sets are predicted by a model made only from what the desk knew on the first of that month (the sets submitted in the two years before, still-open ones censored): as of the day of their first assignment (or of submission), and a week before the statutory deadline; then compared with when they were answered. Calibration per band of predicted chance, the Brier score against always predicting the observed late share, and the share of the late sets flagged "waarschijnlijk te laat" a week ahead. At most ${BACK_TEST_MAX_MONTHS} months; the sets of the whole desk, or of the viewer's ministry (the model learns from the whole desk).`,
  })
  @ApiOkResponse({ type: BackTestDto })
  @ApiBadRequestResponse({ description: `from or to is not a date, from lies after to, or the period spans more than ${BACK_TEST_MAX_MONTHS} months` })
  @ApiForbiddenResponse({ description: 'Only desk officers, coordinators and administrators' })
  backTest(@CurrentViewer() viewer: Viewer, @Query() query: StatisticsPeriodQuery): Promise<BackTestDto> {
    return this.forecast.backTest(viewer, this.periodOf(query, BACK_TEST_MAX_MONTHS));
  }
}
