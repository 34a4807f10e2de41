import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { AccountsService } from '@question-desk/accounts';
import { addDays, amsterdamDateOf } from '@question-desk/deadlines';
import { ReminderSweep } from '@question-desk/reminders';
import { startDesk, type TestDesk } from './desk';
import { aPerson, aQuestionSet, ledger, noonOn, ownDesk, settled, sql, startWorker, sweepNow, TestMailServer } from './reminders-harness';

/** Every reminder in the ledger sent, each acknowledged by the mail server exactly once. */
async function expectEachDeliveredOnce(smtp: TestMailServer, expected: number): Promise<void> {
  const rows = await ledger();
  expect(rows).toHaveLength(expected);
  expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
  const arrivals = smtp.arrivalsPerReminder();
  expect([...arrivals.values()].filter((n) => n !== 1)).toEqual([]);
  expect(new Set(arrivals.keys())).toEqual(new Set(rows.map((r) => r.id)));
  const [{ notifications }] = await sql<{ notifications: number }>('SELECT count(*)::int AS notifications FROM notification');
  expect(notifications).toBe(expected);
}

describe('exactly once', () => {
  describe('two workers in parallel', () => {
    let environment: Awaited<ReturnType<typeof ownDesk>>;
    const smtp = new TestMailServer();
    let desk: TestDesk;
    const workers: TestingModule[] = [];

    beforeAll(async () => {
      await smtp.start();
      // Batches of 10 sets: every sweep records in several keyset batches, with deadlines shared across their boundaries.
      environment = await ownDesk('twice', { SMTP_URL: smtp.url, REMINDER_SWEEP_EVERY: '1s', REMINDER_CONCURRENCY: '4', REMINDER_SWEEP_BATCH: '10' });
      desk = await startDesk(noonOn('2025-06-10'));
    });
    afterAll(async () => {
      for (const worker of workers) await worker.close();
      await desk?.close();
      await smtp.stop();
      await environment?.restore();
    });

    it('send each of 151 reminders once, however often and wherever the sweep runs', async () => {
      const accounts = desk.app.get(AccountsService);
      await aPerson(accounts, ['desk'], null);
      await aPerson(accounts, ['desk'], null);
      await aPerson(accounts, ['coordinator'], null);
      for (let i = 0; i < 50; i++) await aQuestionSet({ statutoryDeadline: addDays('2025-05-01', i % 20) });
      const clock = desk.clock;
      workers.push(await startWorker(clock), await startWorker(clock));

      // Both workers' schedulers are one scheduler; sweeps also run by hand in both, at once.
      await Promise.all([workers[0].get(ReminderSweep).sweep(), workers[1].get(ReminderSweep).sweep(), sweepNow(), sweepNow(), sweepNow()]);
      await smtp.until(() => smtp.delivered.length >= 151);
      await sweepNow();
      await settled();
      await new Promise((resolve) => setTimeout(resolve, 1500)); // a scheduled sweep or two more
      await settled();

      // 50 sets × (2 desk officers + 1 coordinator) "uitstelbericht due", and the coordinator's digest.
      await expectEachDeliveredOnce(smtp, 50 * 3 + 1);
    }, 120_000);
  });

  describe('a worker killed with SIGKILL mid-batch, and restarted', () => {
    let environment: Awaited<ReturnType<typeof ownDesk>>;
    const smtp = new TestMailServer();
    const children: ChildProcess[] = [];
    const output: string[] = [];
    const SETS = 30;
    const HELD = 10;

    /** The worker as `npm run start:worker` runs it, in a process of its own, with the test's settings. */
    function startWorkerProcess(): ChildProcess {
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], {
        cwd: join(__dirname, '..'),
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          DATABASE_URL: process.env.DATABASE_URL,
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          REDIS_PREFIX: process.env.REDIS_PREFIX,
          SMTP_URL: smtp.url,
          REMINDER_CONCURRENCY: '1',
          REMINDER_LEASE: '3s',
          REMINDER_SWEEP_EVERY: '1s',
          REMINDER_RETRY_DELAY: '200ms',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      children.push(child);
      return child;
    }

    beforeAll(async () => {
      await smtp.start();
      environment = await ownDesk('killed');
      // This worker runs on the system clock: the sets are overdue relative to today.
      const today = amsterdamDateOf(new Date());
      const desk = await startDesk();
      try {
        await aPerson(desk.app.get(AccountsService), ['desk'], null);
      } finally {
        await desk.close();
      }
      for (let i = 0; i < SETS; i++) await aQuestionSet({ statutoryDeadline: addDays(today, -10 - i) });
    });
    afterAll(async () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await smtp.stop();
      await environment?.restore();
    });

    it('leaves every reminder delivered exactly once', async () => {
      // The mail server keeps back its reply to message 10: the worker waits for it, and is killed.
      smtp.holdReplyTo = (n) => n === HELD;
      const first = startWorkerProcess();
      const exited = new Promise((resolve) => first.once('exit', resolve));
      await smtp.until(() => smtp.seen >= HELD, 60_000, `message ${HELD} (worker output: ${output.join('')})`);
      first.kill('SIGKILL');
      await exited;

      expect(smtp.delivered).toHaveLength(HELD - 1); // the held one was never acknowledged
      const [counts] = await sql<{ sent: number; sending: number; pending: number }>(
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'sending')::int AS sending,
                count(*) FILTER (WHERE status = 'pending')::int AS pending FROM reminder`,
      );
      expect(counts).toEqual({ sent: HELD - 1, sending: 1, pending: SETS - HELD });

      // Restarted, it delivers the rest, and the one whose worker died once its lease has run out.
      const second = startWorkerProcess();
      await smtp.until(() => smtp.delivered.length >= SETS, 60_000, `all ${SETS} messages (worker output: ${output.join('')})`);
      await settled(20_000, { jobs: false });
      await expectEachDeliveredOnce(smtp, SETS);
      const [{ rounds }] = await sql<{ rounds: number }>('SELECT max(round)::int AS rounds FROM reminder');
      expect(rounds).toBe(1); // the held one was handed to a new delivery job once

      const stopped = new Promise<NodeJS.Signals | null>((resolve) => second.once('exit', (_code, signal) => resolve(signal)));
      second.kill('SIGTERM');
      expect(await stopped).toBe('SIGTERM'); // closed its connections, then exited on the signal
    }, 120_000);
  });
});
