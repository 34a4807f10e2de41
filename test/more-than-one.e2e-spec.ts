import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { AccountsService } from '@question-desk/accounts';
import { addDays, amsterdamDateOf } from '@question-desk/deadlines';
import { DEMO_PASSWORD, startDesk } from './desk';
import { aFreePort } from './free-port';
import { aPerson, aQuestionSet, ledger, ownDesk, settled, sql, sweepNow, TestMailServer } from './reminders-harness';
import { readSupervisorOutput } from './supervisor-output';

/**
 * More than one of each, as `npm start` runs them with API_PROCESSES=2 and WORKER_PROCESSES=2: two
 * API processes behind one port (node:cluster) and two workers, over this file's own database and
 * Redis prefix. Whichever process answers, people see the same desk: sessions, sign-in limits and
 * versions live in PostgreSQL and Redis, and each reminder is sent once.
 *
 * A request's API process is found from its connection: the test keeps one keep-alive connection per
 * "side" and looks up, in /proc, which of the API processes holds the server's end of it.
 */
describe('two API processes on one port and two workers', () => {
  jest.setTimeout(360_000); // ts-node compiles each of the four children at start: ~12 s of CPU each, minutes on a busy machine

  /** How long another process may still accept a session signed out elsewhere (a viewer cache), plus margin. */
  const SIGN_OUT_SEEN_WITHIN_MS = Number(process.env.VIEWER_CACHE_MS ?? 0) + 3000;
  const SETS = 12;
  const smtp = new TestMailServer();
  let environment: Awaited<ReturnType<typeof ownDesk>>;
  let supervisor: ChildProcess;
  let port: number;
  const lines: string[] = [];
  const events: { process?: string; event?: string; pid?: number }[] = [];
  const agents: Agent[] = [];

  const until = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, withinMs = 60_000): Promise<T> => {
    for (const started = Date.now(); Date.now() - started < withinMs; await new Promise((resolve) => setTimeout(resolve, 100))) {
      const value = await probe();
      if (value !== undefined) return value;
    }
    throw new Error(`${what} did not happen within ${withinMs / 1000} s. Output:\n${lines.slice(-40).join('\n')}`);
  };
  const PROCESSES = ['api-1', 'api-2', 'worker-1', 'worker-2'];
  /** Whether `name` has printed a line of its own, naming itself. */
  const hasSpoken = (name: string) => lines.some((line) => line.startsWith(`[${name}]`) && line.includes(`"process":"${name}"`));
  const pidOf = (name: string) => events.filter((e) => e.process === name && e.event === 'started').at(-1)?.pid;
  const apiPids = () => ['api-1', 'api-2'].map(pidOf).filter((pid): pid is number => pid !== undefined);

  interface Answer {
    status: number;
    body: Record<string, unknown>;
    /** The API process that answered. */
    pid: number | undefined;
  }

  /** One HTTP request; over `agent`'s one kept connection, or a connection of its own. */
  function call(method: string, path: string, options: { agent?: Agent; token?: string; body?: object } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const payload = options.body ? JSON.stringify(options.body) : undefined;
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent: options.agent ?? false,
          timeout: 10_000,
          headers: {
            ...(payload ? { 'Content-Type': 'application/json' } : {}),
            ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            const pid = req.socket ? serverPidOf(req.socket.localPort!) : undefined;
            resolve({ status: response.statusCode!, body: text.startsWith('{') ? JSON.parse(text) : {}, pid });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} got no answer within 10 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The API process holding the server's end of the connection from local port `clientPort` (Linux /proc). */
  function serverPidOf(clientPort: number): number | undefined {
    const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
    let inode: string | undefined;
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      for (const row of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const fields = row.trim().split(/\s+/);
        if (fields.length > 9 && fields[1].endsWith(`:${hex(port)}`) && fields[2].endsWith(`:${hex(clientPort)}`)) inode = fields[9];
      }
    }
    if (!inode) return undefined;
    return apiPids().find((pid) => {
      try {
        return readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`);
      } catch {
        return false;
      }
    });
  }

  /** A kept connection to the API process `other` is not (any, when undefined). */
  async function aConnection(other?: number): Promise<{ agent: Agent; pid: number }> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      const { status, pid } = await call('GET', '/api/ministries', { agent, token: 'none' });
      expect(status).toBe(401);
      if (pid !== undefined && pid !== other) return { agent, pid };
      agent.destroy();
    }
    throw new Error('Eight connections in a row reached the same API process: connections are not shared between the two');
  }

  const signIn = async (email: string, password: string, agent: Agent) => call('POST', '/api/auth/login', { agent, body: { email, password } });

  let desk: { email: string };
  let guessedAt: { email: string };
  let drafterId: string;

  beforeAll(async () => {
    await smtp.start();
    environment = await ownDesk('more_than_one');
    const today = amsterdamDateOf(new Date());
    const inProcess = await startDesk();
    try {
      const accounts = inProcess.app.get(AccountsService);
      desk = await aPerson(accounts, ['desk'], null);
      guessedAt = await aPerson(accounts, ['desk'], null);
      drafterId = (await aPerson(accounts, ['drafter'], 'BZ')).id;
    } finally {
      await inProcess.close();
    }
    // Overdue on the system clock, which the workers run on: each gets a reminder on the first sweep.
    for (let i = 0; i < SETS; i++) await aQuestionSet({ statutoryDeadline: addDays(today, -10 - i) });

    port = await aFreePort();
    supervisor = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'supervise'], {
      cwd: join(__dirname, '..'),
      env: {
        ...process.env,
        PORT: String(port),
        API_PROCESSES: '2',
        WORKER_PROCESSES: '2',
        HEARTBEAT_SECONDS: '1',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        SMTP_URL: smtp.url,
        REMINDER_LEASE: '3s',
        REMINDER_SWEEP_EVERY: '1s',
        REMINDER_RETRY_DELAY: '200ms',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    readSupervisorOutput(supervisor.stdout!, lines, events);
    await until(
      'both API processes listening, both workers started and a worker reporting',
      async () => {
        if (!PROCESSES.every(hasSpoken)) return undefined;
        const listening = lines.filter((line) => /^\[api-\d\]\s+\{.*"event":"listening"/.test(line)).length;
        if (listening < 2) return undefined;
        const health = await call('GET', '/api/health').catch(() => undefined);
        return health?.status === 200 && (health.body.info as { worker?: { heartbeat?: string } })?.worker?.heartbeat === 'alive' ? true : undefined;
      },
      300_000,
    );
  });

  afterAll(async () => {
    agents.forEach((agent) => agent.destroy());
    if (supervisor && supervisor.exitCode === null) {
      const exited = new Promise((resolve) => supervisor.once('exit', resolve));
      supervisor.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
    }
    await smtp.stop();
    await environment?.restore();
  });

  it('names each process in its lines: api-1, api-2, worker-1, worker-2', () => {
    for (const name of PROCESSES) {
      expect(pidOf(name)).toEqual(expect.any(Number));
      expect(hasSpoken(name)).toBe(true);
    }
    expect(new Set(PROCESSES.map(pidOf)).size).toBe(4);
  });

  it('sends each due reminder once while both workers sweep', async () => {
    // Both workers' schedulers sweep every second; more sweeps are queued at once for either to take.
    await Promise.all([sweepNow(), sweepNow(), sweepNow(), sweepNow()]);
    await settled(30_000, { jobs: false }); // the schedulers keep adding sweeps
    const rows = await ledger();
    expect(rows.length).toBeGreaterThanOrEqual(SETS);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    await smtp.until(() => smtp.delivered.length >= rows.length, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // a second sending would arrive by now
    const arrivals = smtp.arrivalsPerReminder();
    expect([...arrivals.values()].filter((n) => n !== 1)).toEqual([]);
    expect(new Set(arrivals.keys())).toEqual(new Set(rows.map((r) => r.id)));
  });

  it('keeps a session signed in through one API process valid on the other, and ends it on both at sign-out', async () => {
    const one = await aConnection();
    const other = await aConnection(one.pid);
    const signedIn = await signIn(desk.email, DEMO_PASSWORD, one.agent);
    expect(signedIn).toMatchObject({ status: 200, pid: one.pid });
    const token = signedIn.body.accessToken as string;

    const me = await call('GET', '/api/auth/me', { agent: other.agent, token });
    expect(me).toMatchObject({ status: 200, pid: other.pid, body: { email: desk.email } });

    expect(await call('POST', '/api/auth/logout', { agent: one.agent, token })).toMatchObject({ status: 204, pid: one.pid });
    const started = Date.now();
    const refused = await until(
      'the other API process refusing the signed-out session',
      async () => {
        const answer = await call('GET', '/api/auth/me', { agent: other.agent, token });
        return answer.status === 401 ? answer : undefined;
      },
      SIGN_OUT_SEEN_WITHIN_MS,
    );
    expect(refused.pid).toBe(other.pid);
    expect(Date.now() - started).toBeLessThan(SIGN_OUT_SEEN_WITHIN_MS);
  });

  it('counts failed sign-ins on both API processes together towards the block', async () => {
    const one = await aConnection();
    const other = await aConnection(one.pid);
    // LOGIN_MAX_FAILURES is 5: three wrong passwords on one process and two on the other block the account.
    const sides = [one, other, one, other, one];
    for (const [i, side] of sides.entries()) expect(await signIn(guessedAt.email, `guess-${i}`, side.agent)).toMatchObject({ status: 401, pid: side.pid });
    const blocked = await signIn(guessedAt.email, DEMO_PASSWORD, other.agent);
    expect(blocked).toMatchObject({ status: 429, pid: other.pid, body: { message: expect.stringMatching(/^Too many failed sign-ins/) } });
  });

  it('refuses a change made from a stale version with 409, on whichever process it arrives', async () => {
    const one = await aConnection();
    const other = await aConnection(one.pid);
    const token = (await signIn(desk.email, DEMO_PASSWORD, one.agent)).body.accessToken as string;
    const { id } = await aQuestionSet({ statutoryDeadline: addDays(amsterdamDateOf(new Date()), 20) });
    const [set] = await sql<{ id: string; version: number }>('SELECT id, version FROM question_set WHERE id = $1', [id]);
    const assign = (side: { agent: Agent }) =>
      call('POST', `/api/question-sets/${set.id}/assignment`, { agent: side.agent, token, body: { version: set.version, assigneeId: drafterId } });
    const first = await assign(one);
    expect(first).toMatchObject({ status: 200, pid: one.pid });
    const second = await assign(other);
    expect(second).toMatchObject({ status: 409, pid: other.pid, body: { currentVersion: first.body.version } });
  });

  it('keeps answering while one API process is killed, and starts it again; health sees a worker while one of two is down', async () => {
    const [killedApi, otherApi] = [pidOf('api-1')!, pidOf('api-2')!];
    const killedWorker = pidOf('worker-1')!;
    process.kill(killedApi, 'SIGKILL');
    process.kill(killedWorker, 'SIGKILL');
    // A request on its way to the killed process when it died is lost with it; the ones after the
    // cluster noticed (the exit the supervisor reports) go to the other.
    await until('the supervisor seeing api-1 exit', () =>
      lines.some((l) => l.includes('"event":"exited"') && l.includes('"process":"api-1"')) ? true : undefined,
    );
    const answers: { status: number; pid?: number; heartbeat?: string }[] = [];
    await until(
      'api-1 and worker-1 started again',
      async () => {
        const health = await call('GET', '/api/health');
        answers.push({ status: health.status, pid: health.pid, heartbeat: (health.body.info as { worker?: { heartbeat?: string } })?.worker?.heartbeat });
        const back = pidOf('api-1') !== killedApi && pidOf('worker-1') !== killedWorker;
        return back && lines.some((line) => /^\[api-1\]\s+\{.*"event":"listening"/.test(line) && line.includes(`"pid":${pidOf('api-1')}`)) ? true : undefined;
      },
      240_000,
    );
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.heartbeat !== 'alive')).toEqual([]);
    expect(pidOf('api-2')).toBe(otherApi);
    // Connections reach the restarted process again.
    const restarted = pidOf('api-1')!;
    await until('a connection reaching the restarted api-1', async () => ((await aConnection()).pid === restarted ? true : undefined), 20_000);
  });
});
