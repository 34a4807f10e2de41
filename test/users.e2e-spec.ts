import { randomBytes } from 'node:crypto';
import { UsersService } from '@question-desk/accounts';
import { DEMO_PASSWORD, ensureDemoData, startDesk, type TestDesk } from './desk';

const ADMIN = 'admin@example.org';
const NOT_ADMINS = ['desk@example.org', 'drafter@example.org', 'coordinator@example.org'];
const LOGIN_REFUSED = 'The email address or password is not right. Check both and try again.';

/** A tag no other test run uses, so lists can be narrowed to this file's accounts. */
const RUN = randomBytes(3).toString('hex');
let counter = 0;

/** A new account as an administrator would type it; override what the test is about. */
function aUser(overrides: Record<string, unknown> = {}): { email: string; name: string; password: string; roles: string[]; ministry: string | null } {
  counter += 1;
  return {
    email: `person.${RUN}.${counter}@example.org`,
    name: `Person ${RUN} ${counter}`,
    password: `correct horse ${RUN} ${counter}`,
    roles: ['desk'],
    ministry: null,
    ...overrides,
  };
}

describe('user administration', () => {
  let desk: TestDesk;
  let adminToken: string;
  let adminId: string;
  let adminName: string;
  /** Every body the API sent in this file, to show no password ever leaves it. */
  const seen: string[] = [];

  const admin = () => ({
    get: (path: string) => desk.http().get(path).auth(adminToken, { type: 'bearer' }),
    post: (path: string, body: object) => desk.http().post(path).auth(adminToken, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => desk.http().patch(path).auth(adminToken, { type: 'bearer' }).send(body),
  });
  const keep = <T extends { body: unknown; text: string }>(response: T): T => {
    seen.push(response.text);
    return response;
  };
  const signIn = (email: string, password: string) => desk.http().post('/api/auth/login').send({ email, password });
  const tokenFor = async (email: string, password: string) => (await signIn(email, password).expect(200)).body.accessToken as string;
  async function create(overrides: Record<string, unknown> = {}) {
    const input = aUser(overrides);
    const response = keep(await admin().post('/api/users', input).expect(201));
    return { input, user: response.body };
  }

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk();
    adminToken = await desk.tokenOf(ADMIN);
    ({ id: adminId, name: adminName } = await desk.userOf(ADMIN));
  });
  afterAll(() => desk.close());

  describe('only administrators', () => {
    const routes = (id: string): [string, 'get' | 'post' | 'patch', string, object?][] => [
      ['list', 'get', '/api/users'],
      ['read', 'get', `/api/users/${id}`],
      ['read the trail of', 'get', `/api/users/${id}/events`],
      ['create', 'post', '/api/users', aUser()],
      ['change', 'patch', `/api/users/${id}`, { version: 1, active: false }],
    ];

    it.each(NOT_ADMINS)('answers 403 to %s on every route, and changes nothing', async (email) => {
      const token = await desk.tokenOf(email);
      const { roles } = await desk.userOf(email);
      const attempts = routes(adminId);
      for (const [what, method, path, body] of attempts) {
        const response = await desk.http()[method](path).auth(token, { type: 'bearer' }).send(body).expect(403);
        expect({ what, body: response.body }).toEqual({
          what,
          body: { statusCode: 403, error: 'Forbidden', message: `Only admin may do this; you are signed in as ${roles.join(', ')}.` },
        });
      }
      const attempted = attempts[3][3] as { email: string };
      expect((await admin().get(`/api/users?q=${attempted.email}`).expect(200)).body.total).toBe(0);
      expect((await admin().get(`/api/users/${adminId}`).expect(200)).body.active).toBe(true);
    });

    it('answers 401 on every route without a token', async () => {
      for (const [, method, path, body] of routes(adminId)) {
        const response = await desk.http()[method](path).send(body).expect(401);
        expect(response.body.message).toMatch(/^Sign in first/);
      }
    });
  });

  describe('creating an account', () => {
    it('returns the account without its password; the person can sign in with it', async () => {
      const input = aUser({ email: `Ana.${RUN}@Example.ORG`, name: '  Ana de Vries  ', roles: ['drafter', 'coordinator', 'drafter'], ministry: 'JenV' });
      const response = keep(await admin().post('/api/users', input).expect(201));
      expect(response.body).toEqual({
        id: expect.any(String),
        email: `ana.${RUN}@example.org`,
        name: 'Ana de Vries',
        roles: ['drafter', 'coordinator'],
        ministry: { code: 'JenV', name: 'Justitie en Veiligheid' },
        active: true,
        version: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(keep(await admin().get(`/api/users/${response.body.id}`).expect(200)).body).toEqual(response.body);
      const signedIn = keep(await signIn(`ana.${RUN}@example.org`, input.password).expect(200));
      expect(signedIn.body.user).toMatchObject({ id: response.body.id, roles: ['drafter', 'coordinator'], ministry: { code: 'JenV' } });
    });

    it.each([
      [
        'no body',
        {},
        // issue 11: a field left out is "required", not the rules its missing value breaks
        ['email is required', 'name is required', 'password is required', 'roles is required'],
      ],
      ['a malformed email', { email: 'ana at example.org' }, ['email must be an email address, such as ana.devries@example.org']],
      ['an empty name', { name: '   ' }, ['name must not be empty']],
      ['a short password', { password: 'short-pw' }, [expect.stringMatching(/^password must be 12 to 200 characters long/)]],
      ['no roles', { roles: [] }, ['roles must be a non-empty list of: desk, drafter, coordinator, admin']],
      ['an unknown role', { roles: ['desk', 'minister'] }, ['roles must be a non-empty list of: desk, drafter, coordinator, admin']],
      [
        'a ministry that is not a code',
        { ministry: 'Justitie en Veiligheid' },
        [expect.stringMatching(/^ministry must be a ministry code such as BZ or JenV/)],
      ],
      ['a field of its own', { isSuperuser: true }, ['property isSuperuser should not exist']],
    ])('refuses %s with 400 naming what to fix', async (_case, change, messages) => {
      const body = Object.keys(change).length ? aUser(change) : {};
      const response = keep(await admin().post('/api/users', body).expect(400));
      expect(response.body.message).toEqual(expect.arrayContaining(messages));
    });

    it.each([
      [
        'an unknown ministry code, naming it',
        { ministry: 'XYZ' },
        [expect.stringMatching(/^There is no ministry with code "XYZ"\. Use one of AZ, .*BZ, .*JenV/)],
      ],
      [
        'a drafter without a ministry',
        { roles: ['drafter'], ministry: null },
        [expect.stringMatching(/^A drafter works only on the sets of their own ministry/)],
      ],
      [
        'a code in the wrong capitals',
        { roles: ['drafter'], ministry: 'jenv' },
        [expect.stringMatching(/^There is no ministry with code "jenv"\. .*\(codes are case-sensitive\)\.$/)],
      ],
    ])('refuses %s with 422', async (_case, change, messages) => {
      const input = aUser(change);
      const response = keep(await admin().post('/api/users', input).expect(422));
      expect(response.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: messages });
      expect((await admin().get(`/api/users?q=${input.email}`).expect(200)).body.total).toBe(0);
    });

    it('refuses an email that is taken, whatever its capitals, with 409', async () => {
      const { input } = await create();
      const response = keep(
        await admin()
          .post('/api/users', aUser({ email: input.email.toUpperCase() }))
          .expect(409),
      );
      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `There is already an account for ${input.email} (email addresses are compared without regard to capitals). Change that account instead, or reactivate it if it was deactivated.`,
      });
      expect(keep(await signIn(input.email, input.password).expect(200)).body.user.name).toBe(input.name);
    });

    it('creates one account when two administrators add the same person at once', async () => {
      const input = aUser();
      const statuses = (await Promise.all([1, 2, 3].map(() => admin().post('/api/users', input)))).map((r) => keep(r).status).sort();
      expect(statuses).toEqual([201, 409, 409]);
    });
  });

  describe('finding accounts', () => {
    let tagged: Record<string, { id: string }>;
    beforeAll(async () => {
      const tag = `Lijst${RUN}`;
      tagged = {};
      for (const [key, overrides] of Object.entries({
        zoe: { name: `zoë ${tag}`, roles: ['coordinator'], ministry: 'BZ' },
        bram: { name: `Bram ${tag}`, roles: ['drafter'], ministry: 'BZ' },
        anna: { name: `anna ${tag}`, roles: ['desk', 'admin'], ministry: null },
        carl: { name: `Carl ${tag}`, roles: ['drafter'], ministry: 'JenV', email: `carl.${RUN}@ministerie.example` },
      })) {
        tagged[key] = (await create(overrides)).user;
      }
      const carl = (await admin().get(`/api/users/${tagged.carl.id}`).expect(200)).body;
      await admin().patch(`/api/users/${carl.id}`, { version: carl.version, active: false }).expect(200);
    });
    const names = (body: { items: { name: string }[] }) => body.items.map((u) => u.name.split(' ')[0]);
    const find = async (query: string) => keep(await admin().get(`/api/users?q=Lijst${RUN}${query}`).expect(200)).body;

    it('sorts by name without regard to capitals and pages like the question-set list', async () => {
      expect(await find('')).toMatchObject({ total: 4, page: 1, pageSize: 20 });
      expect(names(await find(''))).toEqual(['anna', 'Bram', 'Carl', 'zoë']);
      const second = await find('&page=2&pageSize=3');
      expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(names(second)).toEqual(['zoë']);
      expect((await find('&page=9')).items).toEqual([]);
    });

    it.each([
      ['role', '&role=drafter', ['Bram', 'Carl']],
      ['ministry', '&ministry=BZ', ['Bram', 'zoë']],
      ['no ministry', '&ministry=none', ['anna']],
      ['active', '&active=true', ['anna', 'Bram', 'zoë']],
      ['deactivated', '&active=false', ['Carl']],
      ['several filters', '&role=drafter&ministry=BZ&active=true', ['Bram']],
    ])('filters by %s', async (_case, query, expected) => {
      expect(names(await find(query))).toEqual(expected);
    });

    it('searches name and email, any capitals, and takes % and _ literally', async () => {
      expect(names(keep(await admin().get(`/api/users?q=CARL.${RUN}@MINISTERIE`).expect(200)).body)).toEqual(['Carl']);
      expect(keep(await admin().get(`/api/users?q=%25${RUN}%25`).expect(200)).body.total).toBe(0);
      expect(
        keep(
          await admin()
            .get(`/api/users?q=Lijst${RUN.slice(0, 3)}_`)
            .expect(200),
        ).body.total,
      ).toBe(0);
    });

    it.each([
      ['role=minister', 'role must be one of desk, drafter, coordinator, admin'],
      ['ministry=X-Y', 'ministry must be a ministry code such as BZ, or "none"'],
      ['active=yes', 'active must be true or false'],
      ['pageSize=500', 'pageSize must be a whole number from 1 to 100'],
      ['page=0', 'page must be a whole number from 1'],
    ])('refuses the filter %s with 400', async (query, message) => {
      expect(keep(await admin().get(`/api/users?${query}`).expect(400)).body.message).toEqual([message]);
    });

    it('answers 404 for an unknown account and 400 for an id that is not one', async () => {
      const unknown = '7b0c8a52-3d1e-4f7a-9c55-0d9a1e6b2f10';
      expect(keep(await admin().get(`/api/users/${unknown}`).expect(404)).body.message).toMatch(new RegExp(`^There is no account ${unknown}\\.`));
      await admin().patch(`/api/users/${unknown}`, { version: 1, name: 'Niemand' }).expect(404);
      await admin().get(`/api/users/${unknown}/events`).expect(404);
      await admin().get('/api/users/not-an-id').expect(400);
    });
  });

  describe('changing an account', () => {
    it('changes name, roles, ministry and password with the version loaded, and bumps it', async () => {
      const { input, user } = await create({ roles: ['desk'] });
      const response = keep(
        await admin()
          .patch(`/api/users/${user.id}`, { version: 1, name: 'Renamed Person', roles: ['drafter'], ministry: 'VWS', password: `new password ${RUN}` })
          .expect(200),
      );
      expect(response.body).toMatchObject({
        id: user.id,
        email: input.email,
        name: 'Renamed Person',
        roles: ['drafter'],
        ministry: { code: 'VWS', name: 'Volksgezondheid, Welzijn en Sport' },
        active: true,
        version: 2,
      });
      expect(Date.parse(response.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(user.updatedAt));
      await signIn(input.email, input.password).expect(401);
      expect(keep(await signIn(input.email, `new password ${RUN}`).expect(200)).body.user).toMatchObject({ name: 'Renamed Person', roles: ['drafter'] });
    });

    it('answers 409 with the current version to a stale one, and writes nothing', async () => {
      const { user } = await create();
      await admin().patch(`/api/users/${user.id}`, { version: 1, name: 'First Change' }).expect(200);
      const stale = keep(await admin().patch(`/api/users/${user.id}`, { version: 1, name: 'Second Change' }).expect(409));
      expect(stale.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Someone changed this account since you loaded it (you sent version 1, it is now at version 2). Reload it, check their change and try again.',
        currentVersion: 2,
      });
      expect((await admin().get(`/api/users/${user.id}`).expect(200)).body).toMatchObject({ name: 'First Change', version: 2 });
    });

    it('lets exactly one of two administrators saving the same version win', async () => {
      const { user } = await create();
      const results = await Promise.all(['Left', 'Right'].map((name) => admin().patch(`/api/users/${user.id}`, { version: 1, name })));
      expect(results.map((r) => keep(r).status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!.body.name;
      expect((await admin().get(`/api/users/${user.id}`).expect(200)).body).toMatchObject({ name: winner, version: 2 });
    });

    it('writes nothing for a change that changes nothing', async () => {
      const { user } = await create({ roles: ['desk'] });
      const same = keep(
        await admin()
          .patch(`/api/users/${user.id}`, { version: 1, name: user.name, roles: ['desk', 'desk'], ministry: null, active: true })
          .expect(200),
      );
      expect(same.body).toEqual(user);
      expect((await admin().get(`/api/users/${user.id}/events`).expect(200)).body.map((e: { type: string }) => e.type)).toEqual(['user-created']);
    });

    it.each([
      ['an unknown ministry', { version: 1, ministry: 'EZX' }, 422, [expect.stringMatching(/^There is no ministry with code "EZX"/)]],
      [
        "taking away a drafter's ministry",
        { version: 1, ministry: null },
        422,
        [expect.stringMatching(/^A drafter works only on the sets of their own ministry/)],
      ],
      ['a short new password', { version: 1, password: 'too short' }, 400, [expect.stringMatching(/^password must be 12 to 200 characters long/)]],
      ['no version', { name: 'Someone' }, 400, ['version is required']],
      ['a version as text', { version: '1', name: 'Someone' }, 400, ['version must be the whole number the account showed when you loaded it']],
      ['an email change', { version: 1, email: 'new@example.org' }, 400, ['property email should not exist']],
      ['active as a word', { version: 1, active: 'no' }, 400, ['active must be true or false']],
    ])('refuses %s', async (_case, body, status, messages) => {
      const { user } = await create({ roles: ['drafter'], ministry: 'BZ' });
      const response = keep(await admin().patch(`/api/users/${user.id}`, body).expect(status));
      expect(response.body.message).toEqual(messages);
      expect((await admin().get(`/api/users/${user.id}`).expect(200)).body).toEqual(user);
    });
  });

  describe('never locking the desk out', () => {
    it.each([
      ['deactivate their own account', { active: false }, 'You cannot deactivate your own account: ask another administrator to do it.'],
      ['remove their own admin role', { roles: ['desk', 'coordinator'] }, 'You cannot remove your own admin role: ask another administrator to do it.'],
    ])('refuses an administrator who would %s, with 422', async (_case, change, message) => {
      const me = (await admin().get(`/api/users/${adminId}`).expect(200)).body;
      const response = keep(
        await admin()
          .patch(`/api/users/${adminId}`, { version: me.version, ...change })
          .expect(422),
      );
      expect(response.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: [message] });
      expect((await admin().get(`/api/users/${adminId}`).expect(200)).body).toEqual(me);
    });

    it('lets an administrator change their own name and add roles', async () => {
      const { input, user } = await create({ roles: ['admin'] });
      const token = await tokenFor(input.email, input.password);
      const response = await desk
        .http()
        .patch(`/api/users/${user.id}`)
        .auth(token, { type: 'bearer' })
        .send({ version: 1, name: 'Self Made', roles: ['admin', 'desk'] })
        .expect(200);
      expect(keep(response).body).toMatchObject({ name: 'Self Made', roles: ['desk', 'admin'], active: true });
    });

    it('lets another administrator take the admin role away, and the token loses its power at once', async () => {
      const { input, user } = await create({ roles: ['admin'] });
      const token = await tokenFor(input.email, input.password);
      await desk.http().get('/api/users').auth(token, { type: 'bearer' }).expect(200);
      await admin()
        .patch(`/api/users/${user.id}`, { version: 1, roles: ['desk'] })
        .expect(200);
      await desk.http().get('/api/users').auth(token, { type: 'bearer' }).expect(403);
      await desk.http().get('/api/question-sets').auth(token, { type: 'bearer' }).expect(200);
    });

    it('keeps one active administrator when the last two remove each other at the same moment', async () => {
      const system = { id: null, name: 'system' };
      const users = desk.app.get(UsersService);
      const bearer = (token: string) => ({
        get: (path: string) => desk.http().get(path).auth(token, { type: 'bearer' }),
        patch: (path: string, body: object) => desk.http().patch(path).auth(token, { type: 'bearer' }).send(body),
        post: (path: string, body: object) => desk.http().post(path).auth(token, { type: 'bearer' }).send(body),
      });
      const activeAdmins = async (token: string) => (await bearer(token).get('/api/users?role=admin&active=true&pageSize=100').expect(200)).body.items;
      const anAdmin = async (by: string) => {
        const input = aUser({ roles: ['admin'] });
        const user = keep(await bearer(by).post('/api/users', input).expect(201)).body;
        return { id: user.id as string, token: await tokenFor(input.email, input.password) };
      };
      const before: { id: string }[] = await activeAdmins(adminToken);
      expect(before.map((u) => u.id)).toContain(adminId);

      try {
        let survivor = { id: adminId, token: adminToken };
        // Several rounds, because a race shows itself only now and then.
        for (let round = 1; round <= 4; round++) {
          const a = await anAdmin(survivor.token);
          const b = await anAdmin(survivor.token);
          for (const other of await activeAdmins(a.token)) {
            if (other.id !== a.id && other.id !== b.id)
              await bearer(a.token).patch(`/api/users/${other.id}`, { version: other.version, active: false }).expect(200);
          }
          const [aRemovesB, bRemovesA] = await Promise.all([
            bearer(a.token).patch(`/api/users/${b.id}`, { version: 1, active: false }),
            bearer(b.token).patch(`/api/users/${a.id}`, { version: 1, active: false }),
          ]);
          const statuses = [aRemovesB.status, bRemovesA.status];
          expect({ round, winners: statuses.filter((s) => s === 200).length }).toEqual({ round, winners: 1 });
          // The loser was refused by the rule, or already signed out by the winner's change.
          const loser = statuses[0] === 200 ? bRemovesA : aRemovesB;
          expect([401, 422]).toContain(loser.status);
          if (loser.status === 422)
            expect(loser.body.message).toEqual([expect.stringMatching(/^This change would leave the desk without an active administrator/)]);
          survivor = statuses[0] === 200 ? a : b;
          expect((await activeAdmins(survivor.token)).map((u: { id: string }) => u.id)).toEqual([survivor.id]);
        }

        // Not even the desk's own work may take away the last one.
        const last = await users.get(survivor.id);
        await expect(users.update(last.id, { version: last.version, active: false }, system)).rejects.toMatchObject({
          name: 'AccountRuleViolation',
          problems: ['This change would leave the desk without an active administrator. Make another person an administrator first.'],
        });
      } finally {
        for (const { id } of before) await users.update(id, { version: (await users.get(id)).version, active: true }, system);
        // The deactivation ended the demo administrator's session: sign in again.
        adminToken = await tokenFor(ADMIN, DEMO_PASSWORD);
      }
      expect((await activeAdmins(adminToken)).map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(before.map((u) => u.id)));
    });
  });

  describe('deactivation', () => {
    it('ends a token at once and for good, refuses sign-in like a wrong password; reactivation restores sign-in, not the old token', async () => {
      const { input, user } = await create({ roles: ['coordinator'] });
      const token = await tokenFor(input.email, input.password);
      await desk.http().get('/api/question-sets').auth(token, { type: 'bearer' }).expect(200);

      const off = keep(await admin().patch(`/api/users/${user.id}`, { version: 1, active: false }).expect(200));
      expect(off.body).toMatchObject({ active: false, version: 2 });
      const refused = await desk.http().get('/api/question-sets').auth(token, { type: 'bearer' }).expect(401);
      expect(refused.body.message).toBe('This account has been deactivated. Ask an administrator of the desk if you need access again.');
      expect((await signIn(input.email, input.password).expect(401)).body.message).toBe(LOGIN_REFUSED);

      await admin().patch(`/api/users/${user.id}`, { version: 2, active: true }).expect(200);
      await desk.http().get('/api/question-sets').auth(token, { type: 'bearer' }).expect(401);
      const fresh = await tokenFor(input.email, input.password);
      await desk.http().get('/api/question-sets').auth(fresh, { type: 'bearer' }).expect(200);
    });

    it('ends the sessions of an account whose password an administrator resets, and no others', async () => {
      const { input, user } = await create({ roles: ['coordinator'] });
      const before = await tokenFor(input.email, input.password);
      await admin().patch(`/api/users/${user.id}`, { version: 1, name: 'Renamed Only' }).expect(200);
      await desk.http().get('/api/question-sets').auth(before, { type: 'bearer' }).expect(200);

      await admin()
        .patch(`/api/users/${user.id}`, { version: 2, password: `reset password ${RUN}` })
        .expect(200);
      const refused = await desk.http().get('/api/question-sets').auth(before, { type: 'bearer' }).expect(401);
      expect(refused.body.message).toBe('This session was ended by a change to the account (a new password, or a deactivation). Sign in again.');
      const after = await tokenFor(input.email, `reset password ${RUN}`);
      await desk.http().get('/api/question-sets').auth(after, { type: 'bearer' }).expect(200);
      await desk.http().get('/api/question-sets').auth(adminToken, { type: 'bearer' }).expect(200);
    });

    it('lifts a sign-in block when an administrator sets a new password', async () => {
      const { input, user } = await create();
      for (let attempt = 1; attempt <= 5; attempt++) await signIn(input.email, `guess number ${attempt}`).expect(401);
      await signIn(input.email, input.password).expect(429);
      await admin()
        .patch(`/api/users/${user.id}`, { version: 1, password: `fresh password ${RUN}` })
        .expect(200);
      await signIn(input.email, `fresh password ${RUN}`).expect(200);
    });
  });

  describe('the trail', () => {
    it('records who created and changed an account, the fields before and after, and never a password', async () => {
      const { input, user } = await create({ roles: ['drafter'], ministry: 'BZ' });
      await admin()
        .patch(`/api/users/${user.id}`, { version: 1, roles: ['drafter', 'coordinator'], ministry: 'JenV' })
        .expect(200);
      await admin()
        .patch(`/api/users/${user.id}`, { version: 2, active: false, password: `reset password ${RUN}` })
        .expect(200);
      const events = keep(await admin().get(`/api/users/${user.id}/events`).expect(200)).body;
      expect(events).toEqual([
        {
          at: expect.any(String),
          actor: adminName,
          type: 'user-created',
          details: { userId: user.id, email: input.email, after: { email: input.email, name: input.name, roles: ['drafter'], ministry: 'BZ', active: true } },
        },
        {
          at: expect.any(String),
          actor: adminName,
          type: 'user-updated',
          details: {
            userId: user.id,
            email: input.email,
            before: { roles: ['drafter'], ministry: 'BZ' },
            after: { roles: ['drafter', 'coordinator'], ministry: 'JenV' },
          },
        },
        {
          at: expect.any(String),
          actor: adminName,
          type: 'user-updated',
          details: { userId: user.id, email: input.email, before: { active: true }, after: { active: false }, passwordReset: true },
        },
      ]);
      expect(JSON.stringify(events)).not.toMatch(new RegExp(`reset password|${input.password}|argon2`));
    });

    it('records nothing for a refused change', async () => {
      const { user } = await create();
      await admin().patch(`/api/users/${user.id}`, { version: 1, ministry: 'XYZ' }).expect(422);
      await admin().patch(`/api/users/${user.id}`, { version: 7, name: 'Too Late' }).expect(409);
      expect((await admin().get(`/api/users/${user.id}/events`).expect(200)).body).toHaveLength(1);
    });
  });

  it('describes every route in the OpenAPI document, with no password in a response', async () => {
    const spec = (await desk.http().get('/api/docs-json').expect(200)).body;
    expect(Object.keys(spec.paths['/api/users']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(spec.paths['/api/users/{id}']).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(spec.paths['/api/users/{id}/events'])).toEqual(['get']);
    for (const operation of [spec.paths['/api/users'].get, spec.paths['/api/users'].post, spec.paths['/api/users/{id}'].patch]) {
      expect(operation.summary).toEqual(expect.any(String));
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(Object.keys(spec.components.schemas.UserDto.properties).sort()).toEqual(
      ['active', 'createdAt', 'email', 'id', 'ministry', 'name', 'roles', 'updatedAt', 'version'].sort(),
    );
    expect(spec.components.schemas.CreateUserDto.properties.password.minLength).toBe(12);
  });

  it('never sent a password, nor anything derived from one, in any response of this file', () => {
    expect(seen.length).toBeGreaterThan(40);
    for (const body of seen) {
      expect(body).not.toMatch(/correct horse|new password|fresh password|reset password|argon2|passwordHash|password_hash/);
      expect(body).not.toContain(DEMO_PASSWORD);
    }
  });
});
