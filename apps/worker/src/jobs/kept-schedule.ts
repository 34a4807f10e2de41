import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger as NestLogger, type Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { reportErrors } from '@question-desk/redis';
import type { JobsOptions, Queue } from 'bullmq';

/** A BullMQ job scheduler, as `Queue.upsertJobScheduler` takes it. */
export interface Schedule {
  id: string;
  repeat: { every: number };
  template: { name: string; data: object; opts?: Omit<JobsOptions, 'jobId' | 'repeat' | 'delay'> };
}

/** How long start-up waits for Redis to take the schedule before it carries on without it. */
const START_WITHIN_MS = 2_000;

/**
 * Keeps one job scheduler in Redis, however many workers start. It is written at start (so a
 * changed interval applies) and checked every interval, at most every minute: Redis restarted
 * without its data loses it, and the worker puts it back. A worker started while Redis is away
 * does not wait for it: it starts, says so, and writes the schedule once Redis answers.
 */
export class KeptSchedule {
  private timer: NodeJS.Timeout | undefined;
  private written = false;
  private stopped = false;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly queue: Queue,
    private readonly schedule: Schedule,
    private readonly logger: Logger,
    private readonly describe: string,
  ) {}

  async start(): Promise<void> {
    const first = this.check();
    this.timer = setInterval(() => void this.check(), Math.min(this.schedule.repeat.every, 60_000));
    this.timer.unref();
    let waited: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (waited = setTimeout(() => resolve('late'), START_WITHIN_MS)));
    if ((await Promise.race([first, late])) === 'late') {
      this.logger.warn(`${this.describe}: Redis does not answer yet; it will be scheduled once it does. Check that Redis runs and REDIS_URL points at it.`);
    }
    clearTimeout(waited);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** One check at a time: while Redis is away a check waits for it, and checks must not pile up. */
  private check(): Promise<void> {
    this.checking ??= this.writeIfMissing().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async writeIfMissing(): Promise<void> {
    const { id, repeat, template } = this.schedule;
    try {
      if (this.written && (await this.queue.getJobScheduler(id))) return;
      await this.queue.upsertJobScheduler(id, repeat, template);
      if (this.written) this.logger.warn(`${this.describe}: the scheduler was gone from Redis (restarted without its data?); it is back`);
      else this.logger.log(`${this.describe} every ${repeat.every / 1000} s`);
      this.written = true;
    } catch (error) {
      if (this.stopped) return; // the queue closed under a check that waited for Redis
      this.logger.warn(`${this.describe}: could not check the scheduler (${(error as Error).message}); trying again`);
    }
  }
}

/**
 * The provider that keeps one schedule of a queue for the worker's life: reports the queue's
 * errors, writes the schedule at start, stops checking it at shutdown. Each schedule is a subclass
 * naming its queue and what to keep (HeartbeatSchedule, ReminderSweepSchedule).
 */
export function KeptScheduleOf(queueName: string, describe: string, scheduleOf: (config: DeskConfigService) => Schedule) {
  @Injectable()
  class QueueSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
    readonly logger = new NestLogger(describe);
    private readonly kept: KeptSchedule;

    constructor(@InjectQueue(queueName) queue: Queue, config: DeskConfigService) {
      reportErrors(queue, this.logger, `${describe} queue`);
      this.kept = new KeptSchedule(queue, scheduleOf(config), this.logger, describe);
    }

    onApplicationBootstrap(): Promise<void> {
      return this.kept.start();
    }

    onApplicationShutdown(): void {
      this.kept.stop();
    }
  }
  return QueueSchedule;
}
