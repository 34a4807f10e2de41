import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DeskConfigService } from '@question-desk/config';
import { Clock } from '@question-desk/deadlines';
import { HEARTBEAT_JOB, OPERATIONS_QUEUE, WORKER_HEARTBEAT_KEY } from '@question-desk/operations';
import { REDIS, reportErrors } from '@question-desk/redis';
import type { Job } from 'bullmq';
import type Redis from 'ioredis';

/** Writes the worker's heartbeat into Redis, where the API's health check reads it. */
@Processor(OPERATIONS_QUEUE)
export class OperationsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(OperationsProcessor.name);
  /** For the worker's start-up check of job handlers (apps/worker/src/jobs). */
  readonly jobNames = [HEARTBEAT_JOB];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: DeskConfigService,
    private readonly clock: Clock,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    reportErrors(this.worker, this.logger, 'Operations worker');
  }

  async process(job: Job): Promise<'done'> {
    if (job.name !== HEARTBEAT_JOB) throw new Error(`The operations queue has no handler for job "${job.name}"`);
    const { prefix } = this.config.values.redis;
    const ttl = this.config.values.heartbeatSeconds * 3;
    await this.redis.set(`${prefix}:${WORKER_HEARTBEAT_KEY}`, this.clock.now().toISOString(), 'EX', ttl);
    this.logger.debug('Heartbeat');
    return 'done';
  }
}
