import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { TerminusModule } from '@nestjs/terminus';
import { AccountsModule } from '@question-desk/accounts';
import { DeskConfigModule, DeskConfigService } from '@question-desk/config';
import { ClockModule } from '@question-desk/deadlines';
import { IntakeModule } from '@question-desk/intake';
import { MinistriesModule } from '@question-desk/ministries';
import { DeskLoggingModule, RedisHealthIndicator } from '@question-desk/operations';
import { QuestionSetsModule } from '@question-desk/question-sets';
import { RedisModule } from '@question-desk/redis';
import { StatisticsModule } from '@question-desk/statistics';
import { DESK_CONFIG_PARTS, DeskDatabaseModule } from '@question-desk/schema';
import { AdminModule } from './admin/admin.module';
import { AuthController } from './auth/auth.controller';
import { CalendarApiModule } from './calendar/calendar-api.module';
import { HealthController } from './health/health.controller';
import { IntakeController, OpenDataProvenanceController } from './intake/intake.controller';
import { AuthenticationGuard } from './http/authentication.guard';
import { DomainErrorFilter } from './http/domain-error.filter';
import { deskValidationPipe } from './http/validation';
import { WellFormedTextPipe } from './http/well-formed-text.pipe';
import { MinistriesController } from './ministries/ministries.controller';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { AnswerDocumentController } from './question-sets/answer-document.controller';
import { QuestionSetsController } from './question-sets/question-sets.controller';
import { SuggestionsController } from './question-sets/suggestions.controller';
import { WorkflowController } from './question-sets/workflow.controller';
import { StatisticsApiModule } from './statistics/statistics-api.module';
import { UsersController } from './users/users.controller';
import { WebAppModule } from './web/web-app';
import { WorklistApiModule } from './worklist/worklist-api.module';

@Module({
  imports: [
    DeskConfigModule.forRoot(DESK_CONFIG_PARTS),
    DeskLoggingModule.forProcess('question-desk-api'),
    DeskDatabaseModule.forProcess('question-desk-api'),
    RedisModule,
    ClockModule,
    TerminusModule.forRoot({ logger: false }),
    AccountsModule,
    MinistriesModule,
    QuestionSetsModule,
    NotificationsApiModule,
    WorklistApiModule,
    CalendarApiModule,
    StatisticsModule,
    StatisticsApiModule,
    AdminModule,
    IntakeModule,
    // Uploads (the import's multipart form) are read into memory, one file of at most DOCUMENT_MAX_BYTES.
    MulterModule.registerAsync({
      inject: [DeskConfigService],
      useFactory: (config: DeskConfigService) => ({ limits: { fileSize: config.values.documentMaxBytes, files: 1, fields: 10, parts: 11 } }),
    }),
    WebAppModule.register(),
  ],
  controllers: [
    AuthController,
    QuestionSetsController,
    WorkflowController,
    AnswerDocumentController,
    SuggestionsController,
    MinistriesController,
    UsersController,
    HealthController,
    IntakeController,
    OpenDataProvenanceController,
  ],
  providers: [
    RedisHealthIndicator,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    // In this order: text the database cannot hold is refused before validation sees it.
    { provide: APP_PIPE, useClass: WellFormedTextPipe },
    { provide: APP_PIPE, useFactory: deskValidationPipe },
  ],
})
export class AppModule {}
