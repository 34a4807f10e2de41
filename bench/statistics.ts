/**
 * Statistics at scale (issue 14.1):
 *
 *   npm run bench:statistics [-- --database qd_scale_1m --sets 1000000 --runs 10 --http 10 --forecast false]
 *
 * With `--database` a named database with the demo data and `--sets` generated sets
 * (bench/scale-database.ts: reused when it holds them, any newer migrations applied; made once
 * otherwise); without it a throwaway one (bench/generate-sets.ts: 40,000 sets a year over as many
 * years as that takes, half of them still open). Then, for the last full year and for all time
 * (from the first set received to today), the statistics service itself (its SQL and shaping, no
 * HTTP) as a coordinator who sees every ministry: per ministry, per month (the trend; at most
 * ten years of it), per party and the histogram; and the same over HTTP (the API in a process of its
 * own, signed in as the demo coordinator); and the forecast's parts (the model, the late risk of a
 * list page of 100 sets, the likely-late section). Each against a baseline of counting the year's
 * sets (`SELECT count(*) … WHERE submitted_on BETWEEN …`) in the same run; then EXPLAIN (ANALYZE,
 * BUFFERS) of each statistics statement for the year.
 */
import { Clock, SystemClock } from '@question-desk/deadlines';
import { OPEN_STATUSES } from '@question-desk/question-sets';
import { ForecastService, STATISTICS_SQL, StatisticsService, TREND_MAX_MONTHS, type LateRiskSubject, type Period } from '@question-desk/statistics';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { expectStatus, option, signIn, startApi, withDemoDatabase } from './bench-desk';
import { generateSets, sql } from './generate-sets';
import { scaleDatabase } from './scale-database';
import { row, summarise, timeEach, type Summary } from './stats';

const SETS = Number(option('sets', '100000'));
const RUNS = Number(option('runs', '10'));
const HTTP_RUNS = Number(option('http', String(RUNS)));
const DATABASE = option('database', '');
/** `--forecast false` leaves the forecast's parts out. */
const FORECAST = option('forecast', 'true') !== 'false';

/** The database to measure: the named one (kept), or a throwaway one for the length of `work`. */
async function withDatabase(work: (url: string) => Promise<void>): Promise<void> {
  if (DATABASE) {
    process.env.LOG_LEVEL = 'silent';
    process.env.REDIS_PREFIX = `qd-bench-statistics-${process.pid}`;
    const { url } = await scaleDatabase(DATABASE, SETS, (line) => console.log(line));
    return work(url);
  }
  return withDemoDatabase(async (url) => {
    const generated = performance.now();
    await generateSets(url, SETS);
    console.log(`${SETS.toLocaleString('en')} sets generated in ${((performance.now() - generated) / 1000).toFixed(0)} s`);
    await work(url);
  });
}

const measure = async (runs: number, work: () => Promise<unknown>): Promise<Summary> => {
  await work(); // warm up
  return summarise(await timeEach(runs, work));
};

/** The months a trend may cover, counted back from the period's end. */
function trendPeriod(period: Period): Period {
  const [year, month] = period.to.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - TREND_MAX_MONTHS, 1)).toISOString().slice(0, 10);
  return { from: first > period.from ? first : period.from, to: period.to };
}

