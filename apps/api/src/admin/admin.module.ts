import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AccountsModule } from '@question-desk/accounts';
import { NotificationsModule } from '@question-desk/reminders';
import { DashboardAccess } from './dashboard-access';
import { deskQueuesProvider } from './desk-queues';
import { FailedRemindersController } from './failed-reminders.controller';
import { QueueDashboard } from './queue-dashboard';
import { QueueHealthIndicator, WorkerHealthIndicator } from './queue-health';

/** What admins and operators see of the worker: the queue dashboard, failed reminders, queue depth and the worker's heartbeat. */
@Module({
  imports: [AccountsModule, NotificationsModule, TerminusModule],
  controllers: [FailedRemindersController],
  providers: [deskQueuesProvider, DashboardAccess, QueueDashboard, QueueHealthIndicator, WorkerHealthIndicator],
  exports: [QueueHealthIndicator, WorkerHealthIndicator],
})
export class AdminModule {}
