import { Global, Module, type Provider } from '@nestjs/common';
import { WORKFLOW_OBSERVER } from '@question-desk/question-sets';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { Mailer } from './mailer';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { NotificationMailStore } from './notification-mail.store';
import { NotificationSettings } from './notification-settings.service';
import { PersonMail } from './person-mail.service';
import { ReminderDelivery } from './reminder-delivery.service';
import { WorkflowNotifier } from './workflow-notifier.service';
import { ReminderLedger } from './reminder-ledger.service';
import { ReminderLedgerStore } from './reminder-ledger.store';
import { reminderPolicy } from './reminder-policy';
import { ReminderSweep } from './reminder-sweep.service';
import { Reminder } from './reminder.entity';
import { REMINDER_POLICY, WORKING_DAYS } from './reminders.tokens';
import { DUTCH_WORKING_DAYS } from '@question-desk/deadlines';

const POLICY_PROVIDERS: Provider[] = [
  { provide: REMINDER_POLICY, inject: [DeskConfigService], useFactory: (config: DeskConfigService) => reminderPolicy(config.values.reminders.policy) },
  { provide: WORKING_DAYS, useValue: DUTCH_WORKING_DAYS },
];

/** The reminders as the worker runs them: the sweep, delivery, and mail. */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder, Notification]), AuditModule],
  providers: [...POLICY_PROVIDERS, ReminderLedgerStore, NotificationMailStore, ReminderSweep, ReminderDelivery, PersonMail, Mailer],
  exports: [ReminderSweep, ReminderDelivery, PersonMail, Mailer, REMINDER_POLICY],
})
export class RemindersModule {}

/** The reminders as people see them through the API: their notifications, and the failed ones for admins. */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder, Notification]), AuditModule],
  providers: [NotificationsService, ReminderLedgerStore, ReminderLedger, NotificationMailStore, NotificationSettings],
  exports: [NotificationsService, ReminderLedger, NotificationSettings],
})
export class NotificationsModule {}

/**
 * Workflow notifications: the observer the workflow tells of every step, inside the step's
 * transaction. Global, so the question-sets library finds it without knowing this one; a process
 * that imports it (the API) notifies, one that does not (the CLI's seed) does not.
 */
@Global()
@Module({
  providers: [NotificationMailStore, { provide: WORKFLOW_OBSERVER, useClass: WorkflowNotifier }],
  exports: [WORKFLOW_OBSERVER],
})
export class WorkflowNotificationsModule {}
