import { describeExit, restartDelay } from './supervisor';

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
