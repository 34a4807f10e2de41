import { JwtService } from '@nestjs/jwt';
import { DEMO_PASSWORD, ensureDemoData, startDesk, type TestDesk } from './desk';

describe('signing in', () => {
  let desk: TestDesk;

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk();
  });
  afterAll(() => desk.close());

  it('gives a token and the user with roles and ministry; the password is never returned', async () => {
    const response = await desk.http().post('/api/auth/login').send({ email: 'Drafter@Example.org', password: DEMO_PASSWORD }).expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      user: {
        id: expect.any(String),
        email: 'drafter@example.org',
        name: expect.any(String),
        roles: ['drafter'],
        ministry: { code: 'BZ', name: 'Buitenlandse Zaken' },
      },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/password|argon2/i);
    const me = await desk.http().get('/api/auth/me').auth(response.body.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body.email).toBe('drafter@example.org');
  });

  it('shows a desk officer without a ministry as seeing every ministry', async () => {
    const response = await desk.http().post('/api/auth/login').send({ email: 'desk@example.org', password: DEMO_PASSWORD }).expect(200);
    expect(response.body.user).toMatchObject({ roles: ['desk'], ministry: null });
  });

  it.each([
    ['a wrong password', { email: 'coordinator@example.org', password: 'wrong-password' }],
    ['an unknown email', { email: 'someone@example.org', password: DEMO_PASSWORD }],
  ])('refuses %s with 401 and the same message', async (_case, body) => {
    const response = await desk.http().post('/api/auth/login').send(body).expect(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'The email address or password is not right. Check both and try again.',
    });
  });

  it('refuses a login body that is not an email and password with 400 naming the field', async () => {
    const response = await desk.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x', remember: true }).expect(400);
    expect(response.body.message).toEqual(
      expect.arrayContaining(['property remember should not exist', 'email must be an email address, such as desk@example.org']),
    );
  });

  it('answers 429 with Retry-After after repeated failures, and keeps refusing the right password meanwhile', async () => {
    const email = 'locked.out@example.org';
    for (let attempt = 1; attempt <= 5; attempt++) {
      await desk
        .http()
        .post('/api/auth/login')
        .send({ email, password: `guess-${attempt}` })
        .expect(401);
    }
    const blocked = await desk.http().post('/api/auth/login').send({ email, password: 'guess-6' }).expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/^Too many failed sign-ins/) });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not affected.
    await desk.http().post('/api/auth/login').send({ email: 'admin@example.org', password: DEMO_PASSWORD }).expect(200);
  });

  it('answers 401 without a token, with a malformed one, a forged one and an expired one', async () => {
    const noToken = await desk.http().get('/api/question-sets').expect(401);
    expect(noToken.body.message).toMatch(/^Sign in first/);
    await desk.http().get('/api/question-sets').set('Authorization', 'Basic abc').expect(401);
    await desk.http().get('/api/question-sets').auth('not.a.token', { type: 'bearer' }).expect(401);
    const real = await desk.tokenOf('desk@example.org');
    const { sub } = JSON.parse(Buffer.from(real.split('.')[1], 'base64url').toString());
    const forged = await new JwtService({ secret: 'x'.repeat(32) }).signAsync({ sub }, { issuer: 'question-desk' });
    const response = await desk.http().get('/api/question-sets').auth(forged, { type: 'bearer' }).expect(401);
    expect(response.body.message).toBe('The access token is not valid. Sign in again at POST /api/auth/login.');
  });

  it('needs no token for health and the API docs', async () => {
    await desk.http().get('/api/docs-json').expect(200);
    await desk.http().get('/api/docs').expect(200);
  });
});
