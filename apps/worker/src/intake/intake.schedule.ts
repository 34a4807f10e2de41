import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { INTAKE_QUEUE, INTAKE_SCHEDULER_ID, intakeSchedule } from '@question-desk/intake';
import { reportErrors } from '@question-desk/redis';
import type { Queue } from 'bullmq';
import { KeptSchedule } from '../jobs/kept-schedule';

/**
 * Keeps the intake's job scheduler (TK_INTAKE_EVERY) while TK_INTAKE is on; when it is off, takes a
 * scheduler an earlier start left in Redis away, so a development worker never reaches the internet.
 */
@Injectable()
export class IntakeSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Intake schedule');
  private readonly kept: KeptSchedule | null;

  constructor(
    @InjectQueue(INTAKE_QUEUE) private readonly queue: Queue,
    config: DeskConfigService,
  ) {
    reportErrors(queue, this.logger, 'Intake queue');
    const settings = config.values.intake;
    this.kept = settings.enabled ? new KeptSchedule(queue, intakeSchedule(settings), this.logger, 'Tweede Kamer intake') : null;
  }

  onApplicationBootstrap(): Promise<void> | void {
    if (this.kept) return this.kept.start();
    this.logger.log('The Tweede Kamer intake is off (TK_INTAKE=on to switch it on)');
    // Not awaited: with Redis away the command waits until it answers, and the worker must start all the same.
    void this.queue
      .removeJobScheduler(INTAKE_SCHEDULER_ID)
      .catch((error: Error) => this.logger.warn(`Could not remove the intake scheduler: ${error.message}`));
  }

  onApplicationShutdown(): void {
    this.kept?.stop();
  }
}
