/**
 * Bounded sweeps and deliveries (issue 12, point 4).
 *
 *   npm run bench:sweeps [-- --sets 100000 --overdue 10000 --baseline-sets 1000 --backlogs 100000,200000 --runs 5 --only sweep,deliver,rss]
 *   npm run bench:sweeps -- --only rss --backlogs 500000     # the worker's RSS at 500,000 overdue sets
 *
 * 1. Sweep: the first sweep over `--sets` open sets of which `--overdue` need an uitstelbericht
 *    (records the reminders and offers their deliveries), then later sweeps (nothing new). Goal:
 *    ≤ 2 s. Baseline: the same over `--baseline-sets` sets, in the same run.
 * 2. Delivery of those reminders by the worker as `npm start` runs it (built, in a process of its
 *    own) to a local SMTP sink: folded (default REMINDER_DIGEST_ABOVE: one digest per person above
 *    100) and, on `--one-by-one` of them (default 1000), folded against one email each
 *    (REMINDER_DIGEST_ABOVE=100000, the old way) as the same-run comparison.
 *    Goal: ≤ 20 s, 0 duplicated (a Message-ID acknowledged twice), 0 lost (every reminder sent, one
 *    in-app notification each).
 * 3. Worker memory: for each backlog in `--backlogs` (overdue sets, one uitstelbericht reminder
 *    each), a fresh worker sweeps and delivers everything; its peak RSS (VmRSS from /proc, sampled
 *    every 50 ms) must stay ≤ 300 MB and must not grow with the backlog. Also printed: how long the
 *    worker's first sweep took to record the whole backlog (in keyset batches of REMINDER_SWEEP_BATCH).
 *
 * `--only` runs some of the parts (1 and 2 share their database: `deliver` includes `sweep`).
 *
 * Uses bench/reminders.ts's data (one desk officer and one drafter per ministry) and SMTP sink.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DeskConfigModule } from '@question-desk/config';
import { dropTestDatabase } from '@question-desk/database';
import { amsterdamDateOf, ClockModule } from '@question-desk/deadlines';
import { forgetRedisPrefix } from '@question-desk/redis';
import { RemindersModule, ReminderSweep } from '@question-desk/reminders';
import { DESK_CONFIG_PARTS, DeskDatabaseModule } from '@question-desk/schema';
import { option } from './bench-desk';
import { sql } from './generate-sets';
import { prepare, smtpSink } from './reminders';
import { row, summarise, timeEach } from './stats';

const SETS = Number(option('sets', '100000'));
const OVERDUE = Number(option('overdue', '10000'));
const BASELINE_SETS = Number(option('baseline-sets', '1000'));
const BACKLOGS = option('backlogs', '100000,200000').split(',').map(Number);
const RUNS = Number(option('runs', '5'));
const ONLY = new Set(option('only', 'sweep,deliver,rss').split(','));
/** Reminders for the same-run comparison of folded against one email each (one by one is slow: ~10 to ~230 a second). */
const ONE_BY_ONE = Number(option('one-by-one', '1000'));
const ROOT = join(__dirname, '..');
const WORKER = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
const TODAY = amsterdamDateOf(new Date());
const GOALS = { sweepMs: 2000, deliverMs: 20_000, rssMb: 300 };

const say = (line = '') => process.stdout.write(`${line}\n`);
const ms = (value: number) => `${value.toFixed(0)} ms`;
const verdict = (ok: boolean) => (ok ? 'goal met' : 'GOAL MISSED');

@Module({ imports: [DeskConfigModule.forRoot(DESK_CONFIG_PARTS), DeskDatabaseModule.forProcess('question-desk-bench'), ClockModule, RemindersModule] })
class SweepOnlyModule {}

type Sink = Awaited<ReturnType<typeof smtpSink>>;

/** The first sweep (records and offers) and later ones, in this process, without a queue. */
/**
 * CPU time (ms) the PostgreSQL backends connected to `url`'s database have used so far, by pid (from
 * /proc: the server runs on this machine). Unlike wall time it hardly depends on the other work on
 * a shared machine, so it tells what a sweep costs the database.
 */
