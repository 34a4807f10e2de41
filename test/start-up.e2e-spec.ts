import { spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { aFreePort } from './free-port';

interface Exit {
  code: number | null;
  output: string;
  ms: number;
}

/** An app's main.ts in a process of its own, as `npm run start:api` / `start:worker` runs it. */
function run(app: 'api' | 'worker', databaseUrl: string): Promise<Exit> {
  const started = Date.now();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', `apps/${app}/src/main.ts`], {
    cwd: join(__dirname, '..'),
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, REDIS_PREFIX: process.env.REDIS_PREFIX, PORT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, output, ms: Date.now() - started });
    }),
  );
}

describe('starting without a database (issue 10, finding 6)', () => {
  let silent: Server;
  let silentPort: number;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts connections and never answers: what a firewalled or hung server looks like.
    silentPort = await aFreePort();
    silent = createServer((socket) => sockets.add(socket)).listen(silentPort, '127.0.0.1');
  });
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  // The refused port is covered beside the check (libs/database/src/database-check.spec.ts).
  it('stops the API and the worker with one line and a non-zero exit: a missing database, a server that never answers', async () => {
    const missing = Object.assign(new URL(process.env.DATABASE_URL!), { pathname: '/qd_no_such_database' }).href;
    const [api, hung] = await Promise.all([run('api', missing), run('worker', `postgres://postgres@127.0.0.1:${silentPort}/question_desk`)]);
    expect(api).toMatchObject({
      code: 69,
      output:
        'The database "qd_no_such_database" does not exist on 127.0.0.1:5432. Run "npm run setup" (it creates the database and its tables), or set DATABASE_URL.\n',
    });
    expect(hung.code).toBe(69);
    expect(hung.output).toMatch(/^Cannot reach PostgreSQL at DATABASE_URL \(127\.0\.0\.1:\d+: .*timeout.*\)\. Start PostgreSQL or set DATABASE_URL\.\n$/);
  }, 120_000);

  it('stops with the same line for a database host name that does not exist (ENOTFOUND) as for a refused connection (issue 11)', async () => {
    // The refused connection's line is checked beside the check (libs/database/src/database-check.spec.ts):
    // "Cannot reach PostgreSQL at DATABASE_URL (127.0.0.1:1: ECONNREFUSED). Start PostgreSQL or set DATABASE_URL."
    const wrongHost = await run('api', 'postgres://postgres@no-such-host.invalid:5432/question_desk');
    expect(wrongHost.code).toBe(69);
    expect(wrongHost.output).toMatch(
      /^Cannot reach PostgreSQL at DATABASE_URL \(no-such-host\.invalid:5432: (ENOTFOUND|EAI_AGAIN)\)\. Start PostgreSQL or set DATABASE_URL\.\n$/,
    );
  }, 120_000);
});
