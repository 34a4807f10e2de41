/**
 * Lists at scale (issue 12.1): the list route on a million generated sets.
 *
 *   npm run bench:scale [-- --database qd_scale_1m --sets 1000000 --requests 1000 --warm-up 300 --only "days overdue"]
 *
 * Makes the named database once (demo data + `--sets` generated sets; the generator's time is
 * printed then) and reuses it on later runs (drop it with --drop when done). Starts the API in a
 * process of its own and, with one client, times each list: the time the client sees and the
 * API's own time (its Server-Timing header), p50/p95/p99, against its goal and as a ratio to
 * GET /api/ministries in the same run, and how many of its requests the API's garbage collector
 * stopped for a scavenge (the API runs with --trace-gc-nvp). Each is timed after `--warm-up`
 * requests of its own: a fresh API process is still compiling its hot code for its first thousand requests or so (a list
 * took 10–11 ms at the median after 10 requests, 6.4 ms after 1,000), and a desk's API serves that
 * many in its first minutes. `--requests` (1,000) are timed per list: the p99 of 200 is the
 * second-slowest, and one pause of the machine (a checkpoint, autovacuum) decided it; of 1,000 it
 * is the tenth-slowest. `--only` times just the lists whose label contains it (one route for long,
 * say), without the detail. Then EXPLAIN (ANALYZE, BUFFERS) of every SQL statement one
 * request of each list runs (captured from the query layer itself, so it is the SQL the API sends).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { dropDatabase } from '@question-desk/database';
import { forgetRedisPrefix } from '@question-desk/redis';
import { Client, type QueryConfig } from 'pg';
import { accessTokenOf, option, scavengesBetween, startApi, type Scavenges } from './bench-desk';
import { scaleDatabase } from './scale-database';
import { quantile } from './stats';

const DATABASE = option('database', 'qd_scale_1m');
const SETS = Number(option('sets', '1000000'));
const REQUESTS = Number(option('requests', '1000'));
const WARM_UP = Number(option('warm-up', '300'));
/** Only the lists whose label contains this text (all when empty). */
const ONLY = option('only', '');

interface Timed {
  client: number;
  server: number;
}

interface ListCase {
  label: string;
  who: 'desk' | 'drafter';
  path: string;
  /** Which quantile of the API's time the goal is about, and the goal in ms. */
  goal?: { quantile: 0.95 | 0.99; ms: number };
}

const CASES: ListCase[] = [
  { label: 'overdue, by days overdue', who: 'desk', path: '/question-sets?overdue=true&sort=-daysOverdue&pageSize=25', goal: { quantile: 0.99, ms: 10 } },
  { label: 'default list', who: 'desk', path: '/question-sets?pageSize=25', goal: { quantile: 0.99, ms: 20 } },
  { label: 'overdue, by deadline', who: 'desk', path: '/question-sets?overdue=true&pageSize=25', goal: { quantile: 0.99, ms: 20 } },
  { label: 'full text "stikstofuitstoot"', who: 'desk', path: '/question-sets?q=stikstofuitstoot&pageSize=25', goal: { quantile: 0.95, ms: 50 } },
  {
    label: 'full text, fewer matches (ranked)',
    who: 'desk',
    path: '/question-sets?q=Veluwe&deadlineAfter=2026-09-01&pageSize=25',
    goal: { quantile: 0.95, ms: 50 },
  },
  { label: 'drafter (BZ): default list', who: 'drafter', path: '/question-sets?pageSize=25', goal: { quantile: 0.99, ms: 20 } },
  {
    label: 'drafter (BZ): overdue, by days overdue',
    who: 'drafter',
    path: '/question-sets?overdue=true&sort=-daysOverdue&pageSize=25',
    goal: { quantile: 0.99, ms: 20 },
  },
  { label: 'drafter (BZ): full text', who: 'drafter', path: '/question-sets?q=stikstofuitstoot&pageSize=25', goal: { quantile: 0.95, ms: 50 } },
  { label: 'page 200 by offset', who: 'desk', path: 'OFFSET' },
  { label: 'same depth by keyset (after=)', who: 'desk', path: 'KEYSET' },
];
const CHOSEN = CASES.filter((c) => c.label.includes(ONLY));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the route answers
async function timedGet(base: string, token: string, path: string): Promise<Timed & { body: any }> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.json();
  const client = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
  const server = Number(/app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? NaN);
  return { client, server, body };
}

const f = (ms: number) => ms.toFixed(1).padStart(7);

