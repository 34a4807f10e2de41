/**
 * Reminders benchmark (issue 5: deadline sweeps and reminders, exactly once).
 *
 *   npm run bench:reminders [-- --sets 100000 --overdue 10000 --baseline-sets 1000 --runs 20 --concurrency 10]
 *
 * 1. The sweep over `--sets` open sets of which `--overdue` are past their statutory deadline with
 *    no postponement (one desk officer per ministry, so one "uitstelbericht due" reminder per
 *    overdue set; the other sets are assigned, with deadlines beyond the reminder windows): the
 *    first sweep (records every reminder), handing them to the queue, and later sweeps (nothing
 *    new). Baseline: the same over `--baseline-sets` sets (the same share overdue), in the same run.
 * 2. Delivering those reminders through the worker (in this process, `--concurrency` at once) to a
 *    local SMTP sink (smtp-server, also in this process), with the counts delivered (acknowledged
 *    by the sink) and duplicated (a Message-ID acknowledged twice). Baseline: the same number of
 *    messages sent with nodemailer straight to the sink, without the ledger, same concurrency.
 * 3. EXPLAIN ANALYZE of the sweep's statements over the large database.
 */
import { connect, type AddressInfo, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DeskConfigModule, DeskConfigService } from '@question-desk/config';
import { createTestDatabase, dropTestDatabase } from '@question-desk/database';
import { Clock, ClockModule, FixedClock } from '@question-desk/deadlines';
import {
  deliveryJob,
  mailJob,
  REMINDER_POLICY,
  ReminderDelivery,
  reminderMessage,
  REMINDERS_QUEUE,
  RemindersModule,
  ReminderSweep,
  type ReminderPolicy,
  type SweepOffer,
} from '@question-desk/reminders';
import { forgetRedisPrefix } from '@question-desk/redis';
import { DESK_CONFIG_PARTS, DESK_SCHEMA, DeskDatabaseModule } from '@question-desk/schema';
import { Queue } from 'bullmq';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { option } from './bench-desk';
import { sql } from './generate-sets';
import { row, summarise, timeEach, type Summary } from './stats';

const SETS = Number(option('sets', '100000'));
const OVERDUE = Number(option('overdue', '10000'));
const BASELINE_SETS = Number(option('baseline-sets', '1000'));
const RUNS = Number(option('runs', '20'));
const CONCURRENCY = option('concurrency', '10');
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** A Tuesday: no digest is due (there are no coordinators anyway), the windows are ordinary. */
const TODAY = '2026-11-24';
const MINISTRIES = ['AZ', 'BZ', 'BZK', 'Def', 'EZK', 'Fin', 'IenW', 'JenV', 'LNV', 'OCW', 'SZW', 'VWS'];

const say = (line = '') => process.stdout.write(`${line}\n`);
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The sweep and its statements, without BullMQ: just the database work of one sweep. */
@Module({ imports: [DeskConfigModule.forRoot(DESK_CONFIG_PARTS), DeskDatabaseModule.forProcess('question-desk-bench'), ClockModule, RemindersModule] })
class SweepOnlyModule {}

