import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@question-desk/audit';
import { MinistriesModule } from '@question-desk/ministries';
import { AnswerDocumentService } from './answer-document.service';
import { DocumentImportService } from './document-import.service';
import { FeedIntakeService } from './feed-intake.service';
import { QUESTION_SET_ENTITIES } from './entities';
import { QuestionSetQueries } from './question-set.queries';
import { QuestionSetRows } from './question-set.rows';
import { QuestionSetStore } from './question-set.store';
import { QuestionSetsService } from './question-sets.service';
import { SuggestionQueries } from './suggestions.queries';
import { SuggestionsService } from './suggestions.service';
import { WorkflowService } from './workflow.service';
import { WorklistService } from './worklist.service';

@Module({
  imports: [TypeOrmModule.forFeature(QUESTION_SET_ENTITIES), AuditModule, MinistriesModule],
  providers: [
    QuestionSetQueries,
    QuestionSetStore,
    QuestionSetsService,
    DocumentImportService,
    WorkflowService,
    AnswerDocumentService,
    SuggestionQueries,
    SuggestionsService,
    WorklistService,
    QuestionSetRows,
    FeedIntakeService,
  ],
  exports: [
    QuestionSetsService,
    DocumentImportService,
    FeedIntakeService,
    WorkflowService,
    AnswerDocumentService,
    SuggestionsService,
    WorklistService,
    QuestionSetRows,
  ],
})
export class QuestionSetsModule {}
