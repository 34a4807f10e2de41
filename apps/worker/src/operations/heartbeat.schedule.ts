import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { HEARTBEAT_JOB, OPERATIONS_QUEUE } from '@question-desk/operations';
import { reportErrors } from '@question-desk/redis';
import type { Queue } from 'bullmq';
import { KeptSchedule } from '../jobs/kept-schedule';

/** Keeps one heartbeat scheduler in Redis, however many workers start, and after Redis restarts. */
@Injectable()
export class HeartbeatSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatSchedule.name);
  private readonly kept: KeptSchedule;

  constructor(@InjectQueue(OPERATIONS_QUEUE) queue: Queue, config: DeskConfigService) {
    reportErrors(queue, this.logger, 'Operations queue');
    const schedule = {
      id: 'heartbeat',
      repeat: { every: config.values.heartbeatSeconds * 1000 },
      template: { name: HEARTBEAT_JOB, data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    };
    this.kept = new KeptSchedule(queue, schedule, this.logger, 'Heartbeat');
  }

  onApplicationBootstrap(): Promise<void> {
    return this.kept.start();
  }

  onApplicationShutdown(): void {
    this.kept.stop();
  }
}
