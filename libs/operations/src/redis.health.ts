import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DeskConfigService } from '@question-desk/config';
import { REDIS } from '@question-desk/redis';
import type Redis from 'ioredis';
import { WORKER_HEARTBEAT_KEY } from './queues';
import { withTimeout } from './with-timeout';

const ANSWER_WITHIN_MS = 1000;

/** Redis answers a PING; the worker's last heartbeat is reported alongside (informational). */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly indicator: HealthIndicatorService,
    private readonly config: DeskConfigService,
  ) {}

  async check(key = 'redis') {
    const health = this.indicator.check(key);
    const started = Date.now();
    try {
      await this.connected(ANSWER_WITHIN_MS);
      await withTimeout(this.redis.ping(), ANSWER_WITHIN_MS);
      const heartbeat = await this.redis.get(`${this.config.values.redis.prefix}:${WORKER_HEARTBEAT_KEY}`);
      return health.up({ responseMs: Date.now() - started, workerHeartbeat: heartbeat });
    } catch (error) {
      return health.down({ message: `Redis is unreachable: ${(error as Error).message}. Check REDIS_URL and that Redis runs.` });
    }
  }

  /** Waits for a connection that is still being made (just after start, or while reconnecting). */
  private connected(ms: number): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.redis.off('ready', onReady);
        reject(new Error(`no connection within ${ms} ms`));
      }, ms);
      this.redis.once('ready', onReady);
    });
  }
}