async function backendCpu(url: string): Promise<Map<number, number>> {
  const rows = await sql<{ pid: number }>(url, 'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks.set(pid, (Number(fields[11]) + Number(fields[12])) * 10); // utime + stime, 100 ticks a second
    } catch {
      // not on this machine, or gone
    }
  }
  return ticks;
}

function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  return [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
}

async function benchSweep(
  url: string,
): Promise<{ first: number; firstCpu: { node: number; database: number }; recorded: number; offered: number; later: ReturnType<typeof summarise> }> {
  process.env.DATABASE_URL = url;
  const context = await Test.createTestingModule({ imports: [SweepOnlyModule] }).compile();
  context.useLogger(false);
  await context.init();
  try {
    const sweeper = context.get(ReminderSweep);
    let offered = 0;
    const offer = async (batch: { reminders: unknown[]; people: string[] }) => {
      offered += batch.reminders.length + batch.people.length;
    };
    const cpuBefore = await backendCpu(url);
    const nodeBefore = process.cpuUsage();
    const started = performance.now();
    const result = await sweeper.sweep(offer);
    const first = performance.now() - started;
    const nodeCpu = process.cpuUsage(nodeBefore);
    const firstCpu = { node: (nodeCpu.user + nodeCpu.system) / 1000, database: cpuSince(cpuBefore, await backendCpu(url)) };
    const later = summarise(await timeEach(RUNS, () => sweeper.sweep(offer)));
    return { first, firstCpu, recorded: Object.values(result.created).reduce((sum, n) => sum + n, 0), offered, later };
  } finally {
    await context.close();
  }
}

