/** Delivers one reminder from the ledger: in the app, then by email. Carries the id only. */
export const DELIVER_REMINDER_JOB = 'DeliverReminderJob';
export interface DeliverReminderJobData {
  reminderId: string;
}
