import { Module } from '@nestjs/common';
import { AccountsModule } from '@question-desk/accounts';
import { DeskConfigModule } from '@question-desk/config';
import { ClockModule } from '@question-desk/deadlines';
import { QuestionSetsModule } from '@question-desk/question-sets';
import { RedisModule } from '@question-desk/redis';
import { DESK_CONFIG_PARTS, DeskDatabaseModule } from '@question-desk/schema';
import { DemoSeed } from './demo-seed';

@Module({
  imports: [
    DeskConfigModule.forRoot(DESK_CONFIG_PARTS),
    DeskDatabaseModule.forProcess('question-desk-cli'),
    RedisModule,
    ClockModule,
    AccountsModule,
    QuestionSetsModule,
  ],
  providers: [DemoSeed],
})
export class CliModule {}
