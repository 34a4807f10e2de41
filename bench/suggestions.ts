/**
 * Earlier-answers benchmark (issue: workflow, point 9).
 *
 *   npm run bench:suggestions [-- --sets 10000 --requests 200 --corpus samples|templates]
 *
 * With the demo data and `--sets` generated sets (every answered one with an answer to each
 * question), over HTTP: p50/p99 of GET …/questions/3/suggestions for appendix 2290, as the desk
 * (sees every set) and as the BZ drafter (sees BZ's), against GET /api/question-sets/:id of the
 * same set (the suggestion route reads the set first) in the same run.
 *
 * `--corpus samples` (the default) is the worst case: every generated question and answer is one
 * of the sample documents' own, so the probe's words recur in thousands of sets. `templates`
 * keeps the shared generator's short questions and gives answers a template text.
 */
import { expectStatus, option, withBenchDesk } from './bench-desk';
import { GENERATED_SETS, sql } from './generate-sets';
import { row, summarise, timeEach } from './stats';

const SETS = Number(option('sets', '10000'));
const REQUESTS = Number(option('requests', '200'));
const CORPUS = option('corpus', 'samples');

/** Gives the generated sets 3 to 8 questions and their answered ones an answer to each. */
async function fillTexts(url: string): Promise<void> {
  const generated = `SELECT id FROM question_set WHERE ${GENERATED_SETS}`;
  await sql(url, `DELETE FROM answer WHERE question_set_id IN (${generated})`);
  if (CORPUS === 'samples') {
    const samples = `question_set_id NOT IN (${generated})`;
    await sql(url, `CREATE TABLE bench_question_pool AS SELECT row_number() OVER (ORDER BY id) AS n, text FROM question WHERE ${samples}`);
    await sql(url, `CREATE TABLE bench_answer_pool AS SELECT row_number() OVER (ORDER BY id) AS n, text FROM answer WHERE ${samples}`);
    await sql(url, `DELETE FROM question WHERE question_set_id IN (${generated})`);
    await sql(
      url,
      `INSERT INTO question (question_set_id, number, text)
       SELECT s.id, q, p.text || ' (' || s.reference || ')'
         FROM question_set s CROSS JOIN generate_series(1, 8) q
         JOIN bench_question_pool p ON p.n = 1 + abs(hashtext(s.id::text || q)) % (SELECT count(*) FROM bench_question_pool)
        WHERE s.id IN (${generated}) AND q <= 3 + abs(hashtext(s.id::text)) % 6`,
    );
    await sql(
      url,
      `INSERT INTO answer (question_set_id, position, question_numbers, text)
       SELECT q.question_set_id, q.number - 1, ARRAY[q.number], p.text
         FROM question q JOIN question_set s ON s.id = q.question_set_id
         JOIN bench_answer_pool p ON p.n = 1 + abs(hashtext(q.id::text)) % (SELECT count(*) FROM bench_answer_pool)
        WHERE s.status = 'answered' AND s.id IN (${generated})`,
    );
    await sql(url, 'DROP TABLE bench_question_pool, bench_answer_pool');
  } else {
    await sql(
      url,
      `INSERT INTO answer (question_set_id, position, question_numbers, text)
       SELECT q.question_set_id, q.number - 1, ARRAY[q.number], 'Het kabinet volgt de ontwikkelingen rond ' || s.subject || ' nauwgezet.'
         FROM question q JOIN question_set s ON s.id = q.question_set_id
        WHERE s.status = 'answered' AND s.id IN (${generated})`,
    );
  }
  await sql(url, 'ANALYZE');
}

async function main(): Promise<void> {
  console.log(`Question Desk suggestions benchmark — node ${process.version}, ${SETS} sets, corpus "${CORPUS}", ${REQUESTS} requests per row`);
  await withBenchDesk(SETS, fillTexts, async (bench) => {
    const [counts] = await sql<{ questions: string; answers: string; answered: string }>(
      bench.url,
      `SELECT (SELECT count(*) FROM question) AS questions, (SELECT count(*) FROM answer) AS answers,
              (SELECT count(*) FROM question_set WHERE status = 'answered') AS answered`,
    );
    console.log(`  ${counts.answered} answered sets; ${counts.questions} questions, ${counts.answers} answers in all`);
    const desk = await bench.client('desk@example.org');
    const drafter = await bench.client('drafter@example.org');
    const get = async (client: typeof desk, path: string) => expectStatus(path, await client.get(path)).body;
    const [set] = await sql<{ id: string }>(bench.url, `SELECT id FROM question_set WHERE appendix_number = '2290'`);
    const path = `/question-sets/${set.id}/questions/3/suggestions`;
    const [best] = (await get(desk, path)) as { reference: string; answer: { questionNumbers: number[] }; score: number }[];
    console.log(`  best suggestion for question 3 of 2290: ${best.reference}, answer to ${best.answer.questionNumbers.join(', ')}, score ${best.score}`);

    await timeEach(20, () => get(desk, path));
    const baseline = summarise(await timeEach(REQUESTS, () => get(desk, `/question-sets/${set.id}`)));
    console.log(row('GET /api/question-sets/:id (baseline)', baseline));
    console.log(row('GET …/questions/3/suggestions (desk: all sets)', summarise(await timeEach(REQUESTS, () => get(desk, path))), baseline));
    console.log(row('  …as the BZ drafter (BZ sets only)', summarise(await timeEach(REQUESTS, () => get(drafter, path))), baseline));
    console.log(row('  …?limit=20', summarise(await timeEach(REQUESTS, () => get(desk, `${path}?limit=20`))), baseline));
  });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
