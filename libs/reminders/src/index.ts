export { NotificationsModule, RemindersModule } from './reminders.module';
export { NotificationsService } from './notifications.service';
export type { NotificationView } from './notifications.service';
export { ReminderLedger } from './reminder-ledger.service';
export type { FailedReminderView } from './reminder-ledger.service';
export { ReminderSweep } from './reminder-sweep.service';
export type { SweepResult } from './reminder-sweep.service';
export { ReminderDelivery } from './reminder-delivery.service';
export type { DeliveryAttempt, DeliveryOutcome } from './reminder-delivery.service';
export { MailFailure, Mailer, PermanentMailFailure } from './mailer';
export type { MailChannel, OutgoingMail } from './mailer';
export {
  DEFAULT_REMINDER_POLICY,
  REMINDER_KINDS,
  dueWindow,
  reasonToCancel,
  reminderPolicy,
  remindersDue,
} from './reminder-policy';
export type { DueReminder, PersonFacts, ReminderKind, ReminderPolicy, ReminderRule, SetFacts } from './reminder-policy';
export { reminderMessage } from './reminder-message';
export { REMINDER_POLICY } from './reminders.tokens';
export { deliveryJob, REMINDER_JOBS, REMINDERS_QUEUE, sweepSchedule, SWEEP_SCHEDULER_ID } from './reminder-jobs';
export type { DeliveryRef } from './reminder-jobs';
export { SWEEP_REMINDERS_JOB } from './sweep-reminders.job';
export type { SweepRemindersJobData } from './sweep-reminders.job';
export { DELIVER_REMINDER_JOB } from './deliver-reminder.job';
export type { DeliverReminderJobData } from './deliver-reminder.job';
export { NotificationNotFound, ReminderNotFound, ReminderNotRetryable } from './reminders.errors';
export { Reminder, REMINDER_STATUSES } from './reminder.entity';
export type { ReminderStatus } from './reminder.entity';
export { Notification } from './notification.entity';
export { CreateReminders1732300005500 } from './migrations/1732300005500-create-reminders';
