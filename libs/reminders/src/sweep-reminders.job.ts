/** Finds the reminders now due, records them in the ledger and hands each to a delivery job. */
export const SWEEP_REMINDERS_JOB = 'SweepRemindersJob';
export type SweepRemindersJobData = Record<string, never>;
