import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import Redis from 'ioredis';
import { reportErrors } from './report-errors';

export const REDIS = Symbol('REDIS');

/** The desk's own Redis connection (BullMQ keeps its own). It reconnects by itself after an outage. */
export function createRedis(url: string, connectionName: string): Redis {
  return new Redis(url, {
    connectionName,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
}

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [DeskConfigService],
      useFactory: (config: DeskConfigService) => {
        const redis = createRedis(config.values.redis.url, 'question-desk');
        reportErrors(redis, new Logger('Redis'), 'Redis is unreachable');
        return redis;
      },
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
