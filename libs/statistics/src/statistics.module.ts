import { Module } from '@nestjs/common';
import { ClockModule } from '@question-desk/deadlines';
import { ForecastService } from './forecast.service';
import { StatisticsService } from './statistics.service';

/** The desk's statistics and the warning before late; reads the views libs/question-sets owns. */
@Module({
  imports: [ClockModule],
  providers: [StatisticsService, ForecastService],
  exports: [StatisticsService, ForecastService],
})
export class StatisticsModule {}
