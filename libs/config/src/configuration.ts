import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const url = (protocols: string[], example: string) =>
  z.string({ required_error: `is required: a URL such as ${example}` }).refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL such as ${example}` },
  );

const wholeNumber = (min: number, max: number, what: string) =>
  z.coerce
    .number({ invalid_type_error: `must be ${what}` })
    .int(`must be ${what}`)
    .min(min, `must be ${what}`)
    .max(max, `must be ${what}`);

const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const TTL_UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** A duration such as 500ms, 60s, 5m or 1h, in milliseconds. */
const duration = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d+(ms|s|m|h)$/, `must be a duration such as ${what}`)
    .transform((value) => {
      const [, amount, unit] = /^(\d+)(ms|s|m|h)$/.exec(value)!;
      return Number(amount) * DURATION_UNITS_MS[unit as keyof typeof DURATION_UNITS_MS];
    })
    .refine((ms) => ms >= min && ms <= max, { message: `must be a duration such as ${what}` });

/**
 * REMINDER_POLICY: JSON that changes the reminder policy's defaults (libs/reminders). `false`
 * switches a reminder off; a number moves its day.
 */
const reminderOffset = (min: number, max: number, what: string) => {
  const message = `must be false or ${what}`;
  return z.union([z.literal(false), z.number().int(message).min(min, message).max(max, message)], { errorMap: () => ({ message }) });
};
const reminderChanges = {
  'draft-due-soon': reminderOffset(1, 20, 'working days before the internal draft deadline, 1 to 20').optional(),
  'draft-due-today': z.literal(false, { errorMap: () => ({ message: 'can only be false (it is sent on the day itself)' }) }).optional(),
  'deadline-due-soon': reminderOffset(1, 20, 'working days before the deadline, 1 to 20').optional(),
  'deadline-due-today': z.literal(false, { errorMap: () => ({ message: 'can only be false (it is sent on the day itself)' }) }).optional(),
  'postponement-due': reminderOffset(1, 60, 'days after the statutory deadline, 1 to 60').optional(),
  'overdue-digest': reminderOffset(1, 7, 'the day of the week, 1 (Monday) to 7 (Sunday)').optional(),
};
/** The reminder kinds REMINDER_POLICY may name; libs/reminders checks at start that they are its own. */
export const REMINDER_KINDS_CONFIGURABLE = Object.keys(reminderChanges);
const REMINDER_KINDS = REMINDER_KINDS_CONFIGURABLE;
const reminderPolicy = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be JSON such as {"deadline-due-soon":5,"draft-due-today":false}' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .object(reminderChanges, { invalid_type_error: 'must be a JSON object such as {"deadline-due-soon":5}' })
      .strict(`names an unknown reminder: use ${REMINDER_KINDS.slice(0, -1).join(', ')} or ${REMINDER_KINDS.at(-1)}`),
  );

/**
 * TRUST_PROXY: which proxies in front of the API may name the client's address in X-Forwarded-For,
 * as Express's "trust proxy" takes it: off, a number of hops, or the proxies' addresses (loopback,
 * uniquelocal, an IP, an IP/bits). Never "everyone": any client could then pick its address.
 */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const trustProxy = z.string().transform((value, ctx): false | number | string[] => {
  const text = value.trim();
  if (text === 'false' || text === 'off') return false;
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 10) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  const isProxy = (entry: string) => {
    const [address, bits, ...rest] = entry.split('/');
    if (rest.length) return false;
    if (bits === undefined) return PROXY_NAMES.includes(address) || isIP(address) !== 0;
    const family = isIP(address);
    return family !== 0 && /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
  };
  if (entries.length && entries.every(isProxy)) return entries;
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message: "must be off, a number of proxy hops from 1 to 10, or the proxies' addresses such as loopback or 10.0.0.0/8,192.0.2.7",
  });
  return z.NEVER;
});

/** Every setting the desk reads from its environment, with what it expects. */
const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/question_desk').default(
      'postgres://postgres@127.0.0.1:5432/question_desk',
    ),
    REDIS_URL: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]{1,40}$/i, 'must be 1 to 40 letters, digits, - or _')
      .default('question-desk'),
    PORT: wholeNumber(1, 65535, 'a port number from 1 to 65535').default(3000),
    PUBLIC_URL: url(['http:', 'https:'], 'https://vragen.example.org').optional(),
    DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('demo-password'),
    TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters (for example: openssl rand -hex 32)').optional(),
    TOKEN_TTL: z
      .string()
      .regex(/^\d+[smhd]$/, 'must be a duration such as 30m, 8h or 1d')
      .default('8h'),
    LOG_LEVEL: z.enum(LOG_LEVELS, { errorMap: () => ({ message: `must be one of ${LOG_LEVELS.join(', ')}` }) }).default('info'),
    EK_RESPONSE_WEEKS: wholeNumber(1, 52, 'a whole number of weeks from 1 to 52').default(6),
    POSTPONEMENT_WEEKS: wholeNumber(1, 52, 'a whole number of weeks from 1 to 52').default(3),
    INTERNAL_DEADLINES: z
      .string()
      .regex(/^draft=\d{1,3},review=\d{1,3},coSigning=\d{1,3}$/, 'must give the days before the deadline for each step, such as draft=10,review=5,coSigning=2')
      .default('draft=10,review=5,coSigning=2'),
    LOGIN_MAX_FAILURES: wholeNumber(1, 1000, 'a whole number from 1 to 1000').default(5),
    LOGIN_BLOCK_MINUTES: wholeNumber(1, 1440, 'a whole number of minutes from 1 to 1440').default(15),
    LOGIN_MAX_FAILURES_PER_ADDRESS: wholeNumber(1, 100_000, 'a whole number from 1 to 100000').default(50),
    TRUST_PROXY: trustProxy.default('false'),
    DOCUMENT_MAX_BYTES: wholeNumber(1024, 50 * 1024 * 1024, 'a number of bytes from 1024 to 52428800').default(2 * 1024 * 1024),
    HEARTBEAT_SECONDS: wholeNumber(1, 3600, 'a number of seconds from 1 to 3600').default(30),
    // Checked where it is used: a bad SMTP_URL must not stop the worker (see `smtpProblem`).
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z
      .string()
      .regex(/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/, 'must be an address such as vragen@example.org or "Vragendesk <vragen@example.org>"')
      .optional(),
    REMINDER_POLICY: reminderPolicy.optional(),
    REMINDER_SWEEP_EVERY: duration(1000, 24 * 3_600_000, '60s or 5m (from 1s to 24h)').default('60s'),
    REMINDER_LEASE: duration(1000, 24 * 3_600_000, '5m (from 1s to 24h)').default('5m'),
    REMINDER_ATTEMPTS: wholeNumber(1, 50, 'a whole number from 1 to 50').default(10),
    REMINDER_RETRY_DELAY: duration(10, 24 * 3_600_000, '30s (from 10ms to 24h)').default('30s'),
    REMINDER_CONCURRENCY: wholeNumber(1, 100, 'a whole number from 1 to 100').default(5),
    SEEDS_DIR: z.string().min(1, 'must name a folder').default('seeds'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.TOKEN_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['TOKEN_SECRET'],
        message: 'is required in production: a secret of at least 32 characters (for example: openssl rand -hex 32)',
      });
    }
  });

export type DeskEnvironment = z.input<typeof environmentSchema>;

export interface DeskConfig {
  environment: 'development' | 'production' | 'test';
  databaseUrl: string;
  redis: { url: string; prefix: string };
  port: number;
  /** Where people reach the desk; used in links. */
  publicUrl: string;
  demoPassword: string;
  /** `ttl` as given (30m, 8h, 1d), `ttlSeconds` the same in seconds (the browser session cookie's Max-Age). */
  token: { secret: string; ttl: string; ttlSeconds: number; generated: boolean };
  logLevel: (typeof LOG_LEVELS)[number];
  deadlines: {
    eersteKamerResponseWeeks: number;
    postponementWeeks: number;
    /** Days before the deadline in force by which the draft, the review and the co-signatures are due. */
    internal: { draft: number; review: number; coSigning: number };
  };
  /** Failed sign-ins per account (from any address) and per address (over any accounts) before a block. */
  login: { maxFailures: number; maxFailuresPerAddress: number; blockMinutes: number };
  /** Express's "trust proxy": false, a number of hops, or the trusted proxies' addresses. */
  trustProxy: false | number | string[];
  documentMaxBytes: number;
  heartbeatSeconds: number;
  /** Where the demo data lies (`SEEDS_DIR`), for `setup`. */
  seedsDirectory: string;
  /** Outgoing mail. `smtpProblem` is set (and `smtpUrl` unusable) when SMTP_URL is not a valid smtp:// URL. */
  mail: { smtpUrl: string | null; smtpProblem: string | null; from: string };
  reminders: {
    /** Changes to the reminder policy's defaults, by reminder kind: a day, or false for off. */
    policy: Partial<Record<string, number | false>>;
    sweepEveryMs: number;
    /** How long a delivery may hold a reminder before another worker may take it over. */
    leaseMs: number;
    attempts: number;
    /** Wait before the first retry; it doubles with every further attempt. */
    retryDelayMs: number;
    concurrency: number;
  };
}

/** One line per bad setting: the variable, and what it expects. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigurationError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): DeskConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map(
        (issue) => `Configuration: ${issue.path.join('.')} ${issue.message} (got ${describe(String(issue.path[0]), present[issue.path[0] as string])})`,
      ),
    );
  }
  const e = parsed.data;
  return {
    environment: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    demoPassword: e.DEMO_PASSWORD,
    token: {
      secret: e.TOKEN_SECRET ?? randomBytes(32).toString('hex'),
      ttl: e.TOKEN_TTL,
      ttlSeconds: Number(e.TOKEN_TTL.slice(0, -1)) * TTL_UNIT_SECONDS[e.TOKEN_TTL.slice(-1) as keyof typeof TTL_UNIT_SECONDS],
      generated: !e.TOKEN_SECRET,
    },
    logLevel: e.LOG_LEVEL,
    deadlines: {
      eersteKamerResponseWeeks: e.EK_RESPONSE_WEEKS,
      postponementWeeks: e.POSTPONEMENT_WEEKS,
      internal: Object.fromEntries(
        e.INTERNAL_DEADLINES.split(',').map((pair) => {
          const [step, days] = pair.split('=');
          return [step, Number(days)];
        }),
      ) as { draft: number; review: number; coSigning: number },
    },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS, blockMinutes: e.LOGIN_BLOCK_MINUTES },
    trustProxy: e.TRUST_PROXY,
    documentMaxBytes: e.DOCUMENT_MAX_BYTES,
    heartbeatSeconds: e.HEARTBEAT_SECONDS,
    seedsDirectory: e.SEEDS_DIR,
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      smtpProblem: e.SMTP_URL === undefined ? null : smtpProblem(e.SMTP_URL),
      from: e.MAIL_FROM ?? `Question Desk <vragendesk@${new URL(e.PUBLIC_URL ?? 'http://localhost').hostname}>`,
    },
    reminders: {
      policy: e.REMINDER_POLICY ?? {},
      sweepEveryMs: e.REMINDER_SWEEP_EVERY,
      leaseMs: e.REMINDER_LEASE,
      attempts: e.REMINDER_ATTEMPTS,
      retryDelayMs: e.REMINDER_RETRY_DELAY,
      concurrency: e.REMINDER_CONCURRENCY,
    },
  };
}

/** What is wrong with an SMTP_URL, in the words of a configuration problem; null when it is usable. */
function smtpProblem(value: string): string | null {
  try {
    const url = new URL(value);
    if (['smtp:', 'smtps:'].includes(url.protocol) && url.hostname) return null;
  } catch {
    // described below
  }
  return `Configuration: SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org (got ${describe('SMTP_URL', value.replace(/\/\/[^@/]*@/, '//…@'))})`;
}

function describe(variable: string, value: unknown): string {
  if (value === undefined) return 'nothing';
  if (/SECRET|PASSWORD/.test(variable)) return 'a value that is not shown';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
