import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { reportErrors } from './report-errors';

describe('reportErrors', () => {
  afterEach(() => jest.useRealTimers());

  it('warns once a minute however often the connection fails, and never throws', () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T09:00:00Z') });
    const emitter = new EventEmitter();
    const logger = new Logger('test');
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    reportErrors(emitter, logger, 'Reminders queue');

    for (let i = 0; i < 20; i++) emitter.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('Reminders queue: connect ECONNREFUSED 127.0.0.1:6379; it reconnects by itself');

    jest.advanceTimersByTime(59_000);
    emitter.emit('error', new Error('still down'));
    expect(warn).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1_000);
    emitter.emit('error', new Error('still down'));
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
