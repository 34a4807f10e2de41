import { Module } from '@nestjs/common';
import { NotificationsModule } from '@question-desk/reminders';
import { NotificationsController } from './notifications.controller';

/** GET /api/notifications and marking them read. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController],
})
export class NotificationsApiModule {}