async function withClock<T extends object>(module: T, clock: Clock): Promise<TestingModule> {
  const context = await Test.createTestingModule({ imports: [module as never] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  context.useLogger(false);
  await context.init();
  return context;
}

/** A database with one desk officer and one drafter per ministry, and `sets` open sets of which `overdue` need an uitstelbericht (also used by bench/sweeps.ts). */
export async function prepare(label: string, sets: number, overdue: number, today: string = TODAY): Promise<string> {
  const url = await createTestDatabase(SERVER, DESK_SCHEMA, `bench_rem_${label}`);
  await sql(
    url,
    `INSERT INTO app_user (email, name, password_hash, roles, ministry_code)
     SELECT lower(role || '.' || code) || '@bench.example.org', role || ' ' || code, 'not-a-password', ARRAY[role], code
       FROM unnest($1::text[]) code, unnest(ARRAY['desk', 'drafter']) role`,
    [MINISTRIES],
  );
  const started = performance.now();
  await sql(
    url,
    `WITH drafters AS (SELECT ministry_code, id FROM app_user WHERE 'drafter' = ANY (roles)),
          generated AS (
            SELECT g, ($3::text[])[1 + g % 12] AS ministry, g <= $2 AS late,
                   CASE WHEN g <= $2 THEN $4::date - (1 + g % 400) ELSE $4::date + 10 + g % 60 END AS due
              FROM generate_series(1, $1::int) g)
     INSERT INTO question_set (appendix_number, subject, submitted_on, addressees, lead_ministry_code, status,
                               statutory_deadline, deadline, draft_deadline, assignee_id)
     SELECT g::text, 'Benchmarkvragen over onderwerp ' || g, due - 21, ARRAY['Minister van Buitenlandse Zaken'], ministry,
            CASE WHEN late THEN 'received' ELSE (ARRAY['assigned', 'drafting', 'in_review', 'co_signing', 'approved'])[1 + g % 5] END,
            due, due, CASE WHEN late THEN NULL ELSE due - 2 END, CASE WHEN late THEN NULL ELSE d.id END
       FROM generated JOIN drafters d ON d.ministry_code = generated.ministry`,
    [sets, overdue, MINISTRIES, today],
  );
  await sql(url, 'ANALYZE');
  say(`  ${label}: ${sets} open sets (${overdue} past their statutory deadline) generated in ${ms(performance.now() - started)}`);
  return url;
}

interface SweepFigures {
  first: number;
  created: number;
  enqueue: number;
  steadyPending: Summary;
  steadyIdle?: Summary;
}

/** The first sweep, handing its reminders to the queue, and later sweeps with those reminders still pending. */
async function benchSweep(url: string, clock: FixedClock, queue: Queue | null): Promise<{ figures: SweepFigures; context: TestingModule }> {
  process.env.DATABASE_URL = url;
  const context = await withClock(SweepOnlyModule, clock);
  const sweeper = context.get(ReminderSweep);
  const settings = context.get(DeskConfigService).values.reminders;
  // The sweep records, then offers its deliveries in batches: the time to hand them to the queue is
  // measured apart (zero without a queue).
  let enqueue = 0;
  const offer = async (batch: SweepOffer) => {
    if (!queue) return;
    const started = performance.now();
    await queue.addBulk([...batch.reminders.map((ref) => deliveryJob(ref, settings)), ...batch.people.map((id) => mailJob(id, settings))]);
    enqueue += performance.now() - started;
  };
  const started = performance.now();
  const result = await sweeper.sweep(offer);
  const first = performance.now() - started - enqueue;
  // What every later sweep job costs while they wait: nothing new, the pending ones offered to the queue again (no-ops).
  const steady = await timeEach(RUNS, async () => {
    await sweeper.sweep(offer);
  });
  const created = Object.values(result.created).reduce((sum, n) => sum + n, 0);
  return { figures: { first, created, enqueue, steadyPending: summarise(steady) }, context };
}

/** A local SMTP server that acknowledges everything and counts Message-IDs (also used by bench/sweeps.ts). */
export async function smtpSink(): Promise<{ port: number; acknowledged: () => number; duplicates: () => number; times: number[]; close: () => Promise<void> }> {
  const seen = new Map<string, number>();
  const times: number[] = [];
  let acknowledged = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 1000,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4000) head += chunk.toString();
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? `none-${acknowledged}`;
        seen.set(id, (seen.get(id) ?? 0) + 1);
        acknowledged += 1;
        times.push(performance.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    acknowledged: () => acknowledged,
    duplicates: () => [...seen.values()].reduce((sum, n) => sum + (n - 1), 0),
    times,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(condition: () => Promise<boolean> | boolean, what: string, limitMs = 600_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function explainSweep(context: TestingModule, url: string): Promise<void> {
  const sweeper = context.get(ReminderSweep);
  const policy = context.get<ReminderPolicy>(REMINDER_POLICY);
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const rule of policy) {
      const { sql: text, parameters } = sweeper.statementFor(rule, TODAY, new Date(`${TODAY}T12:00:00+01:00`));
      await client.query('BEGIN');
      const { rows } = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${text}`, parameters);
      await client.query('ROLLBACK');
      const lines = rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      const nodes = lines
        .filter((l: string) => /Scan|Join|Nested Loop|Anti|Insert|Execution Time/.test(l))
        .map((l: string) => l.replace(/\s+\(actual rows/, ' (rows').trim());
      say(`  ${rule.kind}:`);
      for (const node of nodes) say(`      ${node}`);
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const prefix = `qd-bench-rem-${randomBytes(3).toString('hex')}`;
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    REDIS_PREFIX: prefix,
    REMINDER_SWEEP_EVERY: '1h',
    REMINDER_CONCURRENCY: CONCURRENCY,
    PUBLIC_URL: 'https://vragen.example.org',
  });
  const clock = new FixedClock(new Date(`${TODAY}T12:00:00+01:00`));
  const sink = await smtpSink();
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  const baselineOverdue = Math.round((BASELINE_SETS * OVERDUE) / SETS);
  say(`Reminders benchmark: today ${TODAY}, ${RUNS} runs of each later sweep, delivery concurrency ${CONCURRENCY}`);
  const baselineUrl = await prepare('baseline', BASELINE_SETS, baselineOverdue);
  const url = await prepare('large', SETS, OVERDUE);
  const queue = new Queue(REMINDERS_QUEUE, { connection: { host: '127.0.0.1', port: 6379 }, prefix: `${prefix}:bull` });
  let worker: TestingModule | null = null;
  try {
    // 1. Sweeps.
    const baseline = await benchSweep(baselineUrl, clock, null);
    await baseline.context.close();
    const large = await benchSweep(url, clock, queue);
    say();
    say('Sweep (the database work of one sweep job; "later" = nothing new, pending ones offered to the queue again):');
    say(`  first sweep, ${BASELINE_SETS} sets (baseline):  ${ms(baseline.figures.first)}, ${baseline.figures.created} reminders recorded`);
    say(
      `  first sweep, ${SETS} sets:            ${ms(large.figures.first)}, ${large.figures.created} reminders recorded; handing them to the queue ${ms(large.figures.enqueue)}`,
    );
    say(row(`  later sweep, ${BASELINE_SETS} sets (baseline)`, baseline.figures.steadyPending));
    say(row(`  later sweep + re-offer, ${SETS} sets, ${large.figures.created} pending`, large.figures.steadyPending, baseline.figures.steadyPending));

    // 2. Delivery through the worker.
    process.env.DATABASE_URL = url;
    const workerStarted = performance.now();
    const { WorkerModule } = await import('../apps/worker/src/worker.module');
    worker = await withClock(WorkerModule, clock);
    const delivery = worker.get(ReminderDelivery);
    const deliver = delivery.deliver.bind(delivery);
    const deliveries: number[] = [];
    delivery.deliver = async (...args) => {
      const started = performance.now();
      try {
        return await deliver(...args);
      } finally {
        deliveries.push(performance.now() - started);
      }
    };
    await until(() => sink.acknowledged() >= large.figures.created, `${large.figures.created} messages at the sink`);
    const delivered = performance.now() - workerStarted;
    await until(
      async () => (await sql<{ n: number }>(url, `SELECT count(*)::int AS n FROM reminder WHERE status IN ('pending', 'sending')`))[0].n === 0,
      'the ledger to settle',
    );
    const [ledger] = await sql<{ sent: number; other: number; notifications: number }>(
      url,
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status <> 'sent')::int AS other,
              (SELECT count(*)::int FROM notification) AS notifications FROM reminder`,
    );
    const durations = summarise(deliveries);
    const firstToLast = sink.times[sink.times.length - 1] - sink.times[0];
    const deliveredCount = sink.acknowledged();
    const duplicates = sink.duplicates();

    // Later sweep once everything is sent (the usual minute).
    const idle = summarise(
      await timeEach(RUNS, async () => {
        await large.context.get(ReminderSweep).sweep();
      }),
    );

    // Baseline: the same number of messages straight to the sink with nodemailer, no ledger.
    const message = reminderMessage({
      kind: 'postponement-due',
      recipientName: 'Desk BZ',
      refersTo: '2026-10-01',
      today: TODAY,
      publicUrl: 'https://vragen.example.org',
      set: {
        id: '00000000-0000-4000-8000-000000000000',
        reference: null,
        appendixNumber: '1',
        subject: 'Benchmarkvragen',
        statutoryDeadline: '2026-10-01',
        deadline: '2026-10-01',
        draftDeadline: null,
      },
    });
    // The same transport settings as the desk's Mailer (pooled, no Nagle delay).
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: sink.port,
      pool: true,
      maxConnections: Number(CONCURRENCY),
      getSocket: (_options: unknown, callback: (error: Error | null, socket?: { connection: Socket }) => void) => {
        const socket = connect(sink.port, '127.0.0.1');
        socket.setNoDelay(true);
        socket.once('error', callback);
        socket.once('connect', () => callback(null, { connection: socket }));
      },
    });
    const before = sink.acknowledged();
    const sends: number[] = [];
    let next = 0;
    const rawStarted = performance.now();
    await Promise.all(
      Array.from({ length: Number(CONCURRENCY) }, async () => {
        while (next < large.figures.created) {
          const n = next++;
          const started = performance.now();
          await transport.sendMail({
            from: 'vragendesk@vragen.example.org',
            to: 'desk.bz@bench.example.org',
            subject: message.subject,
            text: message.text,
            html: message.html,
            messageId: `<raw-${n}@bench>`,
          });
          sends.push(performance.now() - started);
        }
      }),
    );
    const raw = performance.now() - rawStarted;
    transport.close();
    const rawSummary = summarise(sends);

    say();
    say(`Delivery of ${large.figures.created} reminders to a local SMTP sink (worker concurrency ${CONCURRENCY}):`);
    say(
      `  delivered (acknowledged by the sink): ${deliveredCount}; duplicated: ${duplicates}; ledger: ${ledger.sent} sent, ${ledger.other} other; in-app notifications: ${ledger.notifications}`,
    );
    say(
      `  worker start to last acknowledgement: ${ms(delivered)} (${((deliveredCount / delivered) * 1000).toFixed(0)} reminders/s); first to last acknowledgement: ${ms(firstToLast)}`,
    );
    say(row('  one delivery (claim, in-app, send, mark sent)', durations, rawSummary));
    say(row('  baseline: one nodemailer send, no ledger', rawSummary));
    say(
      `  baseline: ${large.figures.created} sends without the ledger: ${ms(raw)} (${((large.figures.created / raw) * 1000).toFixed(0)} messages/s); ×${(delivered / raw).toFixed(1)} for the worker`,
    );
    say(`  (sink acknowledged ${sink.acknowledged() - before} baseline messages)`);
    say();
    say(row(`Later sweep, ${SETS} sets, nothing pending`, idle, baseline.figures.steadyPending));
    say();
    say(`EXPLAIN ANALYZE of the sweep's statements over ${SETS} sets (after the first sweep: nothing new to record):`);
    await explainSweep(large.context, url);
    await large.context.close();
  } finally {
    await worker?.close();
    await queue.close();
    await sink.close();
    await dropTestDatabase(url).catch(() => undefined);
    await dropTestDatabase(baselineUrl).catch(() => undefined);
    await forgetRedisPrefix('redis://127.0.0.1:6379', prefix);
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
