import { Module } from '@nestjs/common';
import { CalendarModule } from '@question-desk/calendar';
import { CalendarController } from './calendar.controller';

/** The deadline calendar: each person's secret iCalendar feed, and making, renewing and stopping it. */
@Module({
  imports: [CalendarModule],
  controllers: [CalendarController],
})
export class CalendarApiModule {}
