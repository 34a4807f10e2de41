import { DeskQueues } from '../apps/api/src/admin/desk-queues';
import { ensureDemoData, startDesk, type TestDesk } from './desk';

describe('health and API description', () => {
  let desk: TestDesk;

  beforeAll(async () => {
    desk = await startDesk();
  });
  afterAll(() => desk.close());

  it('is ok when PostgreSQL and Redis answer', async () => {
    const response = await desk.http().get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('describes every route and the fields of a question set in OpenAPI', async () => {
    const { body } = await desk.http().get('/api/docs-json').expect(200);
    expect(Object.keys(body.paths).sort()).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/health',
        '/api/ministries',
        '/api/question-sets',
        '/api/question-sets/import',
        '/api/question-sets/{id}',
        '/api/question-sets/{id}/events',
      ]),
    );
    const fields = Object.keys(body.components.schemas.QuestionSetDto.properties);
    expect(fields).toEqual(
      expect.arrayContaining([
        'id',
        'reference',
        'appendixNumber',
        'chamber',
        'subject',
        'submittedOn',
        'submitters',
        'addressees',
        'leadMinistry',
        'coSigningMinistries',
        'questions',
        'answers',
        'answeredOn',
        'answeredBy',
        'statutoryDeadline',
        'deadline',
        'postponements',
        'status',
        'overdue',
        'postponementMissing',
        'daysOverdue',
        'assignee',
        'version',
      ]),
    );
    const listParameters = body.paths['/api/question-sets'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParameters).toEqual(
      expect.arrayContaining(['status', 'overdue', 'q', 'reference', 'ministry', 'submitter', 'deadlineBefore', 'deadlineAfter', 'page', 'pageSize', 'sort']),
    );
  });

  describe('when Redis is down', () => {
    let withoutRedis: TestDesk;
    const redisUrl = process.env.REDIS_URL;

    beforeAll(async () => {
      await ensureDemoData();
      process.env.REDIS_URL = 'redis://127.0.0.1:6390'; // nothing listens there
      withoutRedis = await startDesk();
    });
    afterAll(async () => {
      await withoutRedis.close();
      if (redisUrl === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = redisUrl;
    });

    it('answers 503 naming Redis, and still lets people sign in and read', async () => {
      const health = await withoutRedis.http().get('/api/health').expect(503);
      expect(health.body).toMatchObject({
        status: 'error',
        error: { redis: { status: 'down', message: expect.stringMatching(/^Redis is unreachable/) } },
        info: { database: { status: 'up' } },
      });
      const token = await withoutRedis.tokenOf('desk@example.org');
      await withoutRedis.http().get('/api/question-sets').auth(token, { type: 'bearer' }).expect(200);
    });

    it("answers the queue dashboard's data calls with 503 at once instead of hanging", async () => {
      const started = Date.now();
      const response = await withoutRedis.http().get('/admin/queues/api/queues').auth('admin@example.org', 'demo-password').expect(503);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(response.body.message).toMatch(/^The job queues cannot be read: Redis does not answer .*Check that Redis runs and REDIS_URL/);
    });

    it('shuts down cleanly when it is stopped in the middle of a reconnect attempt', async () => {
      // The fault this guards against: BullMQ's pending start-up failed unhandled when the
      // connection ended during a reconnect after a refusal, which stops a Node process.
      const desk = await startDesk();
      const queues = desk.app.get(DeskQueues);
      const connection = queues['connection']; // the test needs the moment a reconnect attempt starts
      await new Promise((resolve) => setTimeout(resolve, 700)); // a first refusal has been seen
      await new Promise<void>((resolve) => connection.once('connecting', () => resolve(queues.onApplicationShutdown())));
      await desk.close();
      await new Promise((resolve) => setTimeout(resolve, 300)); // room for a late failure to surface
      expect(queues.status).toBe('end');
    });
  });
});
