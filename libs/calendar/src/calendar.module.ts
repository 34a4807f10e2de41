import { Module } from '@nestjs/common';
import { QuestionSetsModule } from '@question-desk/question-sets';
import { CalendarService } from './calendar.service';

@Module({
  imports: [QuestionSetsModule],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
