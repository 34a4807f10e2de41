import { HEARTBEAT_JOB, OPERATIONS_QUEUE } from '@question-desk/operations';
import { KeptScheduleOf } from '../jobs/kept-schedule';

/** Keeps one heartbeat scheduler in Redis, however many workers start, and after Redis restarts. */
export class HeartbeatSchedule extends KeptScheduleOf(OPERATIONS_QUEUE, 'Heartbeat', (config) => ({
  id: 'heartbeat',
  repeat: { every: config.values.heartbeatSeconds * 1000 },
  template: { name: HEARTBEAT_JOB, data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
})) {}
