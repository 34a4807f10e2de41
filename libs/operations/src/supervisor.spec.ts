import { Writable } from 'node:stream';
import { describeExit, listeningBanner, readableLogLines, restartDelay, Supervisor } from './supervisor';

describe('restartDelay', () => {
  it('waits 1 s after the first crash and doubles after each crash in a row, up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((crashes) => restartDelay(crashes))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('follows a policy given to it', () => {
    expect(restartDelay(3, { firstDelayMs: 100, maxDelayMs: 250, stableAfterMs: 1000 })).toBe(250);
    expect(restartDelay(2, { firstDelayMs: 100, maxDelayMs: 250, stableAfterMs: 1000 })).toBe(200);
  });
});

describe('describeExit', () => {
  it('says in words that a process could not reach the database or Redis at start (exit code 69)', () => {
    expect(describeExit('worker', 69, null)).toMatch(/could not reach a service it needs at start .*PostgreSQL and Redis/);
  });

  it('names the signal or the exit code otherwise', () => {
    expect(describeExit('api', null, 'SIGKILL')).toBe('api was stopped by SIGKILL');
    expect(describeExit('api', 1, null)).toBe('api exited with code 1');
  });
});

describe('readable logs (LOG_FORMAT=pretty, the default of npm start in development)', () => {
  const json = (fields: Record<string, unknown>) =>
    JSON.stringify({ level: 30, time: Date.UTC(2026, 11, 1, 9, 30), pid: 1, hostname: 'h', service: 'question-desk-api', ...fields });

  it('writes time, level and message, then the other fields on the same line; lines that are not JSON pass unchanged', () => {
    const readable = readableLogLines(false);
    const [line] = readable(json({ level: 40, msg: 'Reminder sweep for 2026-12-01', created: { 'postponement-due': 2 } }));
    expect(line).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] WARN: Reminder sweep for 2026-12-01 \{"created":\{"postponement-due":2\}\}$/);
    expect(line).not.toMatch(/hostname|pid|service/);
    expect(readable('npm warn something')).toEqual(['npm warn something']);
    expect(readable('{not json')).toEqual(['{not json']);
  });

  it('sets the line saying where the app and the docs are apart, so it stands out', () => {
    const lines = readableLogLines(false)(
      json({ msg: 'listening', event: 'listening', app: 'http://localhost:3000/', docs: 'http://localhost:3000/api/docs' }),
    );
    expect(lines).toEqual([
      expect.stringMatching(/^─{30,}$/),
      '  Question Desk is running',
      '  App:      http://localhost:3000/',
      '  API docs: http://localhost:3000/api/docs',
      expect.stringMatching(/^─{30,}$/),
    ]);
    expect(listeningBanner({ event: 'listening', app: 'a', docs: 'd' }, true)[1]).toBe('  \x1b[1;32mQuestion Desk is running\x1b[0m');
  });

  it('with two API processes on one port, sets the banner apart when the second listens: the first and a restarted one say so in a line', () => {
    const readable = readableLogLines(false, 2);
    const listening = json({ msg: 'Listening on port 3000', event: 'listening', app: 'http://localhost:3000/', docs: 'http://localhost:3000/api/docs' });
    const asLine = [expect.stringMatching(/INFO: Listening on port 3000/)];
    expect(readable(listening)).toEqual(asLine);
    expect(readable(listening)).toHaveLength(5);
    expect(readable(listening)).toEqual(asLine);
  });

  it("formats the children's lines and its own under each process's name; JSON lines stay JSON otherwise", async () => {
    const script = `console.log(${JSON.stringify(json({ msg: 'started', event: 'listening', app: 'http://x/', docs: 'http://x/api/docs' }))}); console.log(${JSON.stringify(json({ msg: 'hello' }))})`;
    const run = async (format: 'pretty' | 'json') => {
      let output = '';
      const out = new Writable({ write: (chunk: Buffer, _encoding, done) => ((output += chunk.toString()), done()) });
      const supervisor = new Supervisor([{ name: 'api', command: process.execPath, args: ['-e', script] }], {
        out,
        format,
        policy: { firstDelayMs: 60_000, maxDelayMs: 60_000, stableAfterMs: 60_000 },
      });
      const stopped = supervisor.run([]);
      for (let i = 0; i < 100 && !output.includes('exited'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      supervisor.stop('SIGTERM');
      await stopped;
      return output.split('\n').filter(Boolean);
    };
    const pretty = await run('pretty');
    expect(pretty).toContain('[api]          API docs: http://x/api/docs');
    expect(pretty.some((line) => /^\[api\] {7} \[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: hello$/.test(line))).toBe(true);
    expect(pretty.some((line) => /^\[supervisor\] \[.*\] INFO: Started api/.test(line))).toBe(true);
    const plain = await run('json');
    expect(plain.filter((line) => line.startsWith('[api]')).map((line) => (JSON.parse(line.slice(13)) as { msg: string }).msg)).toEqual(['started', 'hello']);
  }, 20_000);
});
