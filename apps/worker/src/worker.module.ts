import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeskConfigModule, DeskConfigService } from '@question-desk/config';
import { INTAKE_QUEUE, IntakeModule } from '@question-desk/intake';
import { ClockModule } from '@question-desk/deadlines';
import { DeskLoggingModule, OPERATIONS_QUEUE } from '@question-desk/operations';
import { RedisModule, redisConnectionOptions } from '@question-desk/redis';
import { REMINDERS_QUEUE, RemindersModule } from '@question-desk/reminders';
import { DESK_CONFIG_PARTS, DeskDatabaseModule } from '@question-desk/schema';
import { OperationsProcessor } from './operations/heartbeat.processor';
import { HeartbeatSchedule } from './operations/heartbeat.schedule';
import { IntakeProcessor } from './intake/intake.processor';
import { IntakeSchedule } from './intake/intake.schedule';
import { JobHandlersCheck } from './jobs/job-handlers.check';
import { RemindersProcessor } from './reminders/reminders.processor';
import { ReminderSweepSchedule } from './reminders/reminder-sweep.schedule';

@Module({
  imports: [
    DeskConfigModule.forRoot(DESK_CONFIG_PARTS),
    DeskLoggingModule.forProcess('question-desk-worker'),
    DeskDatabaseModule.forProcess('question-desk-worker'),
    RedisModule,
    ClockModule,
    BullModule.forRootAsync({
      inject: [DeskConfigService],
      useFactory: (config: DeskConfigService) => ({
        connection: { ...redisConnectionOptions(config.values.redis.url), maxRetriesPerRequest: null },
        prefix: `${config.values.redis.prefix}:bull`,
      }),
    }),
    BullModule.registerQueue({ name: OPERATIONS_QUEUE }),
    BullModule.registerQueue({ name: REMINDERS_QUEUE }),
    BullModule.registerQueue({ name: INTAKE_QUEUE }),
    RemindersModule,
    IntakeModule,
    DiscoveryModule,
  ],
  providers: [OperationsProcessor, HeartbeatSchedule, RemindersProcessor, ReminderSweepSchedule, IntakeProcessor, IntakeSchedule, JobHandlersCheck],
})
export class WorkerModule {}
