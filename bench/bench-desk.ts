import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { createTestDatabase, dropTestDatabase } from '@question-desk/database';
import { DESK_SCHEMA } from '@question-desk/schema';
import { generateSets } from './generate-sets';

/** `--name value` from the command line, else the fallback. */
export function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

export const SEEDS = join(__dirname, '..', 'seeds');
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

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
 * real API listening on a free loopback port; everything is removed afterwards.
 */
export async function withBenchDesk(sets: number, prepare: (url: string) => Promise<void>, work: (desk: BenchDesk) => Promise<void>): Promise<void> {
  process.env.LOG_LEVEL = 'silent';
  process.env.REDIS_PREFIX = `qd-bench-${randomBytes(3).toString('hex')}`;
  const url = await createTestDatabase(SERVER, DESK_SCHEMA, 'bench');
  process.env.DATABASE_URL = url;
  try {
    const { CliModule } = await import('../apps/cli/src/cli.module');
    const { DemoSeed } = await import('../apps/cli/src/demo-seed');
    const context = await NestFactory.createApplicationContext(CliModule, { logger: false });
    await context.get(DemoSeed).run(SEEDS, () => undefined);
    await context.close();
    await generateSets(url, sets);
    await prepare(url);
    const { createApi } = await import('../apps/api/src/bootstrap');
    const app = await createApi();
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
    try {
      await work({ url, client: (email) => signIn(base, email) });
    } finally {
      await app.close();
    }
  } finally {
    if (process.env.KEEP_BENCH_DATABASE !== 'true') await dropTestDatabase(url);
  }
}

async function signIn(base: string, email: string): Promise<DeskClient> {
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: process.env.DEMO_PASSWORD ?? 'demo-password' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
  const read = async (response: Response): Promise<Reply> => ({ status: response.status, body: await response.json() });
  return {
    get: async (path) => read(await fetch(`${base}${path}`, { headers })),
    send: async (method, path, body) => read(await fetch(`${base}${path}`, { method, headers, body: JSON.stringify(body) })),
  };
}
