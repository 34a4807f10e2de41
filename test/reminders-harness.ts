import type { AddressInfo } from 'node:net';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { AccountsService, type Role } from '@question-desk/accounts';
import { createTestDatabase, dropTestDatabase } from '@question-desk/database';
import { Clock, type FixedClock } from '@question-desk/deadlines';
import { forgetRedisPrefix, redisConnectionOptions } from '@question-desk/redis';
import { REMINDERS_QUEUE, SWEEP_REMINDERS_JOB } from '@question-desk/reminders';
import { DESK_SCHEMA } from '@question-desk/schema';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { CliModule } from '../apps/cli/src/cli.module';
import { DEMO_PASSWORD } from './desk';

/** An email as the test's SMTP server acknowledged it. */
export interface ReceivedMail {
  to: string[];
  /** The From header, display name decoded. */
  from: string;
  subject: string;
  messageId: string;
  /** The reminder's id, from the Message-ID. */
  reminderId: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server (the smtp-server package) inside the test. A message counts as delivered when
 * this server acknowledges it; `holdReplyTo` keeps the reply to a message back (the client waits).
 */
export class TestMailServer {
  readonly delivered: ReceivedMail[] = [];
  /** Every DATA the server saw, acknowledged or not. */
  seen = 0;
  /** Return true to never answer this message (numbered from 1 in order of arrival). */
  holdReplyTo: (n: number) => boolean = () => false;
  /** Milliseconds to wait before answering this message. */
  replyDelay: (n: number) => number = () => 0;
  /** Return an error to refuse a recipient for good (550). */
  refuseRecipient: (address: string) => boolean = () => false;
  private server: SMTPServer | null = null;
  private readonly waiters: (() => void)[] = [];
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) => {
        if (!this.refuseRecipient(address.address)) return callback();
        const error = new Error(`No such user here: ${address.address}`) as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.seen += 1;
          this.wake();
          const n = this.seen;
          if (this.holdReplyTo(n)) return; // never acknowledged: not delivered
          setTimeout(() => {
            this.delivered.push(
              parseMail(
                Buffer.concat(chunks).toString('utf8'),
                session.envelope.rcptTo.map((r) => r.address),
              ),
            );
            callback();
            this.wake();
          }, this.replyDelay(n));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    // Connections the test left hanging (a held reply) would keep close() waiting.
    for (const connection of (server as unknown as { connections: Set<{ close: () => void }> }).connections ?? []) connection.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.delivered.filter((m) => m.to.includes(address));
  }

  /** How often each reminder arrived: every value must be 1. */
  arrivalsPerReminder(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.delivered) counts.set(mail.reminderId, (counts.get(mail.reminderId) ?? 0) + 1);
    return counts;
  }

  /** Resolves once `condition` holds (checked on every message), or fails after `ms`. */
  async until(condition: () => boolean, ms = 20_000, what = 'the mail server to see the expected messages'): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (seen ${this.seen}, delivered ${this.delivered.length})`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/** Just enough MIME to read what nodemailer writes: headers, RFC 2047 subjects, multipart, QP and base64 bodies. */
function parseMail(raw: string, to: string[]): ReceivedMail {
  const [head] = raw.split(/\r?\n\r?\n/, 1);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const messageId = header('Message-ID');
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  for (const part of boundary ? raw.split(`--${boundary}`) : [raw]) {
    const [partHead, ...rest] = part.split(/\r?\n\r?\n/);
    const type = /content-type:\s*text\/(plain|html)/i.exec(partHead)?.[1];
    if (!type) continue;
    const body = rest.join('\n\n');
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(partHead)?.[1]?.toLowerCase();
    parts[type] = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  }
  return {
    to,
    from: decodeWords(header('From')),
    subject: decodeWords(header('Subject')),
    messageId,
    reminderId: /<reminder-([0-9a-f-]+)@/.exec(messageId)?.[1] ?? '',
    text: (parts.plain ?? '').replace(/\r\n/g, '\n').trim(),
    html: (parts.html ?? '').replace(/\r\n/g, '\n'),
  };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}

function decodeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

/**
 * A test file's own database (migrations applied) and Redis key prefix, so its sweeps see only its
 * own data; the settings are put in the environment the desk reads. `restore` drops both.
 */
export async function ownDesk(
  label: string,
  settings: Record<string, string> = {},
): Promise<{ databaseUrl: string; prefix: string; restore: () => Promise<void> }> {
  const saved = { ...process.env };
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = await createTestDatabase(server, DESK_SCHEMA, `rem_${label}`);
  // Starts with the run's prefix, so global-teardown.ts removes it too when a run is cut short.
  const prefix = `${process.env.REDIS_PREFIX ?? 'qd-test'}-${label}`;
  Object.assign(process.env, { DATABASE_URL: databaseUrl, REDIS_PREFIX: prefix, ...settings });
  return {
    databaseUrl,
    prefix,
    restore: async () => {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      if (process.env.KEEP_TEST_DATABASE !== 'true') await dropTestDatabase(databaseUrl);
      await forgetRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix);
    },
  };
}

/** SQL against the test's database. */
export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A worker as `npm start` runs it, in this process, on the test's clock. */
export async function startWorker(clock: FixedClock, logger?: LoggerService) {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  moduleRef.useLogger(logger ?? (process.env.SHOW_WORKER_LOGS === 'true' ? ['log', 'warn', 'error'] : false));
  await moduleRef.init();
  return moduleRef;
}

/** Adds one sweep job, as the scheduler does, and waits until a worker has run it. */
export async function sweepNow(): Promise<void> {
  await withRemindersQueue(async (queue) => {
    const job = await queue.add(SWEEP_REMINDERS_JOB, {}, { removeOnComplete: 100 });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const state = await queue.getJobState(job.id!);
      if (state === 'completed') return;
      if (state === 'failed') throw new Error(`The sweep failed: ${(await queue.getJob(job.id!))?.failedReason}`);
      if (Date.now() > deadline) throw new Error(`The sweep did not run (state ${state})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}

