import { Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { Mailer } from './mailer';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { ReminderDelivery } from './reminder-delivery.service';
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
  providers: [...POLICY_PROVIDERS, ReminderLedgerStore, ReminderSweep, ReminderDelivery, Mailer],
  exports: [ReminderSweep, ReminderDelivery, Mailer, REMINDER_POLICY],
})
export class RemindersModule {}

/** The reminders as people see them through the API: their notifications, and the failed ones for admins. */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder, Notification]), AuditModule],
  providers: [NotificationsService, ReminderLedgerStore, ReminderLedger],
  exports: [NotificationsService, ReminderLedger],
})
export class NotificationsModule {}