function rssMb(pid: number): number {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

interface WorkerRun {
  ms: number;
  /** From the worker's start to every reminder recorded (its first sweep, which starts at once). */
  recordedMs: number;
  /** From the first reminder taken (no longer pending) to all settled: the delivery without the worker's start. */
  deliveryMs: number;
  peakRssMb: number;
  idleRssMb: number;
  emails: number;
  duplicates: number;
  sent: number;
  other: number;
  notifications: number;
}

/** Starts the built worker on `url`, waits until every reminder is settled, and stops it. */
async function runWorker(url: string, sink: Sink, settings: Record<string, string>, expected: number): Promise<WorkerRun> {
  const before = { emails: sink.acknowledged(), duplicates: sink.duplicates() };
  const prefix = `qd-bench-sweeps-${randomBytes(3).toString('hex')}`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [WORKER], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: prefix,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      PUBLIC_URL: 'https://vragen.example.org',
      REMINDER_SWEEP_EVERY: '2s',
      REMINDER_CONCURRENCY: '10',
      SESSION_SECRET: 'bench-bench-bench-bench-bench-bench-bench',
      ...settings,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  let idle = 0;
  const sampler = setInterval(() => {
    const now = rssMb(child.pid!);
    peak = Math.max(peak, now);
    if (!idle && now > 0 && performance.now() - started > 200) idle = now;
  }, 50);
  let firstTaken = 0;
  let recorded = 0;
  // Counting a large ledger is work too: poll a big backlog less often.
  const pollMs = expected > 50_000 ? 1000 : 100;
  try {
    const deadline = Date.now() + 30 * 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The worker exited with ${child.exitCode}`);
      const [state] = await sql<{ settled: number; unsettled: number; pending: number }>(
        url,
        `SELECT count(*) FILTER (WHERE status NOT IN ('pending', 'sending'))::int AS settled, count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS unsettled,
                count(*) FILTER (WHERE status = 'pending')::int AS pending FROM reminder`,
      );
      if (!firstTaken && state.settled + state.unsettled > 0 && state.pending < state.settled + state.unsettled) firstTaken = performance.now();
      if (!recorded && state.settled + state.unsettled >= expected) recorded = performance.now() - started;
      if (state.settled >= expected && state.unsettled === 0) break;
      if (Date.now() > deadline) throw new Error(`Not settled after 30 minutes: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    const elapsed = performance.now() - started;
    const [ledger] = await sql<{ sent: number; other: number; notifications: number }>(
      url,
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status <> 'sent')::int AS other,
              (SELECT count(*)::int FROM notification) AS notifications FROM reminder`,
    );
    return {
      ms: elapsed,
      recordedMs: recorded,
      deliveryMs: performance.now() - (firstTaken || started),
      peakRssMb: peak,
      idleRssMb: idle,
      emails: sink.acknowledged() - before.emails,
      duplicates: sink.duplicates() - before.duplicates,
      ...ledger,
    };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await forgetRedisPrefix('redis://127.0.0.1:6379', prefix);
  }
}

function describeRun(label: string, run: WorkerRun, expected: number): void {
  const lost = expected - run.sent;
  say(
    `  ${label}: all recorded ${ms(run.recordedMs)} after the worker's start; ${ms(run.deliveryMs)} from the first reminder taken to all settled (${ms(run.ms)} from worker start); ${run.emails} emails, ${run.duplicates} duplicated; ledger ${run.sent} sent, ${run.other} other (lost ${lost}); in-app ${run.notifications}; peak RSS ${run.peakRssMb.toFixed(0)} MB`,
  );
}

/** Parts 1 and 2: the sweep over --sets / --overdue against the baseline, then delivering what it recorded. */
async function sweepAndDeliver(sink: Sink, databases: string[]): Promise<void> {
  const baselineOverdue = Math.round((BASELINE_SETS * OVERDUE) / SETS);
  const baselineUrl = await prepare('sweeps_baseline', BASELINE_SETS, baselineOverdue, TODAY);
  databases.push(baselineUrl);
  const url = await prepare('sweeps', SETS, OVERDUE, TODAY);
  databases.push(url);

  // 1. Sweeps.
  const baseline = await benchSweep(baselineUrl);
  const large = await benchSweep(url);
  say();
  say('1. Sweep (records what is due, offers the deliveries in keyset batches; no queue):');
  say(
    `  baseline, ${BASELINE_SETS} open / ${baselineOverdue} overdue: first sweep ${ms(baseline.first)}, ${baseline.recorded} recorded, ${baseline.offered} offered`,
  );
  say(
    `  ${SETS} open / ${OVERDUE} overdue: first sweep ${ms(large.first)} (×${(large.first / baseline.first).toFixed(1)} baseline), ${large.recorded} recorded, ${large.offered} offered — goal ≤ ${GOALS.sweepMs} ms: ${verdict(large.first <= GOALS.sweepMs)}`,
  );
  const cpu = (run: typeof large) =>
    `${ms(run.firstCpu.node + run.firstCpu.database)} (node ${ms(run.firstCpu.node)}, PostgreSQL ${ms(run.firstCpu.database)})`;
  say(
    `  CPU time of the first sweep (hardly disturbed by other work: what it would take on an idle machine): baseline ${cpu(baseline)}; ${SETS} open ${cpu(large)} — ${verdict(large.firstCpu.node + large.firstCpu.database <= GOALS.sweepMs)}`,
  );
  say(row(`  later sweep, baseline`, baseline.later));
  say(row(`  later sweep, ${SETS} open, ${large.recorded} pending`, large.later, baseline.later));
  say(`  later sweep p99 ≤ ${GOALS.sweepMs} ms: ${verdict(large.later.p99 <= GOALS.sweepMs)}`);

  if (!ONLY.has('deliver')) return;

  // 2. Delivery of the recorded reminders: folded (default), then one by one (the old way).
  say();
  say(`2. Delivering ${large.recorded} reminders through the built worker (12 desk officers, ~${Math.round(large.recorded / 12)} each):`);
  const folded = await runWorker(url, sink, {}, large.recorded);
  describeRun('folded (REMINDER_DIGEST_ABOVE default)', folded, large.recorded);
  say(
    `  goal ≤ ${GOALS.deliverMs} ms, 0 duplicated, 0 lost: ${verdict(folded.deliveryMs <= GOALS.deliverMs && folded.duplicates === 0 && folded.sent === large.recorded && folded.notifications === large.recorded)}`,
  );
  // The same-run comparison, on ONE_BY_ONE reminders: the other overdue sets are withdrawn.
  await sql(url, 'DELETE FROM reminder');
  await sql(
    url,
    `UPDATE question_set SET status = 'withdrawn'
      WHERE status = 'received' AND id NOT IN (SELECT id FROM question_set WHERE status = 'received' ORDER BY id LIMIT $1)`,
    [ONE_BY_ONE],
  );
  await benchSweep(url);
  const foldedSmall = await runWorker(url, sink, {}, ONE_BY_ONE);
  describeRun(`folded, ${ONE_BY_ONE} reminders`, foldedSmall, ONE_BY_ONE);
  await sql(url, 'DELETE FROM reminder');
  await benchSweep(url);
  const oneByOne = await runWorker(url, sink, { REMINDER_DIGEST_ABOVE: '100000' }, ONE_BY_ONE);
  describeRun(`one email each (REMINDER_DIGEST_ABOVE=100000, as before), ${ONE_BY_ONE} reminders`, oneByOne, ONE_BY_ONE);
  say(
    `  folded vs one by one, same run: ×${(oneByOne.deliveryMs / foldedSmall.deliveryMs).toFixed(1)} faster; ${oneByOne.emails} emails became ${foldedSmall.emails}`,
  );
}

/** Part 3: the worker's peak RSS while it sweeps and delivers each backlog of --backlogs. */
async function backlogs(sink: Sink, databases: string[]): Promise<void> {
  say();
  say('3. Worker RSS with a backlog (every set overdue, one uitstelbericht reminder each; the worker sweeps and delivers it all):');
  const peaks: number[] = [];
  for (const backlog of BACKLOGS) {
    const backlogUrl = await prepare(`sweeps_rss_${backlog}`, backlog, backlog, TODAY);
    databases.push(backlogUrl);
    const run = await runWorker(backlogUrl, sink, {}, backlog);
    peaks.push(run.peakRssMb);
    describeRun(`${backlog} overdue`, run, backlog);
    say(
      `    idle RSS after start ${run.idleRssMb.toFixed(0)} MB; peak ${run.peakRssMb.toFixed(0)} MB — goal ≤ ${GOALS.rssMb} MB: ${verdict(run.peakRssMb <= GOALS.rssMb)}`,
    );
    await dropTestDatabase(backlogUrl).catch(() => undefined);
    databases.pop();
  }
  if (peaks.length > 1) {
    const growth = peaks[peaks.length - 1] / peaks[0];
    say(
      `  peak RSS at ${BACKLOGS[BACKLOGS.length - 1]} vs ${BACKLOGS[0]} overdue: ×${growth.toFixed(2)} (${growth < 1.2 ? 'flat: memory does not grow with the backlog' : 'GROWS with the backlog'})`,
    );
  }
}

async function main(): Promise<void> {
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    PUBLIC_URL: 'https://vragen.example.org',
    REDIS_PREFIX: `qd-bench-sweeps-${randomBytes(3).toString('hex')}`,
  });
  if ((ONLY.has('deliver') || ONLY.has('rss')) && (!existsSync(WORKER) || process.argv.includes('--build'))) {
    say('Building the API and worker (npm run build:api) …');
    execFileSync('npm', ['run', 'build:api', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  }
  const sink = await smtpSink();
  const databases: string[] = [];
  say(`Sweeps benchmark: today ${TODAY}; goals: sweep ≤ ${GOALS.sweepMs} ms, delivery of ${OVERDUE} ≤ ${GOALS.deliverMs} ms, worker RSS ≤ ${GOALS.rssMb} MB`);
  say('(the machine is shared: timings are disturbed by other work; compare ratios within this run)');
  try {
    if (ONLY.has('sweep') || ONLY.has('deliver')) {
      await sweepAndDeliver(sink, databases);
      for (const url of databases.splice(0)) await dropTestDatabase(url).catch(() => undefined);
    }
    if (ONLY.has('rss')) await backlogs(sink, databases);
  } finally {
    for (const url of databases) await dropTestDatabase(url).catch(() => undefined);
    await sink.close();
    await forgetRedisPrefix('redis://127.0.0.1:6379', process.env.REDIS_PREFIX!);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
