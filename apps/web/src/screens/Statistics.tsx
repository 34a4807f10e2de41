import * as Plot from '@observablehq/plot';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { DaysToAnswerBin, MinistryStatistics, MonthStatistics, PartyStatistics } from '../api/types';
import { Chart } from '../components/Chart';
import { TextField } from '../components/Field';
import { ErrorMessage, Loading, useDocumentTitle } from '../components/Page';
import { ExportLinks } from '../components/ExportLinks';
import { todayIso } from '../format';

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)} %`);
const days = (value: number | null | undefined) => (value === null || value === undefined ? '—' : number.format(value));
const MONTH_NAMES = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const monthLabel = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
const binLabel = (bin: DaysToAnswerBin) => (bin.toDays === null ? `${bin.fromDays}+` : `${bin.fromDays}–${bin.toDays}`);
const BLUE = '#154273'; // rijkshuisstijl donkerblauw
const ORANGE = '#a64300';

function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="qd-table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="utrecht-table qd-table">
        <caption className="utrecht-table__caption">{label}</caption>
        {children}
      </table>
    </div>
  );
}

const Th = ({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) => (
  <th scope="col" className={`utrecht-table__header-cell${numeric ? ' qd-num' : ''}`}>
    {children}
  </th>
);
const Td = ({ children }: { children: ReactNode }) => <td className="utrecht-table__cell qd-num">{children}</td>;

function PerMinistry({ rows }: { rows: MinistryStatistics[] }) {
  const options = useMemo<Plot.PlotOptions>(
    () => ({
      marginLeft: 60,
      x: { label: 'Op tijd beantwoord (%)', domain: [0, 100], grid: true },
      y: { label: null },
      marks: [
        Plot.barX(
          rows.filter((r) => r.onTimeRate !== null),
          { y: (r: MinistryStatistics) => r.ministry.code, x: (r: MinistryStatistics) => Math.round((r.onTimeRate ?? 0) * 100), fill: BLUE, sort: { y: 'x', reverse: true } },
        ),
        Plot.ruleX([0]),
      ],
    }),
    [rows],
  );
  return (
    <section aria-labelledby="per-ministerie" className="qd-section">
      <h2 id="per-ministerie" className="utrecht-heading-2">
        Op tijd beantwoord per ministerie
      </h2>
      {rows.length === 0 ? (
        <p className="utrecht-paragraph">Geen vragensets in deze periode.</p>
      ) : (
        <div className="qd-chart-with-table">
          <Chart label="Staafdiagram: het deel van de beantwoorde vragensets dat op tijd was, per ministerie. De cijfers staan in de tabel." options={options} />
          <TableRegion label="Cijfers per ministerie">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <Th>Ministerie</Th>
                <Th numeric>Ontvangen</Th>
                <Th numeric>Beantwoord</Th>
                <Th numeric>Op tijd</Th>
                <Th numeric>% op tijd</Th>
                <Th numeric>Mediaan dagen</Th>
                <Th numeric>90% binnen dagen</Th>
                <Th numeric>Te laat zonder uitstelbericht</Th>
                <Th numeric>Uitstelberichten</Th>
                <Th numeric>Open</Th>
                <Th numeric>Over de termijn</Th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((r) => (
                <tr key={r.ministry.code} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <abbr title={r.ministry.name}>{r.ministry.code}</abbr>
                  </th>
                  <Td>{r.received}</Td>
                  <Td>{r.answered}</Td>
                  <Td>{r.answeredOnTime}</Td>
                  <Td>{percent(r.onTimeRate)}</Td>
                  <Td>{days(r.medianDaysToAnswer)}</Td>
                  <Td>{days(r.p90DaysToAnswer)}</Td>
                  <Td>{r.lateWithoutPostponement}</Td>
                  <Td>{r.postponements}</Td>
                  <Td>{r.open}</Td>
                  <Td>{r.overdue}</Td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        </div>
      )}
    </section>
  );
}

function Histogram({ bins }: { bins: DaysToAnswerBin[] }) {
  const options = useMemo<Plot.PlotOptions>(
    () => ({
      x: { label: 'Dagen van indienen tot antwoord', domain: bins.map(binLabel), tickRotate: -30 },
      y: { label: 'Beantwoord', grid: true },
      marginBottom: 50,
      marks: [
        Plot.barY(bins, { x: binLabel, y: 'answered', fill: BLUE }),
        Plot.barY(bins, { x: binLabel, y: 'answeredOnTime', fill: ORANGE }),
        Plot.ruleY([0]),
      ],
    }),
    [bins],
  );
  const total = bins.reduce((n, bin) => n + bin.answered, 0);
  return (
    <section aria-labelledby="dagen-tot-antwoord" className="qd-section">
      <h2 id="dagen-tot-antwoord" className="utrecht-heading-2">
        Dagen tot antwoord
      </h2>
      {total === 0 ? (
        <p className="utrecht-paragraph">In deze periode is niets beantwoord.</p>
      ) : (
        <div className="qd-chart-with-table">
          <div>
            <Chart label="Histogram: de beantwoorde vragensets naar het aantal dagen tot het antwoord, per week; oranje het deel dat op tijd was. De cijfers staan in de tabel." options={options} />
            <p className="utrecht-paragraph qd-legend">
              <span className="qd-swatch" style={{ background: BLUE }} /> beantwoord <span className="qd-swatch" style={{ background: ORANGE }} /> waarvan op tijd
            </p>
          </div>
          <TableRegion label="Beantwoorde vragensets naar dagen tot antwoord">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <Th>Dagen</Th>
                <Th numeric>Beantwoord</Th>
                <Th numeric>Waarvan op tijd</Th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {bins.map((bin) => (
                <tr key={bin.fromDays} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {bin.toDays === null ? `${bin.fromDays} of meer` : `${bin.fromDays} tot en met ${bin.toDays}`}
                  </th>
                  <Td>{bin.answered}</Td>
                  <Td>{bin.answeredOnTime}</Td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        </div>
      )}
    </section>
  );
}

function Trend({ months }: { months: MonthStatistics[] }) {
  const options = useMemo<Plot.PlotOptions>(() => {
    const points = months.filter((m) => m.onTimeRate !== null).map((m) => ({ month: monthLabel(m.month), rate: Math.round((m.onTimeRate ?? 0) * 100) }));
    return {
      x: { label: null, domain: months.map((m) => monthLabel(m.month)), tickRotate: -30, type: 'point' },
      y: { label: 'Op tijd beantwoord (%)', domain: [0, 100], grid: true },
      marginBottom: 50,
      marks: [Plot.lineY(points, { x: 'month', y: 'rate', stroke: BLUE, strokeWidth: 2 }), Plot.dot(points, { x: 'month', y: 'rate', fill: BLUE })],
    };
  }, [months]);
  return (
    <section aria-labelledby="per-maand" className="qd-section">
      <h2 id="per-maand" className="utrecht-heading-2">
        Per maand
      </h2>
      <div className="qd-chart-with-table">
        <Chart label="Lijndiagram: het deel van de vragensets dat op tijd werd beantwoord, per maand. De cijfers staan in de tabel." options={options} />
        <TableRegion label="Cijfers per maand">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <Th>Maand</Th>
              <Th numeric>Ontvangen</Th>
              <Th numeric>Beantwoord</Th>
              <Th numeric>% op tijd</Th>
              <Th numeric>Mediaan dagen</Th>
              <Th numeric>Open aan het eind</Th>
              <Th numeric>Over de termijn aan het eind</Th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {months.map((m) => (
              <tr key={m.month} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {monthLabel(m.month)}
                </th>
                <Td>{m.received}</Td>
                <Td>{m.answered}</Td>
                <Td>{percent(m.onTimeRate)}</Td>
                <Td>{days(m.medianDaysToAnswer)}</Td>
                <Td>{m.open ?? '—'}</Td>
                <Td>{m.overdue ?? '—'}</Td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      </div>
    </section>
  );
}

function Parties({ rows }: { rows: PartyStatistics[] }) {
  return (
    <section aria-labelledby="per-partij" className="qd-section">
      <h2 id="per-partij" className="utrecht-heading-2">
        Per partij van de indieners
      </h2>
      {rows.length === 0 ? (
        <p className="utrecht-paragraph">Geen vragensets in deze periode.</p>
      ) : (
        <TableRegion label="Cijfers per partij">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <Th>Partij</Th>
              <Th numeric>Ontvangen</Th>
              <Th numeric>Beantwoord</Th>
              <Th numeric>% op tijd</Th>
              <Th numeric>Mediaan dagen</Th>
              <Th numeric>Open</Th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((r) => (
              <tr key={r.party} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {r.party}
                </th>
                <Td>{r.received}</Td>
                <Td>{r.answered}</Td>
                <Td>{percent(r.onTimeRate)}</Td>
                <Td>{days(r.medianDaysToAnswer)}</Td>
                <Td>{r.open}</Td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
    </section>
  );
}

/** Statistiek: how the desk performs over a period; the period is in the address (?from=&to=). */
export default function Statistics() {
  useDocumentTitle('Statistiek');
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const period = { from: params.get('from') ?? `${today.slice(0, 4)}-01-01`, to: params.get('to') ?? today };
  const fetch = <T,>(path: string) => ({
    queryKey: ['statistics', path, period],
    queryFn: () => api.get<T>(path, period),
    placeholderData: keepPreviousData,
  });
  const ministries = useQuery(fetch<MinistryStatistics[]>('/api/statistics'));
  const histogram = useQuery(fetch<DaysToAnswerBin[]>('/api/statistics/days-to-answer'));
  const trend = useQuery(fetch<MonthStatistics[]>('/api/statistics/trend'));
  const parties = useQuery(fetch<PartyStatistics[]>('/api/statistics/parties'));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setParams({ from: form.get('from') as string, to: form.get('to') as string });
  };
  const error = ministries.error ?? histogram.error ?? trend.error ?? parties.error;

  return (
    <>
      <h1 className="utrecht-heading-1">Statistiek</h1>
      <p className="utrecht-paragraph qd-lead">
        Op tijd betekent: beantwoord uiterlijk op de wettelijke termijn (de dag zelf telt als op tijd), ook als een uitstelbericht de termijn verschoof. Ingetrokken vragensets tellen alleen als ontvangen.
      </p>
      <form key={params.toString()} onSubmit={submit} aria-label="Periode kiezen" className="qd-filters">
        <TextField label="Van" name="from" type="date" defaultValue={period.from} required />
        <TextField label="Tot en met" name="to" type="date" defaultValue={period.to} required />
        <div className="qd-field">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            Toon periode
          </button>
        </div>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
      {ministries.isPending ? <Loading /> : null}
      {ministries.data ? <ExportLinks path="/api/statistics" query={period} what="statistiek per ministerie" note="de cijfers per ministerie over deze periode" /> : null}
      {ministries.data ? <PerMinistry rows={ministries.data} /> : null}
      {histogram.data ? <Histogram bins={histogram.data} /> : null}
      {trend.data ? <Trend months={trend.data} /> : null}
      {trend.data ? <ExportLinks path="/api/statistics/trend" query={period} what="statistiek per maand" /> : null}
      {parties.data ? <Parties rows={parties.data} /> : null}
      {parties.data ? <ExportLinks path="/api/statistics/parties" query={period} what="statistiek per partij" /> : null}
    </>
  );
}
