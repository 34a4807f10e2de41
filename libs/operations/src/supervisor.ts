import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { forkSharingPort } from './share-port';

/** Exit code of a process that could not reach a service it needs at start (sysexits' EX_UNAVAILABLE). */
export const EXIT_UNAVAILABLE = 69;

export interface RestartPolicy {
  /** Wait before the first restart. */
  firstDelayMs: number;
  /** The wait doubles after each crash in a row up to this. */
  maxDelayMs: number;
  /** A process that stayed up this long starts again from `firstDelayMs`. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 1000, maxDelayMs: 30_000, stableAfterMs: 60_000 };

/** The wait before restarting a process that crashed `crashesInARow` times (1 = the first crash): 1 s, 2 s, 4 s … up to the maximum. */
export function restartDelay(crashesInARow: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): number {
  return Math.min(policy.firstDelayMs * 2 ** Math.min(Math.max(crashesInARow - 1, 0), 30), policy.maxDelayMs);
}

/** One process to keep running: `command args…`, its output prefixed by `name`. */
export interface Program {
  name: string;
  command: string;
  args: string[];
  /** Set in its environment besides the supervisor's own. */
  env?: Record<string, string>;
  /**
   * Listens on the same port as the other programs with this flag (a Node program, started through
   * node:cluster with this process as the primary: see share-port.ts).
   */
  sharesPort?: boolean;
}

/** What a stop means, in words a person can act on. */
export function describeExit(name: string, code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `${name} was stopped by ${signal}`;
  if (code === EXIT_UNAVAILABLE)
    return `${name} could not reach a service it needs at start (exit code 69): check that PostgreSQL and Redis run and DATABASE_URL/REDIS_URL`;
  return `${name} exited with code ${code}`;
}

const COLOURS = ['\x1b[34m', '\x1b[35m', '\x1b[36m', '\x1b[33m'];
const BOLD_GREEN = '\x1b[1;32m';
const RESET = '\x1b[0m';

/** The fields of the API's "listening" line (`event: 'listening'`): where people find the app and its docs. */
export interface ListeningLine {
  event: 'listening';
  app: string;
  docs: string;
}

/** The one line that matters at start, set apart so it stands out among the others. */
export function listeningBanner(line: ListeningLine, colour: boolean): string[] {
  const rows = [`Question Desk is running`, `App:      ${line.app}`, `API docs: ${line.docs}`];
  const rule = '─'.repeat(Math.max(...rows.map((row) => row.length)) + 4);
  const shown = (text: string) => (colour ? `${BOLD_GREEN}${text}${RESET}` : text);
  return [rule, ...rows.map((row) => `  ${shown(row)}`), rule];
}

/**
 * Turns the JSON log lines of the desk's processes into readable ones (pino-pretty): time, level,
 * message, then the other fields on the same line. The API's "listening" line becomes a banner once
 * `listeners` processes listen on its address (with API_PROCESSES=2 the second, so that the first
 * one's start-up lines do not push it out of sight); the others, and any after a restart, stay lines.
 * Lines that are not JSON pass unchanged.
 */
export function readableLogLines(colour: boolean, listeners = 1): (line: string) => string[] {
  const pretty = prettyFactory({ colorize: colour, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service,process', singleLine: true });
  const listening = new Map<string, number>();
  return (line) => {
    if (!line.startsWith('{')) return [line];
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      return [line];
    }
    if (typeof entry !== 'object' || entry === null) return [line];
    if ((entry as { event?: unknown }).event === 'listening') {
      const { app } = entry as ListeningLine;
      listening.set(app, (listening.get(app) ?? 0) + 1);
      if (listening.get(app) === listeners) return listeningBanner(entry as ListeningLine, colour);
    }
    return pretty(entry).replace(/\n$/, '').split('\n');
  };
}

/**
 * Runs each program as a child process and keeps it running: a program that stops is started again
 * after an exponential back-off (reset once it stayed up `stableAfterMs`), whatever the others do.
 * Every line a child writes is passed on prefixed by its name; the supervisor's own lines are JSON
 * (pino) naming the program, its exit code or signal and the next restart. SIGINT and SIGTERM are
 * passed to every child (each runs in its own process group, so a terminal's Ctrl+C reaches it
 * once; those sharing a port cannot, and ignore the second); the supervisor ends when all have stopped.
 */
export class Supervisor {
  private readonly running = new Map<string, { child: ChildProcess; startedAt: number }>();
  private readonly pendingRestarts = new Map<string, NodeJS.Timeout>();
  private readonly crashes = new Map<string, number>();
  private readonly width: number;
  private stopping = false;
  private resolveStopped?: () => void;
  readonly log: Logger;

  private readonly policy: RestartPolicy;
  private readonly out: NodeJS.WritableStream;
  /** Set for readable logs (LOG_FORMAT=pretty, development's default); JSON lines pass unchanged otherwise. */
  private readonly readable: ((line: string) => string[]) | null;

  constructor(
    private readonly programs: Program[],
    options: { policy?: RestartPolicy; level?: string; out?: NodeJS.WritableStream; format?: 'pretty' | 'json' } = {},
  ) {
    this.policy = options.policy ?? DEFAULT_RESTART_POLICY;
    this.out = options.out ?? process.stdout;
    const listeners = Math.max(1, programs.filter((program) => program.sharesPort).length);
    this.readable = options.format === 'pretty' ? readableLogLines(Boolean((this.out as { isTTY?: boolean }).isTTY), listeners) : null;
    this.width = Math.max(...programs.map((p) => p.name.length), 'supervisor'.length);
    this.log = pino(
      { level: options.level ?? 'info', base: { service: 'question-desk-supervisor' } },
      { write: (line: string) => this.write('supervisor', line, -1) },
    );
  }

  /** Starts every program; resolves once a signal stopped them all. */
  run(signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): Promise<void> {
    const stopped = new Promise<void>((resolve) => (this.resolveStopped = resolve));
    for (const signal of signals) process.on(signal, () => this.stop(signal));
    // Never leave children behind when the supervisor itself fails.
    process.once('exit', () => this.running.forEach(({ child }) => child.kill('SIGKILL')));
    this.programs.forEach((program) => this.start(program));
    return stopped;
  }

  /** Stops restarting and passes `signal` to every child. */
  stop(signal: NodeJS.Signals): void {
    if (!this.stopping) this.log.info({ signal }, `Received ${signal}: stopping ${[...this.running.keys()].join(' and ') || 'nothing'}`);
    this.stopping = true;
    this.pendingRestarts.forEach((timer) => clearTimeout(timer));
    this.pendingRestarts.clear();
    this.running.forEach(({ child }) => child.kill(signal));
    this.settle();
  }

  private start(program: Program): void {
    this.pendingRestarts.delete(program.name);
    const env = { ...process.env, ...program.env };
    // A process sharing the port is not detached (node:cluster cannot): a terminal's Ctrl+C reaches it
    // besides the one passed on, and the desk's processes ignore a second signal while they stop.
    const child = program.sharesPort
      ? forkSharingPort({ command: program.command, args: program.args, env })
      : spawn(program.command, program.args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
    const index = this.programs.indexOf(program);
    this.pipe(child.stdout, program.name, index);
    this.pipe(child.stderr, program.name, index);
    this.running.set(program.name, { child, startedAt: Date.now() });
    this.log.info({ process: program.name, pid: child.pid, event: 'started' }, `Started ${program.name} (pid ${child.pid})`);
    child.once('error', (error) => this.log.error({ process: program.name, err: error }, `Could not start ${program.name}: ${error.message}`));
    child.once('exit', (code, signal) => this.exited(program, code, signal));
  }

  private exited(program: Program, exitCode: number | null, signal: NodeJS.Signals | null): void {
    const { startedAt } = this.running.get(program.name)!;
    this.running.delete(program.name);
    const fields = { process: program.name, exitCode, signal, event: 'exited' };
    if (this.stopping) {
      this.log.info(fields, `${describeExit(program.name, exitCode, signal)}`);
      this.settle();
      return;
    }
    const crashes = Date.now() - startedAt >= this.policy.stableAfterMs ? 1 : (this.crashes.get(program.name) ?? 0) + 1;
    this.crashes.set(program.name, crashes);
    const delay = restartDelay(crashes, this.policy);
    const level = exitCode === EXIT_UNAVAILABLE ? 'warn' : 'error';
    this.log[level](
      { ...fields, crashesInARow: crashes, restartInSeconds: delay / 1000 },
      `${describeExit(program.name, exitCode, signal)}; restarting it in ${delay / 1000} s (the others keep running)`,
    );
    this.pendingRestarts.set(
      program.name,
      setTimeout(() => this.start(program), delay),
    );
  }

  private settle(): void {
    if (this.stopping && this.running.size === 0) this.resolveStopped?.();
  }

  private pipe(stream: Readable | null, name: string, index: number): void {
    if (!stream) return;
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      lines.forEach((line) => this.write(name, line, index));
    });
    stream.on('end', () => rest && this.write(name, rest, index));
  }

  private write(name: string, text: string, index: number): void {
    const label = `[${name}]`.padEnd(this.width + 2);
    const colour = (this.out as { isTTY?: boolean }).isTTY && index >= 0 ? COLOURS[index % COLOURS.length] : '';
    const lines = text.replace(/\n$/, '').split('\n');
    for (const line of this.readable ? lines.flatMap(this.readable) : lines) this.out.write(`${colour ? `${colour}${label}\x1b[0m` : label} ${line}\n`);
  }
}
