import { INTAKE_JOBS, INTAKE_QUEUE } from '@question-desk/intake';
import { HEARTBEAT_JOB, OPERATIONS_QUEUE } from '@question-desk/operations';
import { REMINDER_JOBS, REMINDERS_QUEUE } from '@question-desk/reminders';

/** Every queue the worker serves and every job name it carries, as the owning libraries declare them. */
export const QUEUE_JOBS: Readonly<Record<string, readonly string[]>> = {
  [OPERATIONS_QUEUE]: [HEARTBEAT_JOB],
  [REMINDERS_QUEUE]: REMINDER_JOBS,
  [INTAKE_QUEUE]: INTAKE_JOBS,
};
