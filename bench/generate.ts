/**
 * How long the generator takes, and what it makes:
 *   npm run bench:generate [-- --sets 100000]
 * Makes a throwaway database with the demo data, generates `--sets` sets into it, prints the time
 * and the rows per table, and drops it (KEEP_BENCH_DATABASE=true keeps it).
 */
import { option, withDemoDatabase } from './bench-desk';
import { GENERATED_SETS, generateSets, sql } from './generate-sets';

const SETS = Number(option('sets', '100000'));

async function main(): Promise<void> {
  await withDemoDatabase(async (url) => {
    const started = performance.now();
    await generateSets(url, SETS, (line) => console.log(line));
    const seconds = (performance.now() - started) / 1000;
    console.log(`Generated ${SETS.toLocaleString('en')} sets in ${seconds.toFixed(1)} s (${((seconds / SETS) * 1e6).toFixed(0)} s per million at this rate)`);
    const [facts] = await sql<Record<string, string>>(
      url,
      `SELECT count(*) AS sets, count(DISTINCT reference) AS references, min(submitted_on) AS first, max(submitted_on) AS last,
              count(*) FILTER (WHERE status NOT IN ('answered', 'withdrawn') AND deadline < current_date) AS overdue,
              (SELECT count(*) FROM question) AS questions, (SELECT count(*) FROM answer) AS answers,
              (SELECT count(*) FROM question_set_submitter) AS submitters, (SELECT count(*) FROM postponement) AS postponements,
              (SELECT count(*) FROM question_set_co_signing_ministry) AS "co-signing ministries", (SELECT count(*) FROM co_signature) AS "co-signatures",
              (SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status, count(*) AS n FROM question_set GROUP BY status) s) AS statuses
         FROM question_set WHERE ${GENERATED_SETS}`,
    );
    for (const [name, value] of Object.entries(facts)) console.log(`  ${name}: ${value}`);
  });
}

void main();
