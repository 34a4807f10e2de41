import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseEnv } from 'node:util';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOG_FORMATS = ['pretty', 'json'] as const;

/** A URL with one of `protocols`; the message shows `example`. */
export const url = (protocols: string[], example: string) =>
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

/** A whole number from `min` to `max`; `what` says so to a person. */
export const wholeNumber = (min: number, max: number, what: string) =>
  z.coerce
    .number({ invalid_type_error: `must be ${what}` })
    .int(`must be ${what}`)
    .min(min, `must be ${what}`)
    .max(max, `must be ${what}`);

const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** A duration such as 500ms, 60s, 5m or 1h, in milliseconds. */
export const duration = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d+(ms|s|m|h)$/, `must be a duration such as ${what}`)
    .transform((value) => {
      const [, amount, unit] = /^(\d+)(ms|s|m|h)$/.exec(value)!;
      return Number(amount) * DURATION_UNITS_MS[unit as keyof typeof DURATION_UNITS_MS];
    })
    .refine((ms) => ms >= min && ms <= max, { message: `must be a duration such as ${what}` });

/** JSON text, parsed, then checked by `schema`; `example` shows how to write it. */
export const json = <T extends z.ZodTypeAny>(schema: T, example: string) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be JSON such as ${example}` });
        return z.NEVER;
      }
    })
    .pipe(schema);

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

/** The settings that belong to the desk as a whole, not to one capability. */
const deskVariables = {
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
  LOG_LEVEL: z.enum(LOG_LEVELS, { errorMap: () => ({ message: `must be one of ${LOG_LEVELS.join(', ')}` }) }).default('info'),
  LOG_FORMAT: z.enum(LOG_FORMATS, { errorMap: () => ({ message: `must be ${LOG_FORMATS.join(' or ')}` }) }).optional(),
  TRUST_PROXY: trustProxy.default('false'),
  SEEDS_DIR: z.string().min(1, 'must name a folder').default('seeds'),
};

/** The desk-wide settings, as every capability may read them. */
export interface DeskSettings {
  environment: 'development' | 'production' | 'test';
  databaseUrl: string;
  redis: { url: string; prefix: string };
  port: number;
  /** Where people reach the desk; used in links. */
  publicUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** How `npm start` (the supervisor) writes log lines: readable (development's default) or JSON lines (otherwise). */
  logFormat: (typeof LOG_FORMATS)[number];
  /** Express's "trust proxy": false, a number of hops, or the trusted proxies' addresses. */
  trustProxy: false | number | string[];
  /** Where the demo data lies (`SEEDS_DIR`), for `setup`. */
  seedsDirectory: string;
}

/**
 * The settings of the capabilities. Each capability adds its own fields in its `<capability>.config.ts`
 * (`declare module '@question-desk/config' { interface DeskConfigParts { … } }`), beside the schema
 * that reads them, so this library never imports a capability.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DeskConfigParts {}

export type DeskConfig = DeskSettings & DeskConfigParts;

/**
 * One capability's part of the configuration: the variables it reads (zod, with what each expects),
 * and how they become its fields of `DeskConfig`. `check` adds problems that need the desk's settings.
 */
export interface ConfigPart<S extends z.ZodRawShape> {
  variables: S;
  read(values: z.output<z.ZodObject<S>>, desk: DeskSettings): Partial<DeskConfigParts>;
  check?(values: z.output<z.ZodObject<S>>, desk: DeskSettings, ctx: z.RefinementCtx): void;
}

/** A part as the composition root holds it, whatever its variables. */
export type DeskConfigPart = ConfigPart<z.ZodRawShape>;

/** Declares a capability's part, typed by its own variables. */
export const configPart = <S extends z.ZodRawShape>(part: ConfigPart<S>): DeskConfigPart => part;

export type DeskEnvironment = Record<string, string | undefined>;

/** One line per bad setting: the variable, and what it expects. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigurationError';
  }
}

function deskSettings(e: z.output<z.ZodObject<typeof deskVariables>>): DeskSettings {
  return {
    environment: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'development' ? 'pretty' : 'json'),
    trustProxy: e.TRUST_PROXY,
    seedsDirectory: e.SEEDS_DIR,
  };
}

const dotEnvFilesRead = new Set<string>();

/**
 * Reads `.env` of the working directory into the environment once, for every process alike (the
 * CLI's setup and the API's start-up check read the configuration before Nest does); a variable
 * that is set in the environment keeps its value.
 */
export function readDotEnv(path = '.env'): void {
  if (dotEnvFilesRead.has(path)) return;
  dotEnvFilesRead.add(path);
  if (!existsSync(path)) return;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) process.env[name] ??= value;
}

/**
 * Reads the desk-wide settings and every part from `env` in one pass, so that all bad values are told
 * at once, one line each. The composition root chooses the parts (libs/schema's `loadConfig`).
 */
export function readConfig(parts: readonly DeskConfigPart[], env?: DeskEnvironment): DeskConfig {
  if (!env) {
    readDotEnv();
    env = process.env;
  }
  const names = parts.flatMap((part) => Object.keys(part.variables)).concat(Object.keys(deskVariables));
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  if (twice.length) throw new Error(`More than one part of the configuration reads ${twice.join(', ')}`);
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const schema = z.object(Object.assign({}, deskVariables, ...parts.map((part) => part.variables)) as typeof deskVariables).superRefine((values, ctx) => {
    const desk = deskSettings(values);
    for (const part of parts) part.check?.(values, desk, ctx);
  });
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map(
        (issue) => `Configuration: ${issue.path.join('.')} ${issue.message} (got ${shownValue(String(issue.path[0]), present[issue.path[0] as string])})`,
      ),
    );
  }
  const desk = deskSettings(parsed.data);
  return Object.assign({}, desk, ...parts.map((part) => part.read(parsed.data, desk))) as DeskConfig;
}

/** A value as a configuration problem may show it: secrets and passwords never, long values cut. */
export function shownValue(variable: string, value: unknown): string {
  if (value === undefined) return 'nothing';
  if (/SECRET|PASSWORD/.test(variable)) return 'a value that is not shown';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
