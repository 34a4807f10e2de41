import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, ensureDemoData, startDesk, type TestDesk } from './desk';

const CSRF = { 'X-Requested-With': 'question-desk' };

describe('a browser session (cookie qd_session)', () => {
  let desk: TestDesk;
  let adminToken: string;

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk();
    adminToken = await desk.tokenOf('admin@example.org');
  });
  afterAll(() => desk.close());

  /** Signs in like the web app does and returns the `qd_session=…` pair to send back. */
  async function browserSignIn(email: string, password = DEMO_PASSWORD): Promise<{ cookie: string; setCookie: string }> {
    const response = await desk.http().post('/api/auth/login').set(CSRF).send({ email, password }).expect(200);
    const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('qd_session='));
    expect(setCookie).toBeDefined();
    return { cookie: setCookie!.split(';')[0], setCookie: setCookie! };
  }

  async function aDrafter(): Promise<{ id: string; email: string; version: number }> {
    const email = `browser.${randomUUID().slice(0, 8)}@example.org`;
    const response = await desk
      .http()
      .post('/api/users')
      .auth(adminToken, { type: 'bearer' })
      .send({ email, name: 'Bram Browser', password: 'a long browser password', roles: ['drafter'], ministry: 'BZ' })
      .expect(201);
    return { id: response.body.id, email, version: response.body.version };
  }

  it('sets an HttpOnly, SameSite=Strict cookie for the whole site that lasts as long as a token, and signs in with it', async () => {
    const { cookie, setCookie } = await browserSignIn('desk@example.org');
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=28800/);
    expect(setCookie).not.toMatch(/; Secure/i); // only in production: the tests run over plain http
    const me = await desk.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body).toMatchObject({ email: 'desk@example.org', roles: ['desk'] });
    await desk.http().get('/api/question-sets').set('Cookie', cookie).expect(200);
  });

  it('answers 401 to a browser without a session, and to a cookie that is not a token', async () => {
    await desk.http().get('/api/auth/me').expect(401);
    const bad = await desk.http().get('/api/auth/me').set('Cookie', 'qd_session=not-a-token').expect(401);
    expect(bad.body).toMatchObject({ statusCode: 401, message: expect.stringMatching(/not valid/) });
  });

  it('refuses a state-changing request by cookie without the X-Requested-With header (403), and accepts it with the header', async () => {
    const { cookie } = await browserSignIn('desk@example.org');
    const refused = await desk.http().post('/api/notifications/read-all').set('Cookie', cookie).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.stringContaining('X-Requested-With: question-desk') });
    await desk.http().post('/api/notifications/read-all').set('Cookie', cookie).set('X-Requested-With', 'something-else').expect(403);
    await desk.http().post('/api/notifications/read-all').set('Cookie', cookie).set(CSRF).expect(200);
  });

  it('does not ask scripts with a bearer token for the header', async () => {
    const token = await desk.tokenOf('desk@example.org');
    await desk.http().post('/api/notifications/read-all').auth(token, { type: 'bearer' }).expect(200);
  });

  it('signs out: logout clears the cookie (204), even without a session', async () => {
    const { cookie } = await browserSignIn('coordinator@example.org');
    const response = await desk.http().post('/api/auth/logout').set('Cookie', cookie).set(CSRF).expect(204);
    const cleared = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('qd_session='));
    expect(cleared).toMatch(/^qd_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    await desk.http().post('/api/auth/logout').expect(204);
  });

  it('ends the session itself on sign-out: the old cookie, replayed, is refused while the account signs in afresh', async () => {
    const { cookie } = await browserSignIn('coordinator@example.org');
    await desk.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
    await desk.http().post('/api/auth/logout').set('Cookie', cookie).set(CSRF).expect(204);
    const replayed = await desk.http().get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(replayed.body.message).toMatch(/ended by signing out/);
    const again = await browserSignIn('coordinator@example.org');
    await desk.http().get('/api/auth/me').set('Cookie', again.cookie).expect(200);
  });

  it('signs a script out too: a bearer token sent to logout stops working', async () => {
    const token = await desk.tokenOf('desk@example.org');
    await desk.http().post('/api/auth/logout').auth(token, { type: 'bearer' }).expect(204);
    await desk.http().get('/api/auth/me').auth(token, { type: 'bearer' }).expect(401);
  });

  it('ends the browser session of an account the admin deactivates, at once', async () => {
    const drafter = await aDrafter();
    const { cookie } = await browserSignIn(drafter.email, 'a long browser password');
    await desk.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
    await desk.http().patch(`/api/users/${drafter.id}`).auth(adminToken, { type: 'bearer' }).send({ version: drafter.version, active: false }).expect(200);
    const response = await desk.http().get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(response.body.message).toMatch(/deactivated/);
  });

  it('ends the browser session when an admin resets the password', async () => {
    const drafter = await aDrafter();
    const { cookie } = await browserSignIn(drafter.email, 'a long browser password');
    await desk
      .http()
      .patch(`/api/users/${drafter.id}`)
      .auth(adminToken, { type: 'bearer' })
      .send({ version: drafter.version, password: 'a brand new password' })
      .expect(200);
    const response = await desk.http().get('/api/question-sets').set('Cookie', cookie).expect(401);
    expect(response.body.message).toMatch(/ended by a change to the account \(a new password/);
  });

  it('prefers the Authorization header over the cookie', async () => {
    const { cookie } = await browserSignIn('desk@example.org');
    const token = await desk.tokenOf('drafter@example.org');
    const me = await desk.http().get('/api/auth/me').set('Cookie', cookie).auth(token, { type: 'bearer' }).expect(200);
    expect(me.body.email).toBe('drafter@example.org');
  });
});
