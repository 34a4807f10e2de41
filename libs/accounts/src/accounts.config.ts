import { randomBytes } from 'node:crypto';
import { configPart, wholeNumber } from '@question-desk/config';
import { z } from 'zod';

declare module '@question-desk/config' {
  interface DeskConfigParts {
    demoPassword: string;
    /** `ttl` as given (30m, 8h, 1d), `ttlSeconds` the same in seconds (the browser session cookie's Max-Age). */
    token: { secret: string; ttl: string; ttlSeconds: number; generated: boolean };
    /** Failed sign-ins per account (from any address) and per address (over any accounts) before a block. */
    login: { maxFailures: number; maxFailuresPerAddress: number; blockMinutes: number };
    /** How long an API process trusts a session it checked (0: checks every request). */
    viewerCacheMs: number;
  }
}

const TTL_UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** The accounts' settings: the access token, the sign-in limits and the demo accounts' password. */
export const accountsConfig = configPart({
  variables: {
    DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('demo-password'),
    TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters (for example: openssl rand -hex 32)').optional(),
    TOKEN_TTL: z
      .string()
      .regex(/^\d+[smhd]$/, 'must be a duration such as 30m, 8h or 1d')
      .default('8h'),
    LOGIN_MAX_FAILURES: wholeNumber(1, 1000, 'a whole number from 1 to 1000').default(5),
    LOGIN_BLOCK_MINUTES: wholeNumber(1, 1440, 'a whole number of minutes from 1 to 1440').default(15),
    LOGIN_MAX_FAILURES_PER_ADDRESS: wholeNumber(1, 100_000, 'a whole number from 1 to 100000').default(50),
    VIEWER_CACHE_MS: wholeNumber(0, 10_000, 'a whole number of milliseconds from 0 to 10000').default(1000),
  },
  check: (e, desk, ctx) => {
    if (desk.environment === 'production' && !e.TOKEN_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['TOKEN_SECRET'],
        message: 'is required in production: a secret of at least 32 characters (for example: openssl rand -hex 32)',
      });
    }
  },
  read: (e) => ({
    demoPassword: e.DEMO_PASSWORD,
    token: {
      secret: e.TOKEN_SECRET ?? randomBytes(32).toString('hex'),
      ttl: e.TOKEN_TTL,
      ttlSeconds: Number(e.TOKEN_TTL.slice(0, -1)) * TTL_UNIT_SECONDS[e.TOKEN_TTL.slice(-1) as keyof typeof TTL_UNIT_SECONDS],
      generated: !e.TOKEN_SECRET,
    },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS, blockMinutes: e.LOGIN_BLOCK_MINUTES },
    viewerCacheMs: e.VIEWER_CACHE_MS,
  }),
});
