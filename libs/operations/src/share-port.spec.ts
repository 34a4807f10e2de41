import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Supervisor } from './supervisor';

/** A free port on this machine. */
async function aFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('programs sharing a port (node:cluster under the supervisor)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'qd-share-port-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('answers on one port from both processes, and keeps answering while one is restarted', async () => {
    const port = await aFreePort();
    const script = join(folder, 'server.js');
    // Each process answers with its name; `Connection: close` makes every request a new connection.
    writeFileSync(
      script,
      `require('node:http').createServer((q, r) => r.writeHead(200, { Connection: 'close' }).end(process.env.DESK_PROCESS)).listen(${port}, '127.0.0.1', () => console.log('listening'));`,
    );
    // The supervisor's own lines say which process started (with its pid) and which exited.
    const pids = new Map<string, number>();
    const exits: string[] = [];
    const out = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const [, json] of chunk.toString().matchAll(/^\[supervisor\]\s+(\{.*\})$/gm)) {
          const line = JSON.parse(json) as { process?: string; pid?: number; event?: string };
          if (line.event === 'started' && line.process && line.pid) pids.set(line.process, line.pid);
          if (line.event === 'exited' && line.process) exits.push(line.process);
        }
        done();
      },
    });
    const program = (name: string) => ({ name, command: process.execPath, args: [script], env: { DESK_PROCESS: name }, sharesPort: true });
    const supervisor = new Supervisor([program('api-1'), program('api-2')], {
      out,
      policy: { firstDelayMs: 100, maxDelayMs: 100, stableAfterMs: 60_000 },
    });
    const stopped = supervisor.run([]);
    const ask = async () =>
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) })
        .then((r) => r.text())
        .catch(() => 'no answer');
    const answers = async (n: number) => {
      const seen: string[] = [];
      for (let i = 0; i < n; i++) seen.push(await ask());
      return seen;
    };
    try {
      for (let i = 0; i < 100 && new Set(await answers(4)).size < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(new Set(await answers(6))).toEqual(new Set(['api-1', 'api-2']));

      const killed = pids.get('api-1')!;
      process.kill(killed, 'SIGKILL');
      // A connection on its way to the killed process when it died is lost with it; once the cluster
      // has seen the exit (which the supervisor reports), connections go to the other.
      for (let i = 0; i < 100 && !exits.includes('api-1'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(new Set(await answers(4))).toEqual(new Set(['api-2']));
      for (let i = 0; i < 100 && !(await answers(4)).includes('api-1'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(pids.get('api-1')).not.toBe(killed);
      expect(new Set(await answers(6))).toEqual(new Set(['api-1', 'api-2']));
    } finally {
      supervisor.stop('SIGTERM');
      await stopped;
    }
  }, 30_000);
});
