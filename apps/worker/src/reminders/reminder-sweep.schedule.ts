import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { REMINDERS_QUEUE, sweepSchedule } from '@question-desk/reminders';
import type { Queue } from 'bullmq';
import { reportErrors } from '@question-desk/operations';

/**
 * Keeps one sweep scheduler in Redis, however many workers start; the first sweep runs at once.
 * The scheduler lives in Redis: when Redis comes back empty (restarted without persistence), the
 * worker puts it back, and the sweep offers the pending reminders to the queue again.
 */
@Injectable()
export class ReminderSweepSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderSweepSchedule.name);
  private timer: NodeJS.Timeout | undefined;
  private ensuring = false;

  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly config: DeskConfigService,
  ) {
    reportErrors(this.queue, this.logger, 'Reminders queue');
  }

  async onApplicationBootstrap(): Promise<void> {
    const { id, repeat, template } = sweepSchedule(this.config.values.reminders);
    await this.queue.upsertJobScheduler(id, repeat, template);
    this.logger.log(`Reminder sweep every ${repeat.every! / 1000} s`);
    this.timer = setInterval(() => void this.ensure(), Math.min(repeat.every!, 60_000));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async ensure(): Promise<void> {
    // While Redis is away the check waits for it; do not pile up checks meanwhile.
    if (this.ensuring) return;
    this.ensuring = true;
    try {
      if (await this.queue.getJobScheduler(sweepSchedule(this.config.values.reminders).id)) return;
      const { id, repeat, template } = sweepSchedule(this.config.values.reminders);
      await this.queue.upsertJobScheduler(id, repeat, template);
      this.logger.warn('The reminder sweep scheduler was gone from Redis (restarted without its data?); it is back');
    } catch (error) {
      this.logger.warn(`Could not check the reminder sweep scheduler: ${(error as Error).message}`);
    } finally {
      this.ensuring = false;
    }
  }
}
