import { Module } from '@nestjs/common';
import { QuestionSetsModule } from '@question-desk/question-sets';
import { NotificationsModule } from '@question-desk/reminders';
import { WorklistController } from './worklist.controller';

/** GET /api/worklist: the werkvoorraad of the signed-in person. */
@Module({
  imports: [QuestionSetsModule, NotificationsModule],
  controllers: [WorklistController],
})
export class WorklistApiModule {}
