/**
 * Two builds of the API side by side (issue 12.2): is a change faster, on a machine whose speed drifts?
 *
 *   npm run build:api && npm run bench:compare -- --before <checkout> --database qd_scale_1m [--rounds 5 --seconds 6 --connections 64]
 *
 * `<checkout>` is another checkout of the desk with its API built (`git worktree add ../before <rev>`,
 * then `npm run build:api` there). Both APIs run at once on the same database (made by bench:scale),
 * and each route is loaded by autocannon for `--seconds`, in turn, round after round, the order
 * switched every round; the first round warms up and is not counted. Each route prints the median
 * of the rounds for both builds, requests/s and the CPU time each API spent per request, with the
 * ratio after/before: the two builds see the same machine within seconds of each other, so a drift of
 * the machine's speed (this one's varies by ±30 % over minutes) moves both.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { withDatabaseName } from '@question-desk/database';
import { accessTokenOf, cpuTimeOf, option, SERVER, startApi } from './bench-desk';
import { sql } from './generate-sets';
import { summarise } from './stats';

const BEFORE = option('before', '');
const DATABASE = option('database', 'qd_scale_1m');
const ROUNDS = Number(option('rounds', '5'));
const SECONDS = Number(option('seconds', '6'));
const CONNECTIONS = Number(option('connections', '64'));

interface Round {
  rps: number;
  cpuPerRequest: number;
}

/** The median of the rounds (of an even number, the lower of the middle two, as bench/stats.ts's quantile takes it). */
const median = (values: number[]) => summarise(values).p50;

async function main(): Promise<void> {
  if (!BEFORE) throw new Error('Name the other checkout: --before <directory> (its API built with npm run build:api).');
  const url = withDatabaseName(SERVER, DATABASE);
  console.log(
    `Two builds of the API — node ${process.version}, database ${DATABASE}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per route (the first warms up)`,
  );
  // One token secret for both, so that one sign-in serves both.
  const env = { LOG_LEVEL: 'info', TOKEN_SECRET: randomBytes(32).toString('hex'), REDIS_PREFIX: `qd-bench-${randomBytes(3).toString('hex')}` };
  const builds = {
    before: await startApi(url, env, [], { root: BEFORE }),
    after: await startApi(url, env, [], { root: join(__dirname, '..') }),
  };
  try {
    const headers = { Authorization: `Bearer ${await accessTokenOf(builds.after.base, 'desk@example.org')}` };
    const [{ id }] = await sql<{ id: string }>(url, 'SELECT id FROM question_set ORDER BY id LIMIT 1');
    const routes = ['/auth/me', '/ministries', '/question-sets?pageSize=25', `/question-sets/${id}`];
    for (const route of routes) {
      const rounds: Record<keyof typeof builds, Round[]> = { before: [], after: [] };
      for (let round = 0; round < ROUNDS; round++) {
        const order: (keyof typeof builds)[] = round % 2 ? ['after', 'before'] : ['before', 'after'];
        for (const build of order) {
          const api = builds[build];
          const cpuBefore = cpuTimeOf(api.pid);
          const result = await autocannon({ url: `${api.base}${route}`, connections: CONNECTIONS, duration: SECONDS, headers });
          if (result.non2xx || result.errors) throw new Error(`${build} ${route}: ${result.non2xx} non-2xx, ${result.errors} errors`);
          if (round > 0) rounds[build].push({ rps: result.requests.average, cpuPerRequest: (cpuTimeOf(api.pid) - cpuBefore) / result.requests.total });
        }
      }
      const [before, after] = [rounds.before, rounds.after].map((r) => ({ rps: median(r.map((x) => x.rps)), cpu: median(r.map((x) => x.cpuPerRequest)) }));
      console.log(
        `GET /api${route.replace(id, ':id').padEnd(28)} before ${before.rps.toFixed(0).padStart(5)} req/s ${before.cpu.toFixed(0).padStart(5)} µs/req · after ${after.rps.toFixed(0).padStart(5)} req/s ${after.cpu.toFixed(0).padStart(5)} µs/req · ×${(after.rps / before.rps).toFixed(2)} req/s, ×${(after.cpu / before.cpu).toFixed(2)} CPU per request`,
      );
    }
  } finally {
    await Promise.all([builds.before.stop(), builds.after.stop()]);
  }
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
