/**
 * Workflow benchmark (issue: assign, draft, review, co-sign, postpone and answer).
 *
 *   npm run bench:workflow [-- --sets 10000 --requests 400 --clients 50]
 *
 * With `--sets` generated sets in the database (and the demo data), over HTTP:
 * 1. one client: p50/p99 of saving a draft (PUT …/answers) and of a transition (submit-for-review),
 *    against a baseline of GET /api/ministries in the same run;
 * 2. `--clients` concurrent clients, each on sets of its own: the same two steps, with throughput;
 * 3. `--clients` concurrent clients saving the same version of one set: how many win (must be 1).
 */
import { performance } from 'node:perf_hooks';
import { expectStatus, option, withBenchDesk } from './bench-desk';
import { GENERATED_SETS, sql } from './generate-sets';
import { row, summarise, timeEach } from './stats';

const SETS = Number(option('sets', '10000'));
const REQUESTS = Number(option('requests', '400'));
const CLIENTS = Number(option('clients', '50'));

/** Puts `count` generated BZ sets into drafting, assigned to the demo BZ drafter; returns their ids and versions. */
async function setsInDrafting(url: string, count: number): Promise<{ id: string; version: number }[]> {
  const [{ id: drafterId }] = await sql<{ id: string }>(url, `SELECT id FROM app_user WHERE email = 'drafter@example.org'`);
  return sql<{ id: string; version: number }>(
    url,
    `UPDATE question_set SET status = 'drafting', lead_ministry_code = 'BZ', assignee_id = $1
      WHERE id IN (SELECT id FROM question_set WHERE ${GENERATED_SETS} AND status <> 'answered' ORDER BY id LIMIT $2)
      RETURNING id, version`,
    [drafterId, count],
  );
}

const ANSWERS = [
  { questionNumbers: [1], text: 'Ja, het kabinet is bekend met het bericht.' },
  { questionNumbers: [2, 3], text: 'Het kabinet volgt de ontwikkelingen nauwgezet en informeert de Kamer voor de zomer.' },
];

async function main(): Promise<void> {
  console.log(`Question Desk workflow benchmark — node ${process.version}, ${SETS} sets, ${REQUESTS} requests per row, ${CLIENTS} clients`);
  let sets: { id: string; version: number }[] = [];
  const prepare = async (url: string) => {
    sets = await setsInDrafting(url, REQUESTS + CLIENTS * 20 + 1);
    await sql(url, 'ANALYZE');
  };
  await withBenchDesk(SETS, prepare, async (desk) => {
    const drafter = await desk.client('drafter@example.org');
    const sequential = sets.slice(0, REQUESTS);
    await timeEach(30, () => drafter.get('/ministries'));
    const baseline = summarise(await timeEach(REQUESTS, () => drafter.get('/ministries')));
    const saves = await timeEach(sequential.length, async (i) => {
      const set = sequential[i];
      const saved = expectStatus('save', await drafter.send('PUT', `/question-sets/${set.id}/answers`, { version: set.version, answers: ANSWERS }));
      set.version = saved.body.version;
    });
    const transitions = await timeEach(sequential.length, async (i) => {
      const set = sequential[i];
      expectStatus('transition', await drafter.send('POST', `/question-sets/${set.id}/transitions`, { version: set.version, action: 'submit-for-review' }));
    });
    console.log('One client:');
    console.log(row('  GET /api/ministries (baseline)', baseline));
    console.log(row('  PUT …/answers (save a draft)', summarise(saves), baseline));
    console.log(row('  POST …/transitions submit-for-review', summarise(transitions), baseline));

    // Each concurrent client works through sets of its own: no conflicts, only load.
    const own = sets.slice(REQUESTS, REQUESTS + CLIENTS * 20);
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => desk.client('drafter@example.org')));
    const saveTimes: number[] = [];
    const transitionTimes: number[] = [];
    const started = performance.now();
    await Promise.all(
      clients.map(async (c, k) => {
        for (const set of own.slice(k * 20, k * 20 + 20)) {
          let t = performance.now();
          const saved = expectStatus('concurrent save', await c.send('PUT', `/question-sets/${set.id}/answers`, { version: set.version, answers: ANSWERS }));
          saveTimes.push(performance.now() - t);
          t = performance.now();
          expectStatus(
            'concurrent transition',
            await c.send('POST', `/question-sets/${set.id}/transitions`, { version: saved.body.version, action: 'submit-for-review' }),
          );
          transitionTimes.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${CLIENTS} concurrent clients, each on sets of its own (${own.length * 2} requests in ${seconds.toFixed(1)} s, ${((own.length * 2) / seconds).toFixed(0)} requests/s):`,
    );
    console.log(row('  PUT …/answers (save a draft)', summarise(saveTimes), baseline));
    console.log(row('  POST …/transitions submit-for-review', summarise(transitionTimes), baseline));

    // Everyone saves the same version of one set at once: exactly one may win.
    const contested = sets[sets.length - 1];
    const results = await Promise.all(
      clients.map((c) => c.send('PUT', `/question-sets/${contested.id}/answers`, { version: contested.version, answers: ANSWERS })),
    );
    const won = results.filter((r) => r.status === 200).length;
    const conflicts = results.filter((r) => r.status === 409).length;
    const [{ revisions }] = await sql<{ revisions: number }>(desk.url, 'SELECT count(*)::int AS revisions FROM answer_revision WHERE question_set_id = $1', [
      contested.id,
    ]);
    console.log(
      `${CLIENTS} clients saving the same version of one set: ${won} saved, ${conflicts} got 409, ${results.length - won - conflicts} other; revisions stored: ${revisions}`,
    );
  });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
