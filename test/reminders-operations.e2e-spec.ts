import { Processor } from '@nestjs/bullmq';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { AccountsService } from '@question-desk/accounts';
import { HEARTBEAT_JOB, OPERATIONS_QUEUE } from '@question-desk/operations';
import { REMINDERS_QUEUE, SWEEP_REMINDERS_JOB } from '@question-desk/reminders';
import request from 'supertest';
import { JobRouter } from '../apps/worker/src/jobs/job-router';
import { JobHandlersCheck } from '../apps/worker/src/jobs/job-handlers.check';
import { DEMO_PASSWORD, startDesk, type TestDesk } from './desk';
import { aPerson, aQuestionSet, ledger, noonOn, ownDesk, settled, startWorker, sweepNow, TestMailServer } from './reminders-harness';

const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

describe('running the reminders', () => {
  let environment: Awaited<ReturnType<typeof ownDesk>>;
  const smtp = new TestMailServer();
  let desk: TestDesk;
  let admin: { email: string };
  let deskOfficer: { email: string };
  const dashboard = () => request(desk.app.getHttpServer());

  beforeAll(async () => {
    await smtp.start();
    environment = await ownDesk('operations', { SMTP_URL: smtp.url, REMINDER_SWEEP_EVERY: '1h', REMINDER_CONCURRENCY: '1' });
    desk = await startDesk(noonOn('2025-06-10'));
    const accounts = desk.app.get(AccountsService);
    admin = await aPerson(accounts, ['admin'], null);
    deskOfficer = await aPerson(accounts, ['desk'], null);
  });
  afterAll(async () => {
    await desk?.close();
    await smtp.stop();
    await environment?.restore();
  });

  describe('the queue dashboard at /admin/queues', () => {
    it('asks a browser to sign in (401 with WWW-Authenticate: Basic)', async () => {
      const response = await dashboard().get('/admin/queues').expect(401);
      expect(response.headers['www-authenticate']).toMatch(/^Basic realm="Question Desk queue dashboard"/);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.stringMatching(/admin account/) });
      await dashboard().get('/admin/queues').set('Authorization', basic(admin.email, 'wrong-password')).expect(401);
    });

    it('opens for an admin with email and password, or a bearer token', async () => {
      const page = await dashboard().get('/admin/queues').set('Authorization', basic(admin.email, DEMO_PASSWORD)).expect(200);
      expect(page.text).toMatch(/<html/i);
      const token = (await desk.http().post('/api/auth/login').send({ email: admin.email, password: DEMO_PASSWORD }).expect(200)).body.accessToken;
      const api = await dashboard().get('/admin/queues/api/queues').auth(token, { type: 'bearer' }).expect(200);
      expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['operations', 'reminders']);
    });

    it('is closed to everyone else (403), and not part of the API', async () => {
      const response = await dashboard().get('/admin/queues').set('Authorization', basic(deskOfficer.email, DEMO_PASSWORD)).expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.stringMatching(/^Only admins may open the queue dashboard/) });
      await dashboard().get('/api/admin/queues').expect(404); // a page beside the API, not in it
    });
  });

  describe('health', () => {
    it('shows queue depth and that no worker runs, and stays 200 without a worker', async () => {
      const response = await desk.http().get('/api/health').expect(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        info: {
          database: { status: 'up' },
          redis: { status: 'up' },
          queues: { status: 'up', reminders: { waiting: 0, active: 0, failed: 0, delayed: 0 }, operations: expect.any(Object) },
          worker: { status: 'up', heartbeat: 'missing', message: expect.stringMatching(/Start the worker/) },
        },
      });
    });

    it('shows the worker alive once it runs, and stale when its heartbeat is old', async () => {
      const worker = await startWorker(desk.clock);
      try {
        const deadline = Date.now() + 10_000;
        let body: { info: { worker: { heartbeat: string } } };
        do {
          body = (await desk.http().get('/api/health').expect(200)).body;
        } while (body.info.worker.heartbeat !== 'alive' && Date.now() < deadline);
        expect(body.info.worker).toMatchObject({ status: 'up', heartbeat: 'alive', secondsAgo: 0 });

        desk.clock.set(new Date(desk.clock.now().getTime() + 75_000)); // two and a half heartbeats later
        const stale = await desk.http().get('/api/health').expect(200);
        expect(stale.body.info.worker).toMatchObject({ status: 'up', heartbeat: 'stale', secondsAgo: 75 });
        desk.clock.set(noonOn('2025-06-10'));
      } finally {
        await worker.close();
      }
    });
  });

  describe('the worker', () => {
    it('finishes the delivery in flight when it shuts down, and leaves the rest for the next worker', async () => {
      for (let i = 0; i < 3; i++) await aQuestionSet({ statutoryDeadline: '2025-06-02' });
      const worker = await startWorker(desk.clock);
      smtp.replyDelay = (n) => (n === 1 ? 1500 : 0);
      await sweepNow();
      await smtp.until(() => smtp.seen === 1); // the first email is at the server, waiting for its answer

      const closing = worker.close(); // what SIGTERM does (enableShutdownHooks closes the app)
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await Promise.race([closing.then(() => 'closed'), Promise.resolve('still closing')])).toBe('still closing');
      await closing;
      // The job in flight finished: acknowledged and recorded; the others were not started.
      expect(smtp.delivered).toHaveLength(1);
      expect((await ledger()).map((r) => r.status).sort()).toEqual(['pending', 'pending', 'sent']);

      smtp.replyDelay = () => 0;
      const next = await startWorker(desk.clock);
      try {
        await smtp.until(() => smtp.delivered.length === 3);
        await settled();
        expect([...smtp.arrivalsPerReminder().values()]).toEqual([1, 1, 1]);
      } finally {
        await next.close();
      }
    });

    it('does not start when a job of a queue has no handler, or two', async () => {
      @Processor(OPERATIONS_QUEUE)
      class Heartbeats extends JobRouter {
        protected readonly handlers = { [HEARTBEAT_JOB]: async () => 'done' };
      }
      @Processor(REMINDERS_QUEUE)
      class SweepsOnly extends JobRouter {
        protected readonly handlers = { [SWEEP_REMINDERS_JOB]: async () => 'done' };
      }
      @Processor(REMINDERS_QUEUE)
      class SweepsAgain extends JobRouter {
        protected readonly handlers = { [SWEEP_REMINDERS_JOB]: async () => 'done' };
      }
      const moduleRef = await Test.createTestingModule({
        imports: [DiscoveryModule],
        providers: [JobHandlersCheck, Heartbeats, SweepsOnly, SweepsAgain],
      }).compile();
      moduleRef.useLogger(false);
      let failure: string | null = null;
      try {
        await moduleRef.init();
      } catch (error) {
        failure = (error as Error).message;
      }
      expect(failure?.split('\n').sort()).toEqual(
        [
          'The worker cannot start, its jobs and handlers do not match:',
          '- Queue "reminders" has 2 processors (SweepsOnly, SweepsAgain); a job would go to either',
          '- Job "SweepRemindersJob" of queue "reminders" has 2 handlers',
          '- Job "DeliverReminderJob" of queue "reminders" has no handler',
          '- Job "DeliverMailJob" of queue "reminders" has no handler',
          '- Job "RunIntakeJob" of queue "intake" has no handler',
        ].sort(),
      );
      await moduleRef.close().catch(() => undefined); // close() waits for the failed start, and repeats its error
    });
  });
});