export async function withRemindersQueue<T>(work: (queue: Queue) => Promise<T>): Promise<T> {
  const queue = new Queue(REMINDERS_QUEUE, {
    connection: redisConnectionOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
    prefix: `${process.env.REDIS_PREFIX}:bull`,
  });
  queue.on('error', () => undefined);
  try {
    return await work(queue);
  } finally {
    await queue.close();
  }
}

/**
 * Waits until no reminder is pending or being sent, and no job is waiting or running (`jobs: false`:
 * the ledger only, when a killed worker's job stays "active" in Redis until BullMQ finds it stalled).
 */
export async function settled(ms = 20_000, { jobs = true } = {}): Promise<void> {
  const deadline = Date.now() + ms;
  await withRemindersQueue(async (queue) => {
    for (;;) {
      const [{ unsettled }] = await sql<{ unsettled: number }>(`SELECT count(*)::int AS unsettled FROM reminder WHERE status IN ('pending', 'sending')`);
      const counts = jobs ? await queue.getJobCounts('waiting', 'active') : { waiting: 0, active: 0 };
      if (unsettled === 0 && counts.waiting + counts.active === 0) return;
      if (Date.now() > deadline) throw new Error(`Reminders did not settle: ${unsettled} unsettled, jobs ${JSON.stringify(counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}

/** The ledger, readable: one line per reminder. */
export async function ledger(where = 'true', params: unknown[] = []): Promise<{ id: string; line: string; status: string; detail: string | null }[]> {
  return sql(
    `SELECT r.id, r.status, r.detail,
            r.kind || ' → ' || u.email || ' (' || coalesce(qs.reference, 'digest') || ', ' || r.refers_to::text || ')' AS line
       FROM reminder r JOIN app_user u ON u.id = r.recipient_id LEFT JOIN question_set qs ON qs.id = r.question_set_id
      WHERE ${where} ORDER BY line`,
    params,
  );
}

/** Loads the demo accounts and sample documents into this file's database, as `npm start` does. */
export async function loadDemoData(): Promise<void> {
  const context = await NestFactory.createApplicationContext(CliModule, { logger: false });
  try {
    const { DemoSeed } = await import('../apps/cli/src/demo-seed');
    await context.get(DemoSeed).run('seeds', () => undefined);
  } finally {
    await context.close();
  }
}

let counter = 0;

/** A person at the desk, created as an admin would (password: the demo password). */
export async function aPerson(accounts: AccountsService, roles: Role[], ministry: string | null, name?: string): Promise<{ id: string; email: string }> {
  counter += 1;
  const email = `${roles.join('-')}.${(ministry ?? 'all').toLowerCase()}.${counter}@example.org`;
  const viewer = await accounts.create({
    email,
    name: name ?? `${roles.join(' ')} ${ministry ?? 'alle'} ${counter}`,
    password: DEMO_PASSWORD,
    roles,
    ministryCode: ministry,
  });
  return { id: viewer.id, email };
}

/** A question set as intake and the workflow leave it in the database. */
export async function aQuestionSet(facts: {
  reference?: string;
  lead?: string | null;
  status?: string;
  statutoryDeadline: string;
  deadline?: string;
  draftDeadline?: string | null;
  assigneeId?: string | null;
  answeredOn?: string | null;
}): Promise<{ id: string; reference: string }> {
  counter += 1;
  const reference = facts.reference ?? `2025Z${String(10000 + counter).slice(-5)}`;
  const [{ id }] = await sql<{ id: string }>(
    `INSERT INTO question_set (reference, subject, submitted_on, lead_ministry_code, status, statutory_deadline, deadline, draft_deadline, assignee_id, answered_on)
     VALUES ($1, $2, $3::date - 21, $4, $5, $3, $6, $7, $8, $9) RETURNING id`,
    [
      reference,
      `Vragen over onderwerp ${counter}`,
      facts.statutoryDeadline,
      facts.lead === undefined ? 'BZ' : facts.lead,
      facts.status ?? 'received',
      facts.deadline ?? facts.statutoryDeadline,
      facts.draftDeadline ?? null,
      facts.assigneeId ?? null,
      facts.answeredOn ?? null,
    ],
  );
  return { id, reference };
}

/** A postponement as the workflow registers it: a postponement row, and the deadline in force moved. */
export async function postpone(questionSetId: string, sentOn: string, newDeadline: string): Promise<void> {
  await sql(`INSERT INTO postponement (question_set_id, sent_on, new_deadline, reason) VALUES ($1, $2, $3, 'Afstemming met andere departementen')`, [
    questionSetId,
    sentOn,
    newDeadline,
  ]);
  await sql('UPDATE question_set SET deadline = $2, version = version + 1 WHERE id = $1', [questionSetId, newDeadline]);
}

/** Noon in Amsterdam on `date`. */
export function noonOn(date: string): Date {
  return new Date(`${date}T12:00:00+01:00`);
}
