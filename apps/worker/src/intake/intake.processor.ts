import { Processor } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { INTAKE_QUEUE, IntakeService, RUN_INTAKE_JOB, type IntakeRunView } from '@question-desk/intake';
import { reportErrors } from '@question-desk/redis';
import { JobRouter } from '../jobs/job-router';

/**
 * The intake queue: one job, a run of the Tweede Kamer open-data intake. Several workers may hold
 * the job scheduler's jobs; the run itself takes a PostgreSQL lock, so exactly one runs at a time.
 */
@Processor(INTAKE_QUEUE, { autorun: false })
export class IntakeProcessor extends JobRouter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IntakeProcessor.name);

  protected readonly handlers = {
    [RUN_INTAKE_JOB]: () => this.runIntake(),
  };

  constructor(private readonly intake: IntakeService) {
    super();
  }

  onApplicationBootstrap(): void {
    reportErrors(this.worker, this.logger, 'Intake worker');
    void this.worker.run().catch((error: Error) => this.logger.error(`The intake worker stopped: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  private async runIntake(): Promise<IntakeRunView | { skipped: string }> {
    const run = await this.intake.run('schedule');
    if (!run) {
      this.logger.log('Another intake run is in progress; this one is left out');
      return { skipped: 'another run is in progress' };
    }
    return run;
  }
}
