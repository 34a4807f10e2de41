import type { DeskConfig } from '@question-desk/config';
import type { JobsOptions } from 'bullmq';
import { DELIVER_REMINDER_JOB, type DeliverReminderJobData } from './deliver-reminder.job';
import { SWEEP_REMINDERS_JOB, type SweepRemindersJobData } from './sweep-reminders.job';

/** Delivers what waits for one person, folded into one email per kind of fold (PersonMail). Carries the person's id only. */
export const DELIVER_MAIL_JOB = 'DeliverMailJob';
export interface DeliverMailJobData {
  recipientId: string;
}

/** The queue of the reminders library. */
export const REMINDERS_QUEUE = 'reminders';

/** Every job name the reminders queue carries; the worker checks each has exactly one handler. */
export const REMINDER_JOBS = [SWEEP_REMINDERS_JOB, DELIVER_REMINDER_JOB, DELIVER_MAIL_JOB] as const;

/** The id of the one sweep scheduler of an installation, however many workers start. */
export const SWEEP_SCHEDULER_ID = 'reminder-sweep';

type ReminderSettings = DeskConfig['reminders'];

const KEEP_COMPLETED = { age: 24 * 3600, count: 1000 };
// Failed jobs stay for admins to see (and retry) in the queue dashboard for 30 days.
const KEEP_FAILED = { age: 30 * 24 * 3600 };

/** A reminder's place in the ledger, as far as its delivery job is concerned. */
export interface DeliveryRef {
  id: string;
  round: number;
}

/**
 * The one place that decides job ids and options. A delivery job's id is the reminder's id and its
 * round, so the queue holds at most one job per reminder and round, and a sweep run twice adds
 * nothing; the sweep raises the round only to replace a job that was lost or whose worker died.
 * BullMQ delivers at least once, so the ledger, not this id, decides what is sent.
 */
export function deliveryJob(ref: DeliveryRef, settings: ReminderSettings): { name: string; data: DeliverReminderJobData; opts: JobsOptions } {
  return {
    name: DELIVER_REMINDER_JOB,
    data: { reminderId: ref.id },
    opts: {
      jobId: `deliver-${ref.id}-${ref.round}`,
      attempts: settings.attempts,
      backoff: { type: 'exponential', delay: settings.retryDelayMs },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
  };
}

/**
 * One folded delivery per person at a time: its id is the person's, so a sweep run twice, or while
 * the job waits or runs, adds nothing. It is removed when done (also after its last failure: the
 * ledger lists the failed entries), so the next sweep can offer the person again.
 */
export function mailJob(recipientId: string, settings: ReminderSettings): { name: string; data: DeliverMailJobData; opts: JobsOptions } {
  return {
    name: DELIVER_MAIL_JOB,
    data: { recipientId },
    opts: {
      jobId: `mail-${recipientId}`,
      attempts: settings.attempts,
      backoff: { type: 'exponential', delay: settings.retryDelayMs },
      removeOnComplete: true,
      removeOnFail: true,
    },
  };
}

export function sweepSchedule(settings: ReminderSettings): {
  id: string;
  repeat: { every: number };
  template: { name: string; data: SweepRemindersJobData; opts: Omit<JobsOptions, 'jobId' | 'repeat' | 'delay'> };
} {
  return {
    id: SWEEP_SCHEDULER_ID,
    repeat: { every: settings.sweepEveryMs },
    template: { name: SWEEP_REMINDERS_JOB, data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
  };
}

/**
 * How long a reminder may stay pending untouched before the sweep gives it a new job: longer than
 * every retry of its current job together, so a job still waiting out its backoff is not doubled.
 */
export function stuckAfterMs(settings: ReminderSettings): number {
  const retries = settings.retryDelayMs * (2 ** Math.min(settings.attempts, 20) - 1);
  return Math.min(settings.leaseMs + retries, 7 * 24 * 3_600_000);
}
