/**
 * Statistics at scale (issue 14.1):
 *
 *   npm run bench:statistics [-- --sets 1000000 --runs 10]
 *
 * `--sets` generated sets (bench/generate-sets.ts: 40,000 a year over as many years as that takes,
 * half of them still open) and the demo data in a throwaway database; then the statistics service
 * itself (its SQL and shaping, no HTTP), as a viewer who sees every ministry, for the last full year
 * and for this year: per ministry, per month, per party, the histogram, and the forecast's parts
 * (the model, the late risk of a list page of 100 sets, the likely-late section) — against a baseline
 * of counting the year's sets (`SELECT count(*) … WHERE submitted_on BETWEEN …`) in the same run.
 */
import { Clock, SystemClock } from '@question-desk/deadlines';
import { ForecastService, StatisticsService } from '@question-desk/statistics';
import { DataSource } from 'typeorm';
import { option, withDemoDatabase } from './bench-desk';
import { generateSets, sql } from './generate-sets';
import { row, summarise, timeEach } from './stats';

const SETS = Number(option('sets', '100000'));
const RUNS = Number(option('runs', '10'));

async function main(): Promise<void> {
  await withDemoDatabase(async (url) => {
    const generated = performance.now();
    await generateSets(url, SETS);
    console.log(`${SETS.toLocaleString('en')} sets generated in ${((performance.now() - generated) / 1000).toFixed(0)} s`);
    const dataSource = new DataSource({ type: 'postgres', url });
    await dataSource.initialize();
    try {
      const clock: Clock = new SystemClock();
      const statistics = new StatisticsService(dataSource, clock);
      const forecast = new ForecastService(dataSource, clock);
      const viewer = { id: 'bench', email: 'bench', name: 'bench', roles: ['coordinator' as const], ministry: null };
      const year = Number(clock.today().slice(0, 4)) - 1;
      const lastYear = { from: `${year}-01-01`, to: `${year}-12-31` };
      const thisYear = statistics.defaultPeriod();
      const measure = async (work: () => Promise<unknown>) => {
        await work(); // warm up
        return summarise(await timeEach(RUNS, work));
      };
      const baseline = await measure(() => sql(url, `SELECT count(*) FROM question_set WHERE submitted_on BETWEEN $1 AND $2`, [lastYear.from, lastYear.to]));
      console.log(`${SETS.toLocaleString('en')} sets; ${RUNS} runs each (ms; ratio to the baseline)`);
      console.log(row(`count the sets submitted in ${year} (baseline)`, baseline));
      console.log(row(`per ministry, ${year}`, await measure(() => statistics.perMinistry(viewer, lastYear)), baseline));
      console.log(row(`per ministry, ${thisYear.from} … ${thisYear.to}`, await measure(() => statistics.perMinistry(viewer, thisYear)), baseline));
      console.log(row(`per month (trend), ${year}`, await measure(() => statistics.perMonth(viewer, lastYear)), baseline));
      console.log(row(`per party, ${year}`, await measure(() => statistics.perParty(viewer, lastYear)), baseline));
      console.log(row(`days to answer (histogram), ${year}`, await measure(() => statistics.daysToAnswer(viewer, lastYear)), baseline));
      console.log(row('the late-risk model (made every 10 minutes)', await measure(() => forecast.modelAsOf(clock.today())), baseline));
      await forecast.model();
      const page = (
        await sql<{ id: string }>(url, `SELECT id FROM question_set WHERE status NOT IN ('answered', 'withdrawn') ORDER BY deadline DESC LIMIT 100`)
      ).map((r) => r.id);
      console.log(row('late risk of a list page of 100 sets (cached model)', await measure(() => forecast.lateRisks(page)), baseline));
      console.log(row('likely-late section (cached model)', await measure(() => forecast.likelyLate(viewer, 10)), baseline));
      const figures = await statistics.perMinistry(viewer, lastYear);
      console.log(
        `  ${year}: ${figures
          .slice(0, 3)
          .map(
            (f) =>
              `${f.ministry.code} ${f.received} received, ${f.answered} answered, ${Math.round((f.onTimeRate ?? 0) * 100)} % on time, median ${f.medianDaysToAnswer} d`,
          )
          .join('; ')} …`,
      );
    } finally {
      await dataSource.destroy();
    }
  });
}

void main();
