import { Module } from '@nestjs/common';
import { StatisticsModule } from '@question-desk/statistics';
import { StatisticsController } from './statistics.controller';

/** GET /api/statistics and its trend, parties, histogram and the forecast's back-test. */
@Module({
  imports: [StatisticsModule],
  controllers: [StatisticsController],
})
export class StatisticsApiModule {}
