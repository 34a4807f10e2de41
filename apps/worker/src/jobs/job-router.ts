import { WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';

/** A processor's handlers, by job name. */
export type JobHandlers = Record<string, (job: Job) => Promise<unknown>>;

/** What every processor of the worker says about itself, so the start-up check can compare. */
export interface HandlesJobs {
  readonly jobNames: readonly string[];
}

/** A processor that routes each job by its name to one handler. */
export abstract class JobRouter extends WorkerHost implements HandlesJobs {
  protected abstract readonly handlers: JobHandlers;

  get jobNames(): string[] {
    return Object.keys(this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name];
    if (!handler) throw new UnrecoverableError(`Queue "${job.queueName}" has no handler for job "${job.name}"`);
    return handler(job);
  }
}
