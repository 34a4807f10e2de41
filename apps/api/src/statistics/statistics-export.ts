import type { Column, Table } from '@question-desk/exports';
import type { MinistryStatisticsDto, MonthStatisticsDto, PartyStatisticsDto } from './statistics.dto';

type Figures = Omit<MonthStatisticsDto, 'month' | 'open' | 'overdue'>;

/** The figures every statistics table shares, with their Dutch column names. */
function figureColumns<Row extends Figures>(): Column<Row>[] {
  return [
    { header: 'Ontvangen', value: (r) => r.received, type: 'integer' },
    { header: 'Beantwoord', value: (r) => r.answered, type: 'integer' },
    { header: 'Op tijd beantwoord', value: (r) => r.answeredOnTime, type: 'integer' },
    { header: 'Aandeel op tijd', value: (r) => r.onTimeRate, type: 'decimal' },
    { header: 'Mediaan dagen tot antwoord', value: (r) => r.medianDaysToAnswer, type: 'decimal' },
    { header: 'P90 dagen tot antwoord', value: (r) => r.p90DaysToAnswer, type: 'decimal' },
    { header: 'Te laat zonder uitstelbericht', value: (r) => r.lateWithoutPostponement, type: 'integer' },
    { header: 'Uitstelberichten', value: (r) => r.postponements, type: 'integer' },
    { header: 'Uitstelberichten per set', value: (r) => r.postponementsPerSet, type: 'decimal' },
  ];
}

function standingColumns<Row extends { open: number | null; overdue: number | null }>(): Column<Row>[] {
  return [
    { header: 'Open', value: (r) => r.open, type: 'integer' },
    { header: 'Te laat (open)', value: (r) => r.overdue, type: 'integer' },
  ];
}

/** `GET /api/statistics` as a download: one row per lead ministry. */
export const STATISTICS_EXPORT: Table<MinistryStatisticsDto> = {
  filename: 'statistiek-per-ministerie',
  sheet: 'Per ministerie',
  columns: [
    { header: 'Ministerie', value: (r) => r.ministry.code },
    { header: 'Naam ministerie', value: (r) => r.ministry.name },
    ...figureColumns<MinistryStatisticsDto>(),
    ...standingColumns<MinistryStatisticsDto>(),
  ],
};

/** `GET /api/statistics/trend` as a download: one row per month. */
export const TREND_EXPORT: Table<MonthStatisticsDto> = {
  filename: 'statistiek-per-maand',
  sheet: 'Per maand',
  columns: [{ header: 'Maand', value: (r) => r.month }, ...figureColumns<MonthStatisticsDto>(), ...standingColumns<MonthStatisticsDto>()],
};

/** `GET /api/statistics/parties` as a download: one row per submitting party. */
export const PARTIES_EXPORT: Table<PartyStatisticsDto> = {
  filename: 'statistiek-per-partij',
  sheet: 'Per partij',
  columns: [{ header: 'Partij', value: (r) => r.party }, ...figureColumns<PartyStatisticsDto>(), ...standingColumns<PartyStatisticsDto>()],
};
