/**
 * The warning before late, measured (issue 14.5):
 *
 *   npm run bench:forecast [-- --sets 100000 --months 12]
 *
 * `--sets` generated sets (bench/generate-sets.ts) and the demo data in a throwaway database, then:
 * 1. The back-test on the generator's own history: each month of the last `--months` full months,
 *    the sets submitted that month and answered since are predicted by a model made only from what
 *    the desk knew on the first of the month (as of their assignment, and a week before the
 *    statutory deadline): calibration per band of predicted chance, Brier score against always
 *    predicting the observed late share, the share of late sets caught a week ahead.
 * 2. Known behaviour: the answer times are rewritten so that each ministry answers a known share late
 *    (BZ 70 %, Fin 10 %, JenV 40 %, the others 25 %; sets still within reach of today stay open, as at
 *    a real desk); the model's estimate for a new set per ministry against that share, and the
 *    back-test again. Also the time to make the model, against the time to read the history alone.
 */
import { addDays, SystemClock } from '@question-desk/deadlines';
import { ForecastService, type BackTest } from '@question-desk/statistics';
import { DataSource } from 'typeorm';
import { option, withDemoDatabase } from './bench-desk';
import { generateSets, sql } from './generate-sets';
import { row, summarise, timeEach } from './stats';

const SETS = Number(option('sets', '100000'));
const MONTHS = Number(option('months', '12'));
const KNOWN: Record<string, number> = { BZ: 0.7, Fin: 0.1, JenV: 0.4 };
const OTHERS = 0.25;

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(0)} %`);

function printBackTest(title: string, result: BackTest): void {
  console.log(`\n${title}: sets submitted ${result.period.from} … ${result.period.to} and answered since`);
  console.log(
    `  ${result.sets} sets predicted (${result.predictedAtAssignment} at assignment, ${result.predictedAtSubmission} at submission: never assigned), ${result.skipped} left out; ${percent(result.late / Math.max(1, result.sets))} answered late`,
  );
  console.log('  predicted chance   sets   mean predicted   observed late');
  for (const band of result.bands) {
    console.log(
      `  ${percent(band.from).padStart(5)} – ${percent(band.to).padEnd(5)}    ${String(band.sets).padStart(6)}   ${percent(band.predicted).padStart(14)}   ${percent(band.observed).padStart(13)}`,
    );
  }
  console.log(`  Brier score ${result.brierScore} (always predicting the observed share: ${result.baselineBrierScore})`);
  console.log(
    `  a week before the statutory deadline: ${percent(result.lateCaughtWeekAhead)} of the late sets flagged "waarschijnlijk te laat"; ${percent(result.flaggedWeekAheadLate)} of the flagged sets were indeed late`,
  );
}

async function main(): Promise<void> {
  await withDemoDatabase(async (url) => {
    const generated = performance.now();
    await generateSets(url, SETS);
    console.log(`${SETS.toLocaleString('en')} sets generated in ${((performance.now() - generated) / 1000).toFixed(0)} s`);
    const dataSource = new DataSource({ type: 'postgres', url });
    await dataSource.initialize();
    try {
      const clock = new SystemClock();
      const forecast = new ForecastService(dataSource, clock);
      const today = clock.today();
      const end = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
      end.setUTCDate(0); // the last day of the previous month
      const start = new Date(end);
      start.setUTCDate(1);
      start.setUTCMonth(start.getUTCMonth() - MONTHS + 1);
      const period = { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
      const everyone = { id: 'bench', email: 'bench', name: 'bench', roles: ['coordinator' as const], ministry: null };

      const making = summarise(await timeEach(5, () => forecast.modelAsOf(today)));
      const reading = summarise(await timeEach(5, () => sql(url, `SELECT count(*) FROM question_set WHERE submitted_on >= current_date - 730`)));
      console.log(row('count the sets of the last two years (baseline)', reading));
      console.log(row('make the late-risk model (history query + Kaplan–Meier)', making, reading));

      let started = performance.now();
      printBackTest("1. The generator's history", await forecast.backTest(everyone, period));
      console.log(`  (back-test took ${((performance.now() - started) / 1000).toFixed(1)} s)`);

      // 2. Known behaviour: per ministry a known share late; days to answer 3–21 (in time) or 22–61 (late).
      const share = `(CASE lead_ministry_code ${Object.entries(KNOWN)
        .map(([code, s]) => `WHEN '${code}' THEN ${s}`)
        .join(' ')} ELSE ${OTHERS} END)`;
      const draw = (salt: number) => `((hashtext(id::text || '${salt}')::bigint + 2147483648) / 4294967296.0)`;
      await sql(
        url,
        `WITH known AS (
           SELECT id, submitted_on + CASE WHEN ${draw(1)} < ${share} THEN 22 + floor(${draw(2)} * 40)::int ELSE 3 + floor(${draw(2)} * 19)::int END AS answered
             FROM question_set WHERE status <> 'withdrawn' AND submitted_on IS NOT NULL AND lead_ministry_code IS NOT NULL)
         UPDATE question_set qs
            SET status = CASE WHEN k.answered < current_date THEN 'answered' ELSE 'drafting' END,
                answered_on = CASE WHEN k.answered < current_date THEN k.answered END
           FROM known k WHERE k.id = qs.id`,
      );
      await sql(url, 'ANALYZE question_set');
      const model = await forecast.modelAsOf(today);
      console.log('\n2. Known behaviour: the estimate for a new set (submitted today, three weeks to answer) against the known late share');
      for (const code of ['BZ', 'Fin', 'JenV', 'EZK']) {
        const risk = model.riskOf({ ministry: code, questions: 3, submittedOn: today, statutoryDeadline: addDays(today, 21) }, today);
        console.log(
          `  ${code.padEnd(5)} known ${percent(KNOWN[code] ?? OTHERS).padStart(5)}  estimated ${percent(risk?.chance ?? null).padStart(5)}   "${risk?.reason}"`,
        );
      }
      started = performance.now();
      printBackTest('   Back-test on the known history', await forecast.backTest(everyone, period));
      console.log(`  (back-test took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } finally {
      await dataSource.destroy();
    }
  });
}

void main();