async function main(): Promise<void> {
  await withDatabase(async (url) => {
    const dataSource = new DataSource({ type: 'postgres', url });
    await dataSource.initialize();
    const api = await startApi(url);
    try {
      const clock: Clock = new SystemClock();
      const statistics = new StatisticsService(dataSource, clock);
      const forecast = new ForecastService(dataSource, clock);
      const viewer = { id: 'bench', email: 'bench', name: 'bench', roles: ['coordinator' as const], ministry: null };
      const coordinator = await signIn(api.base, 'coordinator@example.org');
      const year = Number(clock.today().slice(0, 4)) - 1;
      const [{ first }] = await sql<{ first: string }>(url, `SELECT to_char(min(submitted_on), 'YYYY-MM-DD') AS first FROM question_set`);
      const periods: [string, Period][] = [
        [`${year}`, { from: `${year}-01-01`, to: `${year}-12-31` }],
        [`all time (${first} … today)`, { from: first, to: clock.today() }],
      ];
      const baseline = await measure(RUNS, () =>
        sql(url, `SELECT count(*) FROM question_set WHERE submitted_on BETWEEN $1 AND $2`, [periods[0][1].from, periods[0][1].to]),
      );
      const [{ sets }] = await sql<{ sets: string }>(url, 'SELECT count(*) AS sets FROM question_set');
      console.log(
        `\n${Number(sets).toLocaleString('en')} sets in ${DATABASE || 'a throwaway database'}; ${RUNS} runs each, ${HTTP_RUNS} over HTTP (ms; ratio to the baseline)`,
      );
      console.log(row(`count the sets submitted in ${year} (baseline)`, baseline));
      const http = async (path: string, period: Period) => expectStatus(path, await coordinator.get(`${path}?from=${period.from}&to=${period.to}`));
      let screen = 0;
      for (const [label, period] of periods) {
        const trend = trendPeriod(period);
        const trendLabel = trend.from === period.from ? label : `${label}, last ${TREND_MAX_MONTHS} months`;
        console.log(row(`per ministry, ${label}`, await measure(RUNS, () => statistics.perMinistry(viewer, period)), baseline));
        console.log(row(`per month (trend), ${trendLabel}`, await measure(RUNS, () => statistics.perMonth(viewer, trend)), baseline));
        console.log(row(`per party, ${label}`, await measure(RUNS, () => statistics.perParty(viewer, period)), baseline));
        console.log(row(`days to answer (histogram), ${label}`, await measure(RUNS, () => statistics.daysToAnswer(viewer, period)), baseline));
        const routes: [string, Period][] = [
          ['/statistics', period],
          ['/statistics/trend', trend],
          ['/statistics/parties', period],
          ['/statistics/days-to-answer', period],
        ];
        for (const [path, asked] of routes) {
          const summary = await measure(HTTP_RUNS, () => http(path, asked));
          if (label === periods[0][0]) screen += summary.p50;
          console.log(row(`GET /api${path}, ${path.endsWith('trend') ? trendLabel : label}`, summary, baseline));
        }
        console.log(
          row(
            `the Statistiek screen's four requests at once, ${label}`,
            await measure(HTTP_RUNS, () => Promise.all(routes.map(([path, asked]) => http(path, asked)))),
            baseline,
          ),
        );
      }
      console.log(`  (the four routes one after another for ${year}: ${screen.toFixed(0)} ms at the median)`);
      if (FORECAST) await measureForecast();
      async function measureForecast(): Promise<void> {
        console.log(row('the late-risk model (made every 10 minutes)', await measure(RUNS, () => forecast.modelAsOf(clock.today())), baseline));
        await forecast.model();
        // A page of open sets as the list route answers it: the facts come with the sets, the model is cached.
        const page = (
          expectStatus('a list page', await coordinator.get(`/question-sets?status=${OPEN_STATUSES.join(',')}&sort=-deadline&pageSize=100`)).body as {
            items: LateRiskSubject[];
          }
        ).items;
        console.log(row('late risk of a list page of 100 sets (cached model)', await measure(RUNS, () => forecast.lateRisksOf(page)), baseline));
        console.log(row('likely-late section (cached model)', await measure(RUNS, () => forecast.likelyLate(viewer, 10)), baseline));
      }
      const figures = await statistics.perMinistry(viewer, periods[0][1]);
      console.log(
        `  ${year}: ${figures
          .slice(0, 3)
          .map(
            (f) =>
              `${f.ministry.code} ${f.received} received, ${f.answered} answered, ${Math.round((f.onTimeRate ?? 0) * 100)} % on time, median ${f.medianDaysToAnswer} d, ${f.open} open`,
          )
          .join('; ')} …`,
      );
      await explainEach(url, periods[0][1], clock.today());
    } finally {
      await api.stop();
      await dataSource.destroy();
    }
  });
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statistics statement for `period`, as the service runs it (JIT off). */
async function explainEach(url: string, period: Period, today: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET jit = off');
    const countedOn = period.to < today ? period.to : today;
    for (const [name, text] of Object.entries(STATISTICS_SQL)) {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, [period.from, period.to, countedOn, null]);
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) ${name}, ${period.from} … ${period.to}:`);
      for (const line of plan.rows) console.log(`  ${line['QUERY PLAN']}`);
    }
  } finally {
    await client.end();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
