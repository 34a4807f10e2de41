import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aFreePort } from './free-port';

/** Where initdb and pg_ctl are: PG_BIN, else the Debian layout of PostgreSQL 17–15, else `pg_config --bindir`. */
function postgresBinaries(): string {
  const candidates = [process.env.PG_BIN, '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
  for (const dir of candidates) if (dir && existsSync(join(dir, 'initdb'))) return dir;
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No PostgreSQL binaries (initdb, pg_ctl) found: set PG_BIN to their directory, e.g. /usr/lib/postgresql/15/bin');
  }
}

export interface OwnPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** Stops the server (pg_ctl stop -m fast: open connections are cut), keeps it down for `downMs`, starts it again; resolves once it is back. */
  restart(downMs: number): Promise<void>;
  stop(): void;
}

/**
 * A PostgreSQL server of the test's own, on a free port with its own data directory (never the shared
 * one): for tests that stop or restart the database. initdb refuses to run as root, so as root it
 * runs as the `postgres` system user.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = postgresBinaries();
  const port = await aFreePort();
  const dir = mkdtempSync(join(tmpdir(), 'qd-own-postgres-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe', timeout: 120_000 })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe', timeout: 120_000 });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=32MB -c max_connections=60`;
  const ctlArgs = (action: string, extra: string[] = []) => [action, '-D', data, '-w', '-t', '60', '-o', options, '-l', join(dir, 'log'), ...extra];
  // Asynchronous, so that the test's clients go on while the server stops and starts.
  const ctl = async (action: string, extra: string[] = []) => {
    const [file, args] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...ctlArgs(action, extra)]]
      : [join(bin, 'pg_ctl'), ctlArgs(action, extra)];
    await promisify(execFile)(file, args, { timeout: 120_000 });
  };
  run('pg_ctl', ctlArgs('start'));
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async (downMs) => {
      await ctl('stop', ['-m', 'fast']);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await ctl('start');
    },
    stop: () => {
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
