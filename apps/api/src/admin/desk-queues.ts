import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { OPERATIONS_QUEUE } from '@question-desk/operations';
import { redisConnectionOptions } from '@question-desk/redis';
import { REMINDERS_QUEUE } from '@question-desk/reminders';
import { Queue } from 'bullmq';
import Redis from 'ioredis';

/** The worker's queues, as the API looks at them (dashboard, queue depth in /api/health). */
export const DESK_QUEUE_NAMES = [REMINDERS_QUEUE, OPERATIONS_QUEUE] as const;

/**
 * The API's handles on the worker's queues, over one Redis connection of their own that fails
 * fast while Redis is away (the API keeps serving; health says so) and reconnects by itself.
 */
export class DeskQueues implements OnApplicationShutdown {
  constructor(
    readonly queues: Queue[],
    private readonly connection: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // Closing waits for Redis when it is there; when it is away, do not wait for it.
    await Promise.race([Promise.all(this.queues.map((queue) => queue.close())), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    this.connection.disconnect();
  }
}

export const deskQueuesProvider: Provider = {
  provide: DeskQueues,
  inject: [DeskConfigService],
  useFactory: (config: DeskConfigService) => {
    const { url, prefix } = config.values.redis;
    const logger = new Logger('Queues');
    let lastWarning = 0;
    const connection = new Redis({
      ...redisConnectionOptions(url),
      connectionName: 'question-desk-api-queues',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    });
    connection.on('error', (error) => {
      if (Date.now() - lastWarning < 60_000) return;
      lastWarning = Date.now();
      logger.warn(`The job queues are unreachable (${error.message}); retrying`);
    });
    const queues = DESK_QUEUE_NAMES.map((name) => {
      const queue = new Queue(name, { connection, prefix: `${prefix}:bull` });
      queue.on('error', () => undefined); // reported once above, per connection
      return queue;
    });
    return new DeskQueues(queues, connection);
  },
};
