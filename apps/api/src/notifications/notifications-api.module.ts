import { Module } from '@nestjs/common';
import { NotificationsModule, WorkflowNotificationsModule } from '@question-desk/reminders';
import { NotificationSettingsController } from './notification-settings.controller';
import { NotificationsController } from './notifications.controller';

/** GET /api/notifications, marking them read, the notification settings; and the workflow telling people of its steps. */
@Module({
  imports: [NotificationsModule, WorkflowNotificationsModule],
  controllers: [NotificationsController, NotificationSettingsController],
})
export class NotificationsApiModule {}
