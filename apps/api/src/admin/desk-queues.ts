import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { OPERATIONS_QUEUE, withTimeout } from '@question-desk/operations';
import { redisConnectionOptions, reportErrors } from '@question-desk/redis';
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
  /** Queues whose BullMQ start-up (connect, version check) has finished. */
  private readonly started = new Set<Queue>();

  constructor(
    readonly queues: Queue[],
    private readonly connection: Redis,
  ) {
    for (const queue of queues)
      queue.waitUntilReady().then(
        () => this.started.add(queue),
        () => undefined,
      );
  }

  /** The connection's state as ioredis names it: `ready`, `connecting`, `reconnecting`, `end`, … */
  get status(): string {
    return this.connection.status;
  }

  /** Resolves when every queue can reach Redis; rejects after `ms`, or at once when the connection is down. */
  async reachable(ms: number): Promise<void> {
    await withTimeout(Promise.all(this.queues.map((queue) => queue.waitUntilReady())), ms);
    if (this.status !== 'ready') throw new Error(`the connection is ${this.status}`);
  }

  async onApplicationShutdown(): Promise<void> {
    // Only a queue that has started may be closed: closing one whose start-up still waits for Redis
    // takes away its error listeners, and ending the connection then fails that start-up unhandled,
    // which stops the process (BullMQ 5.81). Left open, the failure reaches the listener below.
    const closing = this.queues.filter((queue) => this.started.has(queue)).map((queue) => queue.close());
    // Closing waits for Redis when it is there; when it is away, do not wait for it.
    await withTimeout(Promise.all(closing), 1000).catch(() => undefined);
    this.connection.disconnect();
  }
}

export const deskQueuesProvider: Provider = {
  provide: DeskQueues,
  inject: [DeskConfigService],
  useFactory: (config: DeskConfigService) => {
    const { url, prefix } = config.values.redis;
    const connection = new Redis({
      ...redisConnectionOptions(url),
      connectionName: 'question-desk-api-queues',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    });
    reportErrors(connection, new Logger('Queues'), 'The job queues are unreachable');
    const queues = DESK_QUEUE_NAMES.map((name) => {
      const queue = new Queue(name, { connection, prefix: `${prefix}:bull` });
      queue.on('error', () => undefined); // reported once above, per connection
      return queue;
    });
    return new DeskQueues(queues, connection);
  },
};
