import type { Clock } from '@question-desk/deadlines';
import type { DataSource } from 'typeorm';
import { DIRECTORY_CACHE_MS, MinistriesService } from './ministries.service';

describe('the ministry directory, read less often', () => {
  const setup = () => {
    const find = jest.fn(() => Promise.resolve([]));
    const manager = { find, findOne: jest.fn(() => Promise.resolve(null)), insert: jest.fn(), findOneByOrFail: jest.fn(() => Promise.resolve({})) };
    const dataSource = { manager, transaction: (work: (m: typeof manager) => unknown) => work(manager) } as unknown as DataSource;
    const clock = { today: () => '2025-01-06' } as unknown as Clock;
    return { reads: () => find.mock.calls.length / 2, service: new MinistriesService(dataSource, clock) };
  };

  it('serves the answer document one read for a minute, and reads anew after an edit in this process', async () => {
    const { reads, service } = setup();
    await service.recentDirectory();
    await service.recentDirectory();
    expect(reads()).toBe(1);
    await service.create({ code: 'DiZ', name: 'Digitale Zaken' });
    await service.recentDirectory();
    expect(reads()).toBe(2);
  });

  it('reads anew once the minute has passed', async () => {
    const { reads, service } = setup();
    const now = jest.spyOn(performance, 'now').mockReturnValue(1_000);
    await service.recentDirectory();
    now.mockReturnValue(1_000 + DIRECTORY_CACHE_MS + 1);
    await service.recentDirectory();
    expect(reads()).toBe(2);
    now.mockRestore();
  });

  it('gives a run one read, however many cases ask', async () => {
    const { reads, service } = setup();
    const forRun = service.directoryOnce();
    await Promise.all([forRun(), forRun(), forRun()]);
    expect(reads()).toBe(1);
    await service.directoryOnce()();
    expect(reads()).toBe(2);
  });
});
