import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { NestFactory } from '@nestjs/core';
import { createTestDatabase, dropTestDatabase } from '@question-desk/database';
import { forgetRedisPrefix } from '@question-desk/redis';
import { DESK_SCHEMA } from '@question-desk/schema';
import { aFreePort } from '../test/free-port';
import { generateSets } from './generate-sets';

/** `--name value` from the command line, else the fallback. */
export function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

export const SEEDS = join(__dirname, '..', 'seeds');
export const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the route answers
}

/** A signed-in HTTP client of the API under test. */
export interface DeskClient {
  get(path: string): Promise<Reply>;
  send(method: 'POST' | 'PUT' | 'PATCH', path: string, body: object): Promise<Reply>;
}

export interface BenchDesk {
  /** The throwaway database. */
  url: string;
  /** Where the API answers: http://127.0.0.1:<port>/api. */
  base: string;
  /** Where a browser reaches the web app (http://localhost:<port>; localhost, so the production session cookie, which is Secure, is kept). */
  origin: string;
  /** Signs a demo account in. */
  client(email: string): Promise<DeskClient>;
}

/** Everything after an HTTP call that did not answer `expected`. */
export function expectStatus(what: string, reply: Reply, expected = 200): Reply {
  if (reply.status !== expected) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply;
}

/**
 * A throwaway database with the demo data and `sets` generated sets, `prepare`d further, and the
 * real API listening on a free loopback port in a process of its own, as it is deployed (so the
 * bench's clients do not share its thread); everything is removed afterwards.
 */
export async function withBenchDesk(sets: number, prepare: (url: string) => Promise<void>, work: (desk: BenchDesk) => Promise<void>): Promise<void> {
  await withDemoDatabase(async (url) => {
    await generateSets(url, sets);
    await prepare(url);
    const api = await startApi(url);
    try {
      await work({ url, base: api.base, origin: api.base.replace('127.0.0.1', 'localhost').replace(/\/api$/, ''), client: (email) => signIn(api.base, email) });
    } finally {
      await api.stop();
    }
  });
}

/**
 * A throwaway database (and Redis prefix) with the demo data, as `npm start` loads it, for `work`;
 * removed afterwards unless KEEP_BENCH_DATABASE=true.
 */
export async function withDemoDatabase(work: (url: string) => Promise<void>): Promise<void> {
  process.env.LOG_LEVEL = 'silent';
  process.env.REDIS_PREFIX = `qd-bench-${randomBytes(3).toString('hex')}`;
  const url = await createTestDatabase(SERVER, DESK_SCHEMA, 'bench');
  try {
    await loadDemoData(url);
    await work(url);
  } finally {
    if (process.env.KEEP_BENCH_DATABASE !== 'true') await dropTestDatabase(url);
    await forgetRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', process.env.REDIS_PREFIX);
  }
}

/** The demo data, as `npm start` loads it, into the (migrated) database at `url`. */
export async function loadDemoData(url: string): Promise<void> {
  process.env.DATABASE_URL = url;
  const { CliModule } = await import('../apps/cli/src/cli.module');
  const { DemoSeed } = await import('../apps/cli/src/demo-seed');
  const context = await NestFactory.createApplicationContext(CliModule, { logger: false });
  await context.get(DemoSeed).run(SEEDS, () => undefined);
  await context.close();
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in µs (Linux /proc; 0 elsewhere). */
export function cpuTimeOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The young-generation collections (scavenges) of a process so far: each stops it for `pause` ms. */
export interface Scavenges {
  count: number;
  pauseMs: number;
  /** Bytes that outlived a scavenge and moved to the old generation (garbage a full collection must find later). */
  promotedBytes: number;
}

/**
 * The scavenges of `child` so far, as its `--trace-gc-nvp` lines on its stdout tell them (one line per
 * collection among whatever else it prints: "… pause=4.9 … gc=s … promoted=1050600 …").
 */
export function scavengesOf(child: ChildProcess): () => Scavenges {
  const scavenges: Scavenges = { count: 0, pauseMs: 0, promotedBytes: 0 };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.includes(' gc=s ')) return;
    scavenges.count++;
    scavenges.pauseMs += Number(/ pause=([\d.]+)/.exec(line)?.[1] ?? 0);
    scavenges.promotedBytes += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
  });
  return () => ({ ...scavenges });
}

/** The scavenges from `before` to `after` (two readings of `scavengesOf`). */
export function scavengesBetween(before: Scavenges, after: Scavenges): Scavenges {
  return { count: after.count - before.count, pauseMs: after.pauseMs - before.pauseMs, promotedBytes: after.promotedBytes - before.promotedBytes };
}

/**
 * `apps/api/src/main.ts` in a child process, once it answers. With `traceGc` it runs with
 * `--trace-gc-nvp` and `scavenges()` says how often, and how long, its garbage collector stopped it.
 * `root` runs the built API of another checkout (its `npm run build:api` done) instead of this one's.
 */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeFlags: string[] = [],
  { traceGc = false, root }: { traceGc?: boolean; root?: string } = {},
): Promise<{ base: string; pid: number; stop: () => Promise<void>; scavenges: () => Scavenges }> {
  const port = await aFreePort();
  // BENCH_API=dist: the built API (`npm run build:api` first), as `npm start` runs it; else the sources through ts-node.
  const entry = root
    ? [join(root, 'dist/apps/api/src/main.js')]
    : process.env.BENCH_API === 'dist'
      ? ['dist/apps/api/src/main.js']
      : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'];
  const child = spawn(process.execPath, [...(traceGc ? ['--trace-gc-nvp'] : []), ...nodeFlags, ...entry], {
    cwd: root ?? join(__dirname, '..'),
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'production', TOKEN_SECRET: randomBytes(32).toString('hex'), ...env },
    stdio: ['ignore', traceGc ? 'pipe' : 'ignore', 'inherit'],
  });
  const scavenges = traceGc ? scavengesOf(child) : () => ({ count: 0, pauseMs: 0, promotedBytes: 0 });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}/api`;
  for (const started = Date.now(); ;) {
    if (child.exitCode !== null) throw new Error(`The API stopped at start (exit code ${child.exitCode})`);
    if (
      await fetch(`${base}/ministries`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (Date.now() - started > 300_000) {
      child.kill('SIGTERM');
      throw new Error('The API did not answer within 300 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    pid: child.pid!,
    scavenges,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The access token of a demo account (its password DEMO_PASSWORD, by default demo-password), signed in at the API at `base`. */
export async function accessTokenOf(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: process.env.DEMO_PASSWORD ?? 'demo-password' }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function signIn(base: string, email: string): Promise<DeskClient> {
  const headers = { Authorization: `Bearer ${await accessTokenOf(base, email)}`, 'Content-Type': 'application/json' };
  const read = async (response: Response): Promise<Reply> => ({ status: response.status, body: await response.json() });
  return {
    get: async (path) => read(await fetch(`${base}${path}`, { headers })),
    send: async (method, path, body) => read(await fetch(`${base}${path}`, { method, headers, body: JSON.stringify(body) })),
  };
}
