import { Module } from '@nestjs/common';
import { QuestionSetsModule } from '@question-desk/question-sets';
import { NotificationsModule } from '@question-desk/reminders';
import { StatisticsModule } from '@question-desk/statistics';
import { WorklistController } from './worklist.controller';

/** GET /api/worklist: the werkvoorraad of the signed-in person. */
@Module({
  imports: [QuestionSetsModule, NotificationsModule, StatisticsModule],
  controllers: [WorklistController],
})
export class WorklistApiModule {}
