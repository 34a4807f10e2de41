import { ConfigurationError } from '@question-desk/config';
import { loadConfig } from './desk-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('gives a working development configuration with no variables set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/question_desk');
    expect(config.demoPassword).toBe('demo-password');
    expect(config.token.generated).toBe(true);
    expect(config.token.secret).toHaveLength(64);
    expect(config.deadlines).toEqual({
      eersteKamerResponseWeeks: 6,
      postponementWeeks: 3,
      internal: { draft: 10, review: 5, coSigning: 2 },
    });
  });

  it('generates a different token secret on every start in development', () => {
    expect(loadConfig({}).token.secret).not.toEqual(loadConfig({}).token.secret);
  });

  it('names the variable and what it expects, one line each', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual(expect.stringMatching(/^Configuration: PORT must be a port number from 1 to 65535 \(got "eighty"\)$/));
    expect(problems).toContainEqual(expect.stringMatching(/^Configuration: DATABASE_URL must be a URL such as postgres:/));
    expect(problems).toContainEqual(expect.stringMatching(/^Configuration: LOG_LEVEL must be one of fatal, error/));
  });

  it("trusts no proxy unless told; TRUST_PROXY takes hops or the proxies' addresses, never everyone", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1']);
    for (const value of ['true', 'everyone', '10.0.0.0/33', '0']) {
      expect(problemsOf({ TRUST_PROXY: value })).toEqual([expect.stringMatching(/^Configuration: TRUST_PROXY must be off, a number of proxy hops/)]);
    }
  });

  it('requires a token secret in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^Configuration: TOKEN_SECRET is required in production/)]);
    expect(loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(32) }).token.generated).toBe(false);
  });

  it('never echoes a secret back', () => {
    const [problem] = problemsOf({ TOKEN_SECRET: 'tiny-value' });
    expect(problem).toMatch(/^Configuration: TOKEN_SECRET must be at least 32 characters/);
    expect(problem).not.toContain('tiny-value');
  });

  it('reads the internal deadline policy, and says how to write it when it is wrong', () => {
    expect(loadConfig({ INTERNAL_DEADLINES: 'draft=14,review=7,coSigning=3' }).deadlines.internal).toEqual({ draft: 14, review: 7, coSigning: 3 });
    expect(problemsOf({ INTERNAL_DEADLINES: 'draft=2w' })).toEqual([
      expect.stringMatching(/^Configuration: INTERNAL_DEADLINES must give the working days before the deadline for each step, such as draft=10/),
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});

describe('loadConfig: reminders and mail', () => {
  it('has working defaults: a sweep a minute, email to the log until SMTP_URL is set', () => {
    expect(loadConfig({}).reminders).toEqual({ policy: {}, sweepEveryMs: 60_000, leaseMs: 300_000, attempts: 10, retryDelayMs: 30_000, concurrency: 5 });
    expect(loadConfig({}).mail).toEqual({
      smtpUrl: null,
      smtpProblem: null,
      from: 'Vragendesk <vragendesk@localhost>',
      fromName: 'Vragendesk',
      fromAddress: 'vragendesk@localhost',
    });
  });

  it('reads durations and the policy', () => {
    const config = loadConfig({
      REMINDER_SWEEP_EVERY: '5m',
      REMINDER_LEASE: '30s',
      REMINDER_RETRY_DELAY: '250ms',
      REMINDER_POLICY: '{"deadline-due-soon":5,"draft-due-today":false}',
    });
    expect(config.reminders).toMatchObject({
      sweepEveryMs: 300_000,
      leaseMs: 30_000,
      retryDelayMs: 250,
      policy: { 'deadline-due-soon': 5, 'draft-due-today': false },
    });
  });

  it('names what is wrong with a policy or a duration, one line each', () => {
    expect(problemsOf({ REMINDER_POLICY: '{"deadline-due-soon":0}', REMINDER_SWEEP_EVERY: 'often' })).toEqual([
      expect.stringMatching(/^Configuration: REMINDER_POLICY\.deadline-due-soon must be false or working days before the deadline, 1 to 20/),
      expect.stringMatching(/^Configuration: REMINDER_SWEEP_EVERY must be a duration such as 60s or 5m/),
    ]);
    expect(problemsOf({ REMINDER_POLICY: '{"nudge":1}' })).toEqual([
      expect.stringMatching(/^Configuration: REMINDER_POLICY names an unknown reminder: use draft-due-soon/),
    ]);
    expect(problemsOf({ REMINDER_POLICY: 'not json' })).toEqual([expect.stringMatching(/^Configuration: REMINDER_POLICY must be JSON such as/)]);
  });

  it('does not stop on a bad SMTP_URL, but says what is wrong without showing its password', () => {
    const { mail } = loadConfig({ SMTP_URL: 'smtp//user:secret@mail' });
    expect(mail.smtpProblem).toMatch(/^Configuration: SMTP_URL must be a URL such as smtp:\/\/user:password@mail.example.org:587/);
    expect(mail.smtpProblem).not.toContain('secret');
    expect(loadConfig({ SMTP_URL: 'smtp://mail:1025' }).mail).toMatchObject({ smtpUrl: 'smtp://mail:1025', smtpProblem: null });
  });
});
