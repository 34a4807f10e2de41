import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { aFreePort } from './free-port';
import { readSupervisorOutput } from './supervisor-output';

/**
 * `question-desk supervise` (what `npm start` runs) over the run's throwaway database: a killed
 * worker is restarted while the API keeps answering, and a killed API is restarted while the worker
 * runs on. The worker reports every second here, so health sees it go stale and come back.
 */
describe('the supervisor of npm start', () => {
  jest.setTimeout(180_000); // ts-node compiles each child at start: ~15 s here, more on a busy machine

  let supervisor: ChildProcess;
  let base: string;
  const lines: string[] = [];
  const events: { process?: string; event?: string; pid?: number; signal?: string; restartInSeconds?: number; msg: string }[] = [];

  const until = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, withinMs = 60_000): Promise<T> => {
    for (const started = Date.now(); Date.now() - started < withinMs; await new Promise((resolve) => setTimeout(resolve, 200))) {
      const value = await probe();
      if (value !== undefined) return value;
    }
    throw new Error(`${what} did not happen within ${withinMs / 1000} s. Output:\n${lines.slice(-40).join('\n')}`);
  };
  const health = async () => {
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      return { status: response.status, heartbeat: ((await response.json()) as { info?: { worker?: { heartbeat?: string } } }).info?.worker?.heartbeat };
    } catch {
      return { status: 0, heartbeat: undefined };
    }
  };
  const pidOf = (name: string) => events.filter((e) => e.process === name && e.event === 'started').at(-1)?.pid;
  const isRunning = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    const port = await aFreePort();
    base = `http://127.0.0.1:${port}`;
    supervisor = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'supervise'], {
      cwd: join(__dirname, '..'),
      // One of each here (named api and worker); more-than-one.e2e-spec.ts runs two of each.
      env: {
        ...process.env,
        PORT: String(port),
        API_PROCESSES: '1',
        WORKER_PROCESSES: '1',
        HEARTBEAT_SECONDS: '1',
        LOG_LEVEL: 'info',
        REDIS_PREFIX: `${process.env.QD_TEST_RUN}-supervisor`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    readSupervisorOutput(supervisor.stdout!, lines, events);
    await until(
      'the API answering and the worker reporting',
      async () => {
        const now = await health();
        return now.status === 200 && now.heartbeat === 'alive' ? now : undefined;
      },
      90_000,
    );
  });

  afterAll(async () => {
    if (supervisor.exitCode === null) {
      supervisor.kill('SIGKILL');
      [pidOf('api'), pidOf('worker')].forEach((pid) => pid && isRunning(pid) && process.kill(pid, 'SIGKILL'));
    }
  });

  it('prefixes every line with the process that wrote it', () => {
    expect(lines.some((line) => line.startsWith('[api]'))).toBe(true);
    expect(lines.some((line) => line.startsWith('[worker]'))).toBe(true);
    expect(lines.every((line) => /^\[(api|worker|supervisor)\]/.test(line))).toBe(true);
  });

  it('restarts a killed worker with back-off while the API keeps answering, and health shows the worker gone meanwhile', async () => {
    const [api, worker] = [pidOf('api')!, pidOf('worker')!];
    process.kill(worker, 'SIGKILL');
    const statuses = new Set<number>();
    const watch = async () => {
      const now = await health();
      statuses.add(now.status);
      return now;
    };
    const gone = await until('health showing the worker gone', async () => {
      const { heartbeat } = await watch();
      return heartbeat === 'stale' || heartbeat === 'missing' ? heartbeat : undefined;
    });
    expect(['stale', 'missing']).toContain(gone);
    await until('a new worker reporting', async () => ((await watch()).heartbeat === 'alive' ? true : undefined));
    const restarted = pidOf('worker');
    expect(restarted).not.toBe(worker);
    expect(statuses).toEqual(new Set([200]));
    expect(events).toContainEqual(expect.objectContaining({ process: 'worker', event: 'exited', signal: 'SIGKILL', restartInSeconds: 1 }));
    expect(isRunning(restarted!)).toBe(true);
    expect(pidOf('api')).toBe(api);
  });

  it('restarts a killed API while the worker runs on', async () => {
    const [api, worker] = [pidOf('api')!, pidOf('worker')!];
    process.kill(api, 'SIGKILL');
    await until('a new API answering', async () => {
      const now = await health();
      return now.status === 200 && pidOf('api') !== api ? true : undefined;
    });
    expect(events).toContainEqual(expect.objectContaining({ process: 'api', event: 'exited', signal: 'SIGKILL' }));
    expect(pidOf('worker')).toBe(worker);
    expect(isRunning(worker)).toBe(true);
  });

  it('passes SIGTERM to both and ends when both have stopped', async () => {
    const children = [pidOf('api')!, pidOf('worker')!];
    const exited = new Promise<number | null>((resolve) => supervisor.once('exit', resolve));
    const before = events.length;
    supervisor.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(children.filter(isRunning)).toEqual([]);
    const after = events.slice(before);
    expect(after.filter((e) => e.event === 'exited').map((e) => e.process)).toEqual(expect.arrayContaining(['api', 'worker']));
    expect(after.filter((e) => e.event === 'started' || e.restartInSeconds !== undefined)).toEqual([]);
  });
});
