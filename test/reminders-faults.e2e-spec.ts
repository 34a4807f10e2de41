import { spawn, type ChildProcess } from 'node:child_process';
import type { TestingModule } from '@nestjs/testing';
import { AccountsService } from '@question-desk/accounts';
import Redis from 'ioredis';
import { startDesk, type TestDesk } from './desk';
import { aFreePort } from './free-port';
import { aPerson, aQuestionSet, ledger, noonOn, ownDesk, settled, sql, startWorker, sweepNow, TestMailServer } from './reminders-harness';

async function until(condition: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Mail trouble: the worker keeps running, people still see their reminders in the app, and email follows when it can. */
describe('reminders when mail fails', () => {
  let environment: Awaited<ReturnType<typeof ownDesk>>;
  let smtp = new TestMailServer();
  let port: number;
  let desk: TestDesk;
  let worker: TestingModule;
  let accounts: AccountsService;

  beforeAll(async () => {
    port = await aFreePort(); // nothing listens here yet
    environment = await ownDesk('faults', {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      REMINDER_SWEEP_EVERY: '1h',
      REMINDER_RETRY_DELAY: '200ms',
      REMINDER_ATTEMPTS: '12',
    });
    desk = await startDesk(noonOn('2025-06-10'));
    accounts = desk.app.get(AccountsService);
    await aPerson(accounts, ['admin'], null);
    worker = await startWorker(desk.clock);
  });
  afterAll(async () => {
    await worker?.close();
    await desk?.close();
    await smtp.stop();
    await environment?.restore();
  });

  async function tokenOf(email: string): Promise<string> {
    const response = await desk.http().post('/api/auth/login').send({ email, password: 'demo-password' }).expect(200);
    return response.body.accessToken;
  }

  it('an unreachable mail server: the reminder is in the app at once, and arrives by email once the server is back', async () => {
    const person = await aPerson(accounts, ['desk'], 'BZ');
    const set = await aQuestionSet({ statutoryDeadline: '2025-06-02' });
    await sweepNow();

    const token = await tokenOf(person.email);
    await until(async () => (await desk.http().get('/api/notifications').auth(token, { type: 'bearer' })).body.length === 1, 'the in-app notification');
    await until(async () => (await ledger("r.detail LIKE '%ECONNREFUSED%'")).length === 1, 'a failed attempt');
    const [row] = await ledger();
    expect(row).toMatchObject({
      // Waiting for its next try, or already in it (tries are 200 ms apart here; on a busy machine the test may look during one).
      status: expect.stringMatching(/^(pending|sending)$/),
      detail: expect.stringMatching(/did not accept the message \(E[A-Z]+: .*ECONNREFUSED.*\)\. Check SMTP_URL and that the mail server runs\.$/),
    });

    // The worker keeps working meanwhile.
    await sweepNow();

    smtp = await new TestMailServer().start(port);
    await smtp.until(() => smtp.delivered.length === 1);
    await settled();
    expect(smtp.to(person.email).map((m) => m.subject)).toEqual([`Uitstelbericht nodig: ${set.reference} is over de termijn`]);
    const [sent] = await sql<{ status: string; attempts: number }>('SELECT status, attempts FROM reminder');
    expect(sent.status).toBe('sent');
    expect(sent.attempts).toBeGreaterThan(1);
    const [{ notifications }] = await sql<{ notifications: number }>('SELECT count(*)::int AS notifications FROM notification');
    expect(notifications).toBe(1); // one in-app notification, however many attempts
  });

  it('a recipient the server refuses for good: failed after one try, listed for admins and in the dashboard, in the app all the same; retried on request', async () => {
    const person = await aPerson(accounts, ['coordinator'], 'JenV');
    const set = await aQuestionSet({ lead: 'JenV', statutoryDeadline: '2025-06-03', deadline: '2025-06-20' });
    await sql(`INSERT INTO postponement (question_set_id, sent_on, new_deadline, reason) VALUES ($1, '2025-06-01', '2025-06-20', 'x')`, [set.id]);
    await sql(`UPDATE question_set SET deadline = '2025-06-05' WHERE id = $1`, [set.id]); // overdue, with a postponement: only a digest
    smtp.refuseRecipient = (address) => address === person.email;
    desk.clock.set(noonOn('2025-06-16')); // a Monday
    await sweepNow();
    await until(async () => (await ledger("r.status = 'failed'")).length === 1, 'the failed reminder');

    const adminToken = await tokenOf((await sql<{ email: string }>(`SELECT email FROM app_user WHERE 'admin' = ANY (roles)`))[0].email);
    const failed = await desk.http().get('/api/reminders/failed').auth(adminToken, { type: 'bearer' }).expect(200);
    expect(failed.body).toEqual([
      {
        id: expect.any(String),
        kind: 'overdue-digest',
        questionSetId: null,
        reference: null,
        refersTo: '2025-06-16',
        recipient: { id: person.id, name: expect.any(String), email: person.email },
        attempts: 1,
        error: expect.stringMatching(/refused/),
        createdAt: expect.any(String),
        failedAt: expect.any(String),
      },
    ]);
    const token = await tokenOf(person.email);
    const inApp = await desk.http().get('/api/notifications').auth(token, { type: 'bearer' }).expect(200);
    expect(inApp.body.map((n: { message: string }) => n.message)).toEqual(['Overzicht: 1 vragenset over de termijn']);

    // The dashboard's own API shows the failed job too.
    const board = desk.app.getHttpAdapter().getInstance();
    const queues = await (await import('supertest')).default(board).get('/admin/queues/api/queues').auth(adminToken, { type: 'bearer' }).expect(200);
    const reminders = queues.body.queues.find((q: { name: string }) => q.name === 'reminders');
    expect(reminders.counts.failed).toBeGreaterThanOrEqual(1);

    // Fixed at the mail server; an admin tries it again, and it goes out with the next sweep.
    smtp.refuseRecipient = () => false;
    const id = failed.body[0].id;
    await desk.http().post(`/api/reminders/${id}/retry`).auth(adminToken, { type: 'bearer' }).expect(200, { id, status: 'pending' });
    const again = await desk.http().post(`/api/reminders/${id}/retry`).auth(adminToken, { type: 'bearer' }).expect(409);
    expect(again.body.message).toMatch(/is pending, not failed/);
    await sweepNow();
    await smtp.until(() => smtp.to(person.email).length === 1);
    await settled();
    await desk.http().get('/api/reminders/failed').auth(adminToken, { type: 'bearer' }).expect(200, []);
    expect(inApp.body).toHaveLength((await desk.http().get('/api/notifications').auth(token, { type: 'bearer' })).body.length);
  });

  it('an invalid SMTP_URL: the worker starts and keeps running, says what is wrong, and the reminders are in the app', async () => {
    await worker.close();
    const saved = { SMTP_URL: process.env.SMTP_URL, REMINDER_ATTEMPTS: process.env.REMINDER_ATTEMPTS };
    process.env.SMTP_URL = 'smtp//mail.example.org';
    process.env.REMINDER_ATTEMPTS = '2';
    const logged: string[] = [];
    try {
      worker = await startWorker(desk.clock, {
        log: () => undefined,
        warn: (m: unknown) => logged.push(String(m)),
        error: (m: unknown) => logged.push(String(m)),
      });
      expect(logged).toContainEqual(
        expect.stringMatching(
          /^Configuration: SMTP_URL must be a URL .* Emails fail and are retried until SMTP_URL is corrected; reminders still appear in the app\.$/,
        ),
      );
      desk.clock.set(noonOn('2025-06-16'));
      const person = await aPerson(accounts, ['desk'], 'OCW');
      await aQuestionSet({ lead: 'OCW', statutoryDeadline: '2025-06-12' });
      await sweepNow();
      await until(async () => (await ledger(`u.id = $1 AND r.status = 'failed'`, [person.id])).length === 1, 'the reminder to fail');
      const [row] = await ledger(`u.id = $1`, [person.id]);
      expect(row.detail).toMatch(/^Configuration: SMTP_URL must be a URL such as smtp:\/\/user:password@mail.example.org:587 .*the email was not sent$/);
      const token = await tokenOf(person.email);
      expect((await desk.http().get('/api/notifications').auth(token, { type: 'bearer' })).body).toHaveLength(1);
      await sweepNow(); // still running
      expect(logged).toContainEqual(
        expect.stringMatching(/failed on attempt 2 of 2: Configuration: SMTP_URL must be .* Giving up; it is listed under GET \/api\/reminders\/failed/),
      );
    } finally {
      await worker.close();
      Object.assign(process.env, saved);
      worker = undefined as unknown as TestingModule;
    }
  });
});

/** Redis restarted without its data: the worker reconnects by itself, puts its sweep back, and nothing is sent twice or skipped. */
describe('reminders when Redis restarts', () => {
  let environment: Awaited<ReturnType<typeof ownDesk>>;
  const smtp = new TestMailServer();
  let redis: ChildProcess | undefined;
  let port: number;
  let desk: TestDesk;
  let worker: TestingModule | undefined;

  async function startRedis(): Promise<void> {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const client = new Redis({ port, lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: null });
    try {
      await client.connect().catch(() => undefined);
      await until(async () => (await client.ping().catch(() => '')) === 'PONG', 'Redis to answer', 10_000);
    } finally {
      client.disconnect();
    }
  }

  beforeAll(async () => {
    port = await aFreePort();
    await startRedis();
    await smtp.start();
    environment = await ownDesk('redis', {
      SMTP_URL: smtp.url,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      REMINDER_SWEEP_EVERY: '1s',
      REMINDER_RETRY_DELAY: '100ms',
    });
    desk = await startDesk(noonOn('2025-06-10'));
  });
  afterAll(async () => {
    await worker?.close();
    await desk?.close();
    redis?.kill('SIGKILL');
    await smtp.stop();
    await environment?.restore();
  });

  it('goes on sweeping and delivering, each reminder once', async () => {
    const person = await aPerson(desk.app.get(AccountsService), ['desk'], null);
    await aQuestionSet({ statutoryDeadline: '2025-06-02' });
    worker = await startWorker(desk.clock);
    await smtp.until(() => smtp.delivered.length === 1);

    const stopped = new Promise((resolve) => redis!.once('exit', resolve));
    redis!.kill('SIGKILL'); // its data (the sweep scheduler, the queue) is gone with it
    await stopped;
    await aQuestionSet({ statutoryDeadline: '2025-06-03' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await startRedis();

    await smtp.until(() => smtp.delivered.length === 2, 30_000, 'the second reminder after Redis came back');
    await settled();
    expect(smtp.to(person.email)).toHaveLength(2);
    expect([...smtp.arrivalsPerReminder().values()]).toEqual([1, 1]);
    expect((await ledger()).map((r) => r.status)).toEqual(['sent', 'sent']);
  }, 60_000);

  it('a worker started while Redis is away starts all the same, says so, and schedules its work once Redis answers', async () => {
    await worker?.close();
    worker = undefined;
    const stopped = new Promise((resolve) => redis!.once('exit', resolve));
    redis!.kill('SIGKILL');
    await stopped;

    const logged: string[] = [];
    const started = Date.now();
    worker = await startWorker(desk.clock, {
      log: (m: unknown) => logged.push(String(m)),
      warn: (m: unknown) => logged.push(String(m)),
      error: (m: unknown) => logged.push(String(m)),
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(logged).toEqual(
      expect.arrayContaining([
        'Reminder sweep: Redis does not answer yet; it will be scheduled once it does. Check that Redis runs and REDIS_URL points at it.',
        'Heartbeat: Redis does not answer yet; it will be scheduled once it does. Check that Redis runs and REDIS_URL points at it.',
      ]),
    );

    const person = await aPerson(desk.app.get(AccountsService), ['desk'], null);
    await aQuestionSet({ statutoryDeadline: '2025-06-04' });
    await startRedis();
    await smtp.until(() => smtp.to(person.email).length === 1, 30_000, 'the reminder once Redis answered');
    await until(
      async () => logged.includes('Reminder sweep every 1 s') && logged.some((m) => m.startsWith('Heartbeat every ')),
      'both schedules to be written',
    );
    const health = await desk.http().get('/api/health').expect(200);
    await until(async () => (await desk.http().get('/api/health')).body.info?.worker?.heartbeat === 'alive', 'the worker to report alive', 30_000);
    expect(health.body.info.redis.status).toBe('up');
  }, 60_000);
});