/** The timed requests of one list, with the API's scavenges while they ran. */
interface Run {
  samples: Timed[];
  scavenges: Scavenges;
}

function report(label: string, { samples, scavenges }: Run, baseline: Run | null, goal?: ListCase['goal']): string {
  const client = samples.map((s) => s.client).sort((a, b) => a - b);
  const server = samples.map((s) => s.server).sort((a, b) => a - b);
  const q = (sorted: number[], p: number) => quantile(sorted, p);
  let line = `${label.padEnd(44)} server p50 ${f(q(server, 0.5))} p95 ${f(q(server, 0.95))} p99 ${f(q(server, 0.99))} · client p50 ${f(q(client, 0.5))} p99 ${f(q(client, 0.99))} ms`;
  if (baseline) {
    const base = quantile(
      baseline.samples.map((s) => s.server).sort((a, b) => a - b),
      0.5,
    );
    line += `  ×${(q(server, 0.5) / base).toFixed(1)} baseline (server p50)`;
  }
  if (goal) {
    const value = q(server, goal.quantile);
    line += `  goal p${goal.quantile * 100} ≤ ${goal.ms} ms: ${value <= goal.ms ? 'met' : 'NOT met'} (${(value / goal.ms).toFixed(2)} of goal)`;
  }
  // A request during which the API stopped for a scavenge waits for it: when more than 1 % of them did, the p99 is such a request.
  if (scavenges.count) {
    line += `  · GC: ${scavenges.count} scavenges in ${samples.length} requests (${((100 * scavenges.count) / samples.length).toFixed(1)} %), ${(scavenges.pauseMs / scavenges.count).toFixed(1)} ms each`;
  }
  return line;
}

/**
 * Every SQL statement one list request runs, with EXPLAIN (ANALYZE, BUFFERS) of each. The statements
 * are taken where pg sends them (`Client.prototype.query`), so those read by pg directly
 * (`directQuery`, `preparedQuery`) count as well as TypeORM's own.
 */
async function explainEach(url: string, cases: { label: string; who: 'desk' | 'drafter'; query: Record<string, string> }[]): Promise<void> {
  process.env.DATABASE_URL = url;
  const { CliModule } = await import('../apps/cli/src/cli.module');
  const { QuestionSetsService } = await import('@question-desk/question-sets');
  const context = await NestFactory.createApplicationContext(CliModule, { logger: false });
  const captured: { query: string; parameters?: unknown[] }[] = [];
  let capturing = false;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its own client below, and put back when done
  const send = Client.prototype.query;
  Client.prototype.query = function (this: Client, config: string | QueryConfig, ...rest: unknown[]) {
    if (capturing)
      captured.push(typeof config === 'string' ? { query: config, parameters: rest[0] as unknown[] } : { query: config.text, parameters: config.values });
    return (send as (...args: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof send;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const service = context.get(QuestionSetsService);
    for (const { label, who, query } of cases) {
      const email = who === 'desk' ? 'desk@example.org' : 'drafter@example.org';
      const viewer = await viewerOf(client, email);
      captured.length = 0;
      capturing = true;
      // The query string as the route's validation hands it on: booleans and numbers typed.
      const typed = Object.fromEntries(
        Object.entries(query).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : /^(page|pageSize)$/.test(k) ? Number(v) : v]),
      );
      await service.list(viewer as never, { page: 1, pageSize: 20, ...typed });
      capturing = false;
      await client.query('RESET ALL');
      console.log(`\n=== ${label} (${who}) — ${captured.length} statements`);
      for (const { query: text, parameters } of captured) {
        if (/^(START TRANSACTION|COMMIT|ROLLBACK|EXPLAIN)/.test(text)) continue;
        // A setting the list makes for its own transaction holds for the statements explained after it, in this case only.
        if (/^SET LOCAL /.test(text)) {
          await client.query(text.replace(/^SET LOCAL /, 'SET '));
          continue;
        }
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, parameters as unknown[]);
        console.log(`--- ${text.replace(/\s+/g, ' ').slice(0, 300)}${text.length > 300 ? ' …' : ''}`);
        for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(`    ${row['QUERY PLAN']}`);
      }
    }
  } finally {
    Client.prototype.query = send;
    await client.end();
    await context.close();
  }
}

