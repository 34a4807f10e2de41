import { Module } from '@nestjs/common';
import { MinistriesModule } from '@question-desk/ministries';
import { QuestionSetsModule } from '@question-desk/question-sets';
import { IntakeService } from './intake.service';
import { IntakeStore } from './intake.store';

/** The Tweede Kamer open-data intake: the run (for the worker's job and the admin's "run now") and what it recorded. */
@Module({
  imports: [QuestionSetsModule, MinistriesModule],
  providers: [IntakeStore, IntakeService],
  exports: [IntakeService],
})
export class IntakeModule {}
