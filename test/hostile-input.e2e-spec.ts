import { JwtService } from '@nestjs/jwt';
import { DeskConfigService } from '@question-desk/config';
import { Client } from 'pg';
import { DEMO_PASSWORD, ensureDemoData, startDesk, type TestDesk } from './desk';
import { deskCounts } from './desk-counts';
import { anIntake, aQuestionsDocument, aReference } from './factories';

const DESK = 'desk@example.org';
const DRAFTER = 'drafter@example.org';
const ADMIN = 'admin@example.org';
const COORDINATOR = 'coordinator@example.org';

describe('hostile and careless input (issue 10)', () => {
  let desk: TestDesk;
  let db: Client;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-03-10T10:00:00+01:00'));
    for (const email of [DESK, DRAFTER, ADMIN, COORDINATOR]) tokens.set(email, await desk.tokenOf(email));
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await desk.close();
  });

  const as = (email: string, method: 'get' | 'post' | 'put' | 'patch', path: string, body?: object | string) => {
    const call = desk.http()[method](path).auth(tokens.get(email)!, { type: 'bearer' });
    if (typeof body === 'string') return call.set('Content-Type', 'text/plain').send(body);
    return body ? call.send(body) : call;
  };
  const importDocument = (text: string) => as(DESK, 'post', '/api/question-sets/import', text);

  /** A set in drafting, assigned to the BZ drafter. */
  async function aSetInDrafting() {
    let set = (await as(DESK, 'post', '/api/question-sets', anIntake({ addressees: ['Minister van Buitenlandse Zaken'] })).expect(201)).body;
    const drafter = await desk.userOf(DRAFTER);
    set = (await as(DESK, 'post', `/api/question-sets/${set.id}/assignment`, { version: set.version, assigneeId: drafter.id }).expect(200)).body;
    set = (await as(DRAFTER, 'post', `/api/question-sets/${set.id}/assignment/accept`, { version: set.version }).expect(200)).body;
    return set as { id: string; version: number };
  }

  describe('1. deeply nested JSON', () => {
    const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

    it('is refused with 400 before it is parsed, on login and on every other JSON route', async () => {
      const login = await desk.http().post('/api/auth/login').set('Content-Type', 'application/json').send(nested(5000)).expect(400);
      expect(login.body.message).toMatch(/nests deeper than 32 levels/);
      // The request log runs before the parsers: a refused body is logged, and answered, with its request id.
      expect(login.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const set = await aSetInDrafting();
      await as(DRAFTER, 'put', `/api/question-sets/${set.id}/answers`)
        .set('Content-Type', 'application/json')
        .send(`{"version":1,"answers":${nested(100)}}`)
        .expect(400);
    });

    it('costs little: a 1 MB nested body is answered in well under 100 ms', async () => {
      const set = await aSetInDrafting();
      const body = `{"version":1,"answers":${nested(500_000)}}`;
      const started = performance.now();
      await as(DRAFTER, 'put', `/api/question-sets/${set.id}/answers`).set('Content-Type', 'application/json').send(body).expect(400);
      expect(performance.now() - started).toBeLessThan(200);
    });

    it('refuses a sign-in body larger than an email and a password need (16 kB) before parsing it', async () => {
      const flat = JSON.stringify({ email: 'desk@example.org', password: 'x'.repeat(1_000_000) });
      const response = await desk.http().post('/api/auth/login').set('Content-Type', 'application/json').send(flat).expect(413);
      expect(response.body.message).toMatch(/too large \(the limit is 16384 bytes\)/);
    });
  });

  describe('2. the sign-in limit', () => {
    const login = (d: TestDesk, email: string, password: string, from: string) =>
      d.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

    it('counts failures per account whatever X-Forwarded-For says; a blocked account stays blocked from a new address', async () => {
      const password = 'correct horse battery staple';
      const email = `forged.${Date.now()}@example.org`;
      await as(ADMIN, 'post', '/api/users', { email, name: 'Forged Address', password, roles: ['desk'] }).expect(201);
      for (let attempt = 1; attempt <= 5; attempt++) await login(desk, email, `guess-${attempt}`, `203.0.113.${attempt}`).expect(401);
      await login(desk, email, 'guess-6', '203.0.113.77').expect(429);
      await login(desk, email, password, '198.51.100.9').expect(429);
    });

    it('with TRUST_PROXY naming the proxy, also counts per client address: one address guessing over many accounts is blocked, another is not', async () => {
      const saved = { ...process.env };
      Object.assign(process.env, { TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES_PER_ADDRESS: '10' });
      const proxied = await startDesk();
      try {
        const guesser = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
        for (let account = 1; account <= 10; account++) await login(proxied, `nobody.${Date.now()}.${account}@example.org`, 'guess', guesser).expect(401);
        const blocked = await login(proxied, `nobody.${Date.now()}.11@example.org`, 'guess', guesser).expect(429);
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
        await login(proxied, ADMIN, DEMO_PASSWORD, guesser).expect(429);
        await login(proxied, ADMIN, DEMO_PASSWORD, '198.51.100.200').expect(200);
      } finally {
        process.env = saved;
        await proxied.close();
      }
    });
  });

  describe('3. no silent loss in import', () => {
    it('refuses a document with more questions than a set may hold, naming the limit', async () => {
      const questions = Array.from({ length: 1200 }, (_, i) => `Wat is het antwoord op deelvraag ${i + 1}?`);
      const before = await deskCounts(db);
      const response = await importDocument(aQuestionsDocument({ questions }));
      expect(response.status).toBe(422);
      expect(JSON.stringify(response.body.message)).toMatch(/1200 questions.*at most 200/);
      expect(await deskCounts(db)).toEqual(before);
    });

    it('refuses a question longer than the limit instead of storing it', async () => {
      const response = await importDocument(aQuestionsDocument({ questions: ['Waarom? ' + 'x'.repeat(60_000)] }));
      expect(response.status).toBe(422);
      expect(JSON.stringify(response.body.message)).toMatch(/question 1.*at most 20,000 characters/);
    });

    it('refuses a subject longer than the limit', async () => {
      const response = await importDocument(aQuestionsDocument({ subject: 'y'.repeat(5000) }));
      expect(response.status).toBe(422);
      expect(JSON.stringify(response.body.message)).toMatch(/subject.*at most 1,000 characters/);
    });

    it('applies a corrected questions document to a set nobody drafted yet, and reports the change', async () => {
      const reference = aReference();
      const first = (await importDocument(aQuestionsDocument({ reference, questions: ['Eerste vraag?', 'Tweede vraag met een tikfout?'] })).expect(201)).body;
      const corrected = await importDocument(
        aQuestionsDocument({ reference, questions: ['Eerste vraag?', 'Tweede vraag zonder tikfout?', 'Derde vraag?'] }),
      ).expect(200);
      expect(corrected.body).toMatchObject({ created: false, changed: true, questionSet: { id: first.questionSet.id } });
      expect(corrected.body.questionSet.questions.map((q: { text: string }) => q.text)).toEqual([
        'Eerste vraag?',
        'Tweede vraag zonder tikfout?',
        'Derde vraag?',
      ]);
      expect(corrected.body.warnings).toEqual([expect.stringMatching(/questions 2 and 3 .*corrected/i)]);
      const events = (await as(DESK, 'get', `/api/question-sets/${first.questionSet.id}/events`).expect(200)).body;
      expect(events.at(-1)).toMatchObject({ type: 'questions-corrected', details: { changedQuestionNumbers: [2, 3] } });
    });

    it('keeps the registered questions of a set matched without its reference, and says so', async () => {
      const member = `Lid${Date.now()}`;
      const document = (questions: string[]) => aQuestionsDocument({ member, submitted: '4 maart 2021', questions }).split('\n').slice(1).join('\n');
      const first = (await importDocument(document(['Eerste vraag?', 'Tweede vraag?'])).expect(201)).body;
      const again = await importDocument(document(['Eerste vraag?', 'Tweede vraag, anders gesteld?'])).expect(200);
      expect(again.body.questionSet.id).toBe(first.questionSet.id);
      expect(again.body.questionSet.questions.map((q: { text: string }) => q.text)).toEqual(['Eerste vraag?', 'Tweede vraag?']);
      expect(again.body.warnings).toEqual(
        expect.arrayContaining([expect.stringMatching(/^The text of question 2 in this document differs.*keeps its registered questions/)]),
      );
    });

    it('refuses a corrected questions document once the answers are being written (409 naming why)', async () => {
      const reference = aReference();
      const set = (await importDocument(aQuestionsDocument({ reference, questions: ['Eerste vraag?'] })).expect(201)).body.questionSet;
      const drafter = await desk.userOf(DRAFTER);
      await as(DESK, 'post', `/api/question-sets/${set.id}/assignment`, { version: set.version, leadMinistry: 'BZ', assigneeId: drafter.id }).expect(200);
      await as(DRAFTER, 'post', `/api/question-sets/${set.id}/assignment/accept`, { version: set.version + 1 }).expect(200);
      const response = await importDocument(aQuestionsDocument({ reference, questions: ['Eerste vraag, verbeterd?'] })).expect(409);
      expect(response.body.message).toMatch(/drafting/);
      const after = (await as(DESK, 'get', `/api/question-sets/${set.id}`).expect(200)).body;
      expect(after.questions).toEqual([expect.objectContaining({ number: 1, text: 'Eerste vraag?' })]);
    });
  });

  describe('4. inputs that used to answer 500', () => {
    const NUL = 'met\u0000nul';
    const LONE = 'half\ud800';
    type Case = [string, (set: { id: string; version: number }) => PromiseLike<{ status: number; body: Record<string, unknown> }>];
    const cases: Case[] = [
      [
        'a NUL byte in answer text',
        (s) => as(DRAFTER, 'put', `/api/question-sets/${s.id}/answers`, { version: s.version, answers: [{ questionNumbers: [1], text: NUL }] }),
      ],
      [
        'a lone surrogate in answer text',
        (s) => as(DRAFTER, 'put', `/api/question-sets/${s.id}/answers`, { version: s.version, answers: [{ questionNumbers: [1], text: LONE }] }),
      ],
      [
        'a NUL byte in a reason',
        (s) => as(DESK, 'post', `/api/question-sets/${s.id}/postponements`, { version: s.version, sentOn: '2021-03-09', reason: NUL }),
      ],
      [
        'a NUL byte in a comment',
        async (s) => {
          const drafted = (
            await as(DRAFTER, 'put', `/api/question-sets/${s.id}/answers`, { version: s.version, answers: [{ questionNumbers: [1, 2], text: 'Ja.' }] }).expect(
              200,
            )
          ).body;
          const inReview = (
            await as(DRAFTER, 'post', `/api/question-sets/${s.id}/transitions`, { version: drafted.version, action: 'submit-for-review' }).expect(200)
          ).body;
          return as(DESK, 'post', `/api/question-sets/${s.id}/postponements`, { version: inReview.version, sentOn: '2021-03-09', reason: 'ok' }).then(() =>
            as(COORDINATOR, 'post', `/api/question-sets/${s.id}/transitions`, { version: inReview.version + 1, action: 'request-changes', comment: NUL }),
          );
        },
      ],
      [
        'a NUL byte in a user name',
        () => as(ADMIN, 'post', '/api/users', { email: 'nul@example.org', name: NUL, password: 'correct horse battery', roles: ['desk'] }),
      ],
      ['a NUL byte in q', () => as(DESK, 'get', '/api/question-sets?q=a%00b')],
      ['a NUL byte in submitter', () => as(DESK, 'get', '/api/question-sets?submitter=a%00b')],
      ["a NUL byte in the users' q", () => as(ADMIN, 'get', '/api/users?q=a%00b')],
      ['a lone surrogate in the login email', () => desk.http().post('/api/auth/login').send({ email: 'a\ud800@example.org', password: 'x' })],
      ['answers: [[]]', (s) => as(DRAFTER, 'put', `/api/question-sets/${s.id}/answers`, { version: s.version, answers: [[]] })],
      ['questions: [[]]', () => as(DESK, 'post', '/api/question-sets', anIntake({ questions: [[]] }))],
      ['submitters: [[]]', () => as(DESK, 'post', '/api/question-sets', anIntake({ submitters: [[]] }))],
      ['a whitespace-only subject', () => as(DESK, 'post', '/api/question-sets', anIntake({ subject: '   ' }))],
      [
        'a whitespace-only reason',
        async () => {
          const received = (await as(DESK, 'post', '/api/question-sets', anIntake()).expect(201)).body;
          return as(DESK, 'post', `/api/question-sets/${received.id}/assignment/transfer`, { version: received.version, toMinistry: 'JenV', reason: ' \n ' });
        },
      ],
      [
        'a whitespace-only postponement reason',
        (s) => as(DESK, 'post', `/api/question-sets/${s.id}/postponements`, { version: s.version, sentOn: '2021-03-09', reason: '   ' }),
      ],
      [
        'coSigningMinistries: [""]',
        async () => {
          const received = (await as(DESK, 'post', '/api/question-sets', anIntake()).expect(201)).body;
          const drafter = await desk.userOf(DRAFTER);
          return as(DESK, 'post', `/api/question-sets/${received.id}/assignment`, {
            version: received.version,
            leadMinistry: 'BZ',
            assigneeId: drafter.id,
            coSigningMinistries: [''],
          });
        },
      ],
      [
        'name: null in a user PATCH',
        async () => {
          const user = (await as(ADMIN, 'get', '/api/users?q=drafter.jenv').expect(200)).body.items[0];
          return as(ADMIN, 'patch', `/api/users/${user.id}`, { version: user.version, name: null });
        },
      ],
      ['deadlineBefore=0000-01-01', () => as(DESK, 'get', '/api/question-sets?deadlineBefore=0000-01-01')],
      ['submittedOn 0001-01-01 in a manual intake', () => as(DESK, 'post', '/api/question-sets', anIntake({ submittedOn: '0001-01-01' }))],
      ['an imported Vraag 0', () => importDocument(aQuestionsDocument().replace('Vraag 1', 'Vraag 0').replace('Vraag 2', 'Vraag 1'))],
      ['a NUL byte in a document', () => importDocument(aQuestionsDocument({ questions: ['Een vraag\u0000?'] }))],
    ];

    it.each(cases)('%s answers 400 or 422 naming the problem and changes nothing', async (_name, send) => {
      const set = await aSetInDrafting();
      const response = await send(set);
      expect([400, 422]).toContain(response.status);
      expect(response.body).toMatchObject({ statusCode: response.status, message: expect.anything() });
    });

    it('changes nothing when it refuses (counts of sets, questions, events and users)', async () => {
      const set = await aSetInDrafting();
      for (const [, send] of cases.filter(([name]) => !/whitespace-only reason|coSigningMinistries|user PATCH|comment/.test(name))) {
        const before = await deskCounts(db);
        await send(set);
        expect(await deskCounts(db)).toEqual(before);
      }
    });

    it('reads a numbered list starting at 0. quickly and refuses question 0', async () => {
      const list = Array.from({ length: 4000 }, (_, i) => `${i}. Hoe staat het met onderwerp ${i}?`).join('\n\n');
      const document = `${aReference()}\n\nVragen van het lid **Kuiken** (PvdA) aan de Minister van Buitenlandse Zaken over *iets* (ingezonden 3 maart 2021).\n\n${list}\n`;
      const started = performance.now();
      const response = await importDocument(document);
      expect(response.status).toBe(422);
      expect(performance.now() - started).toBeLessThan(5000);
    });
  });

  describe('5. tokens', () => {
    it('a token from before a deactivation stays dead after reactivation', async () => {
      const password = 'correct horse battery staple';
      const created = (
        await as(ADMIN, 'post', '/api/users', { email: `reactivated.${Date.now()}@example.org`, name: 'Re Activated', password, roles: ['desk'] }).expect(201)
      ).body;
      const old = (await desk.http().post('/api/auth/login').send({ email: created.email, password }).expect(200)).body.accessToken;
      const off = (await as(ADMIN, 'patch', `/api/users/${created.id}`, { version: created.version, active: false }).expect(200)).body;
      await as(ADMIN, 'patch', `/api/users/${created.id}`, { version: off.version, active: true }).expect(200);
      await desk.http().get('/api/auth/me').auth(old, { type: 'bearer' }).expect(401);
      const fresh = (await desk.http().post('/api/auth/login').send({ email: created.email, password }).expect(200)).body.accessToken;
      await desk.http().get('/api/auth/me').auth(fresh, { type: 'bearer' }).expect(200);
    });

    it.each([
      ['no exp', { gen: 0 }, { noTimestamp: true }],
      ['no gen', { exp: Math.floor(Date.now() / 1000) + 3600 }, {}],
      ['a sub that is no UUID', { sub: 'not-a-uuid', gen: 0, exp: Math.floor(Date.now() / 1000) + 3600 }, {}],
    ])('a token with %s is 401', async (_name, claims, options) => {
      const real = await desk.tokenOf(DESK);
      const { sub } = JSON.parse(Buffer.from(real.split('.')[1], 'base64url').toString());
      const { secret } = desk.app.get(DeskConfigService).values.token;
      const token = await new JwtService({ secret }).signAsync({ sub, ...claims }, { issuer: 'question-desk', ...options });
      const response = await desk.http().get('/api/auth/me').auth(token, { type: 'bearer' });
      expect(response.status).toBe(401);
    });
  });

  describe('7. OpenAPI tells the truth', () => {
    it('declares notification ids and times as strings, 401 on secured routes and 400 on every route that takes input', async () => {
      const docs = (await desk.http().get('/api/docs-json').expect(200)).body;
      const notification = docs.components.schemas.NotificationDto.properties;
      expect(notification.questionSetId.type).toBe('string');
      expect(notification.readAt.type).toBe('string');
      type Operation = { security?: unknown[]; requestBody?: unknown; parameters?: unknown[]; responses: Record<string, unknown> };
      for (const [path, operations] of Object.entries<Record<string, Operation>>(docs.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          if (operation.security?.length) expect([path, method, Object.keys(operation.responses)]).toEqual([path, method, expect.arrayContaining(['401'])]);
          if (operation.requestBody || operation.parameters?.length)
            expect([path, method, Object.keys(operation.responses)]).toEqual([path, method, expect.arrayContaining(['400'])]);
        }
      }
    });
  });

  describe('8. one set of limits for every way in', () => {
    it('states the limits in the API description', async () => {
      const docs = (await desk.http().get('/api/docs-json').expect(200)).body;
      expect(docs.info.description).toMatch(/200 questions/);
      expect(docs.info.description).toMatch(/50,000 characters/);
    });
  });
});
