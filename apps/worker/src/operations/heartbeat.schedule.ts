import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { HEARTBEAT_JOB, OPERATIONS_QUEUE, reportErrors } from '@question-desk/operations';
import type { Queue } from 'bullmq';

/** Keeps one heartbeat scheduler in Redis, however many workers start. */
@Injectable()
export class HeartbeatSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(HeartbeatSchedule.name);

  constructor(
    @InjectQueue(OPERATIONS_QUEUE) private readonly queue: Queue,
    private readonly config: DeskConfigService,
  ) {
    reportErrors(this.queue, this.logger, 'Operations queue');
  }

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.values.heartbeatSeconds * 1000;
    await this.queue.upsertJobScheduler('heartbeat', { every }, { name: HEARTBEAT_JOB, data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } });
    this.logger.log(`Heartbeat every ${every / 1000} s`);
  }
}
