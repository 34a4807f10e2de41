import type { DeskConfig } from '@question-desk/config';
import type { JobsOptions } from 'bullmq';

/** The queue of the intake library. */
export const INTAKE_QUEUE = 'intake';
export const RUN_INTAKE_JOB = 'RunIntakeJob';
/** Every job name the intake queue carries; the worker checks each has exactly one handler. */
export const INTAKE_JOBS = [RUN_INTAKE_JOB] as const;
/** The id of the one intake scheduler of an installation, however many workers start. */
export const INTAKE_SCHEDULER_ID = 'tk-intake';

export function intakeSchedule(settings: DeskConfig['intake']): {
  id: string;
  repeat: { every: number };
  template: { name: string; data: object; opts: Omit<JobsOptions, 'jobId' | 'repeat' | 'delay'> };
} {
  return {
    id: INTAKE_SCHEDULER_ID,
    repeat: { every: settings.everyMs },
    template: { name: RUN_INTAKE_JOB, data: {}, opts: { removeOnComplete: 20, removeOnFail: 50 } },
  };
}