/** The viewer the API builds for a signed-in account (id, roles, ministry). */
async function viewerOf(client: Client, email: string) {
  const { rows } = await client.query(
    `SELECT u.id, u.name, u.email, u.roles, m.code, m.name AS ministry_name FROM app_user u LEFT JOIN ministry m ON m.code = u.ministry_code WHERE u.email = $1`,
    [email],
  );
  const [u] = rows as { id: string; name: string; email: string; roles: string[]; code: string | null; ministry_name: string | null }[];
  return { id: u.id, name: u.name, email: u.email, roles: u.roles, ministry: u.code ? { code: u.code, name: u.ministry_name } : null };
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL = 'silent';
  process.env.REDIS_PREFIX = `qd-bench-${randomBytes(3).toString('hex')}`;
  if (process.argv.includes('--drop')) {
    const { withDatabaseName } = await import('@question-desk/database');
    const { SERVER } = await import('./bench-desk');
    await dropDatabase(withDatabaseName(SERVER, DATABASE));
    console.log(`Dropped ${DATABASE}`);
    return;
  }
  console.log(
    `Question Desk lists at scale — node ${process.version}, database ${DATABASE}, ${REQUESTS} requests per list after ${WARM_UP} to warm up, one client`,
  );
  const { url, generatedSeconds } = await scaleDatabase(DATABASE, SETS, (line) => console.log(line));
  if (generatedSeconds !== undefined) {
    console.log(
      // Below 100,000 sets the generator's fixed costs (indexes, ANALYZE) say nothing of its time per million.
      `Generator: ${SETS.toLocaleString('en')} sets in ${generatedSeconds.toFixed(1)} s — goal ≤ 300 s per million: ${SETS < 100_000 ? 'judged from 100,000 sets on' : generatedSeconds * (1e6 / SETS) <= 300 ? 'met' : 'NOT met'}`,
    );
  }
  const api = await startApi(url, { LOG_LEVEL: 'silent' }, [], { traceGc: true });
  try {
    const tokens = { desk: await accessTokenOf(api.base, 'desk@example.org'), drafter: await accessTokenOf(api.base, 'drafter@example.org') };
    const run = async (who: 'desk' | 'drafter', path: string) => {
      for (let i = 0; i < WARM_UP; i++) await timedGet(api.base, tokens[who], path);
      const samples: Timed[] = [];
      const before = api.scavenges();
      for (let i = 0; i < REQUESTS; i++) samples.push(await timedGet(api.base, tokens[who], path));
      // The last lines of the API's GC trace may still be on their way through its stdout.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { samples, scavenges: scavengesBetween(before, api.scavenges()) };
    };
    const baseline = await run('desk', '/ministries');
    console.log(report('GET /api/ministries (baseline)', baseline, null));
    const first = await timedGet(api.base, tokens.desk, '/question-sets?pageSize=25');
    console.log(`  (default list: total ${first.body.total}, totalExact ${first.body.totalExact})`);
    // Page 200, or the last but one of a smaller database; the keyset case walks to it once to hold the cursor of its start.
    const depth = Math.max(2, Math.min(200, Math.floor(first.body.total / 25)));
    let cursor: string = first.body.nextCursor;
    for (let page = 2; page < depth; page++) cursor = (await timedGet(api.base, tokens.desk, `/question-sets?pageSize=25&after=${cursor}`)).body.nextCursor;
    const deepPath = (c: ListCase) =>
      c.path === 'KEYSET' ? `/question-sets?pageSize=25&after=${cursor}` : c.path === 'OFFSET' ? `/question-sets?pageSize=25&page=${depth}` : c.path;
    const deepLabel = (c: ListCase) => c.label.replace('page 200', `page ${depth}`);
    const [someId] = (await timedGet(api.base, tokens.desk, '/question-sets?pageSize=1&overdue=true')).body.items.map((i: { id: string }) => i.id);
    const detail = { label: 'detail GET /api/question-sets/:id', who: 'desk' as const, path: `/question-sets/${someId}` };
    for (const c of ONLY ? CHOSEN : [...CHOSEN, detail]) {
      console.log(report(deepLabel(c), await run(c.who, deepPath(c)), baseline, 'goal' in c ? c.goal : undefined));
    }
    console.log('\nEXPLAIN (ANALYZE, BUFFERS) of each list (one request each, warm):');
    const toQuery = (path: string) => Object.fromEntries(new URL(`http://x${path}`).searchParams.entries());
    await explainEach(
      url,
      CHOSEN.map((c) => ({ label: deepLabel(c), who: c.who, query: toQuery(deepPath(c)) })),
    );
  } finally {
    await api.stop();
    await forgetRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', process.env.REDIS_PREFIX);
  }
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
