import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { REMINDERS_QUEUE, sweepSchedule } from '@question-desk/reminders';
import { reportErrors } from '@question-desk/redis';
import type { Queue } from 'bullmq';
import { KeptSchedule } from '../jobs/kept-schedule';

/**
 * Keeps one sweep scheduler in Redis, however many workers start; the first sweep runs at once.
 * When Redis comes back empty (restarted without persistence), the worker puts the scheduler back,
 * and the sweep offers the pending reminders to the queue again.
 */
@Injectable()
export class ReminderSweepSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderSweepSchedule.name);
  private readonly kept: KeptSchedule;

  constructor(@InjectQueue(REMINDERS_QUEUE) queue: Queue, config: DeskConfigService) {
    reportErrors(queue, this.logger, 'Reminders queue');
    this.kept = new KeptSchedule(queue, sweepSchedule(config.values.reminders), this.logger, 'Reminder sweep');
  }

  onApplicationBootstrap(): Promise<void> {
    return this.kept.start();
  }

  onApplicationShutdown(): void {
    this.kept.stop();
  }
}
