import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DeskConfigService } from '@question-desk/config';
import { Clock } from '@question-desk/deadlines';
import { withTimeout, WORKER_HEARTBEAT_KEY } from '@question-desk/operations';
import { REDIS } from '@question-desk/redis';
import type Redis from 'ioredis';
import { DeskQueues } from './desk-queues';

const ANSWER_WITHIN_MS = 1000;

/** Jobs waiting, running, failed and delayed per queue; down when Redis does not answer. */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly desk: DeskQueues,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'queues') {
    const health = this.indicator.check(key);
    try {
      const counts = await withTimeout(
        Promise.all(this.desk.queues.map((queue) => queue.getJobCounts('waiting', 'active', 'failed', 'delayed'))),
        ANSWER_WITHIN_MS,
      );
      return health.up(Object.fromEntries(this.desk.queues.map((queue, i) => [queue.name, counts[i]])));
    } catch (error) {
      return health.down({ message: `Queue depth unknown: Redis did not answer (${(error as Error).message}).` });
    }
  }
}

/**
 * The worker's last heartbeat. Always "up": the API serves without a worker, so a missing or
 * stale worker must not make /api/health answer 503 (a load balancer would take the API out).
 * `heartbeat` says `alive`, `stale` (older than two heartbeats), `missing` or `unknown`;
 * monitoring should alert on anything but `alive`.
 */
@Injectable()
export class WorkerHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly indicator: HealthIndicatorService,
    private readonly config: DeskConfigService,
    private readonly clock: Clock,
  ) {}

  async check(key = 'worker') {
    const health = this.indicator.check(key);
    const { redis, heartbeatSeconds } = this.config.values;
    const unknown = () => health.up({ heartbeat: 'unknown', message: 'Redis is unreachable, so the worker cannot be seen.' });
    if (this.redis.status !== 'ready') return unknown();
    let lastSeen: string | null;
    try {
      lastSeen = await withTimeout(this.redis.get(`${redis.prefix}:${WORKER_HEARTBEAT_KEY}`), ANSWER_WITHIN_MS);
    } catch {
      return unknown();
    }
    if (!lastSeen) {
      return health.up({
        heartbeat: 'missing',
        message: `No worker has reported for ${heartbeatSeconds * 3} s or more: reminders are not being sent. Start the worker.`,
      });
    }
    const secondsAgo = Math.round((this.clock.now().getTime() - Date.parse(lastSeen)) / 1000);
    const alive = secondsAgo <= heartbeatSeconds * 2;
    return health.up({
      heartbeat: alive ? 'alive' : 'stale',
      lastSeen,
      secondsAgo,
      ...(alive ? {} : { message: `The worker last reported ${secondsAgo} s ago (it reports every ${heartbeatSeconds} s).` }),
    });
  }
}
