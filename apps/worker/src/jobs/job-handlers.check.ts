import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { QUEUE_JOBS } from './queue-jobs';
import { jobHandlerProblems, type ProcessorRoutes } from './job-handlers';

// @nestjs/bullmq's @Processor() metadata key.
const PROCESSOR_METADATA = 'bullmq:processor_metadata';

/** At start, before the reminders worker takes jobs: every job name of every queue has exactly one handler, or the worker stops. */
@Injectable()
export class JobHandlersCheck implements OnModuleInit {
  private readonly logger = new Logger('Jobs');

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const processors: ProcessorRoutes[] = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.instance && Reflect.hasMetadata(PROCESSOR_METADATA, (wrapper.instance as object).constructor))
      .map((wrapper) => {
        const instance = wrapper.instance as { constructor: { name: string }; jobNames?: readonly string[] };
        const { name } = Reflect.getMetadata(PROCESSOR_METADATA, instance.constructor) as { name: string };
        return { processor: instance.constructor.name, queue: name, jobNames: instance.jobNames };
      });
    const problems = jobHandlerProblems(QUEUE_JOBS, processors);
    if (problems.length) throw new Error(`The worker cannot start, its jobs and handlers do not match:\n- ${problems.join('\n- ')}`);
    this.logger.log(`Every job has one handler: ${processors.map((p) => `${p.queue} (${p.jobNames?.join(', ')})`).join('; ')}`);
  }
}
