import { InjectQueue, Processor } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { reportErrors } from '@question-desk/redis';
import {
  DELIVER_MAIL_JOB,
  DELIVER_REMINDER_JOB,
  deliveryJob,
  mailJob,
  PersonMail,
  MailFailure,
  PermanentMailFailure,
  ReminderDelivery,
  REMINDERS_QUEUE,
  ReminderSweep,
  SWEEP_REMINDERS_JOB,
  type DeliverMailJobData,
  type DeliverReminderJobData,
  type PersonMailOutcome,
  type DeliveryOutcome,
} from '@question-desk/reminders';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { JobRouter } from '../jobs/job-router';

/**
 * The reminders queue: the sweep (scheduled once per installation) and one delivery job per
 * reminder. It starts taking jobs only after the start-up check of handlers, and on shutdown it
 * lets the jobs in flight finish before the database and Redis connections close.
 */
@Processor(REMINDERS_QUEUE, { autorun: false })
export class RemindersProcessor extends JobRouter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RemindersProcessor.name);

  protected readonly handlers = {
    [SWEEP_REMINDERS_JOB]: () => this.sweep(),
    [DELIVER_REMINDER_JOB]: (job: Job) => this.deliver(job as Job<DeliverReminderJobData>),
    [DELIVER_MAIL_JOB]: (job: Job) => this.deliverMail(job as Job<DeliverMailJobData>),
  };

  constructor(
    private readonly sweeper: ReminderSweep,
    private readonly delivery: ReminderDelivery,
    private readonly personMail: PersonMail,
    private readonly config: DeskConfigService,
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.values.reminders.concurrency;
    reportErrors(this.worker, this.logger, 'Reminders worker');
    this.worker.on('failed', (job, error) => {
      // Mail failures are logged by the delivery, with what to check.
      if (!(error instanceof MailFailure) && !(error instanceof UnrecoverableError)) this.logger.error(`Job ${job?.name} ${job?.id} failed: ${error.message}`);
    });
    void this.worker.run().catch((error: Error) => this.logger.error(`The reminders worker stopped: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  private async sweep(): Promise<{ today: string; created: number; toDeliver: number; people: number } | { skipped: string }> {
    // While one sweep runs here and another already waits behind it (a large backlog), a third adds nothing.
    if (this.sweeper.saturated) return { skipped: 'a sweep is running and another waits behind it' };
    const settings = this.config.values.reminders;
    // The sweep hands its deliveries over a batch at a time, so neither it nor this job holds a backlog.
    const result = await this.sweeper.sweep(async ({ reminders, people }) => {
      await this.queue.addBulk([...reminders.map((ref) => deliveryJob(ref, settings)), ...people.map((id) => mailJob(id, settings))]);
    });
    const created = Object.values(result.created).reduce((sum, n) => sum + n, 0);
    return { today: result.today, created, toDeliver: result.offered.reminders, people: result.offered.people };
  }

  private async deliverMail(job: Job<DeliverMailJobData>): Promise<PersonMailOutcome> {
    const attempt = { attempt: job.attemptsMade + 1, of: job.opts.attempts ?? 1 };
    try {
      return await this.personMail.deliver(job.data.recipientId, attempt);
    } catch (error) {
      if (error instanceof PermanentMailFailure) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  private async deliver(job: Job<DeliverReminderJobData>): Promise<DeliveryOutcome> {
    const attempt = { attempt: job.attemptsMade + 1, of: job.opts.attempts ?? 1 };
    try {
      return await this.delivery.deliver(job.data.reminderId, attempt);
    } catch (error) {
      if (error instanceof PermanentMailFailure) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
