import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@question-desk/audit';
import { MinistriesModule } from '@question-desk/ministries';
import { Answer } from './answer.entity';
import { AnswerDocumentService } from './answer-document.service';
import { AnswerRevision } from './answer-revision.entity';
import { CoSignature } from './co-signature.entity';
import { Assignment } from './assignment.entity';
import { DocumentImportService } from './document-import.service';
import { Member } from './member.entity';
import { Postponement } from './postponement.entity';
import { Question } from './question.entity';
import { QuestionSetQueries } from './question-set.queries';
import { QuestionSetStore } from './question-set.store';
import { QuestionSetSubmitter } from './question-set-submitter.entity';
import { QuestionSet } from './question-set.entity';
import { QuestionSetsService } from './question-sets.service';
import { SourceDocument } from './source-document.entity';
import { SuggestionQueries } from './suggestions.queries';
import { SuggestionsService } from './suggestions.service';
import { WorkflowService } from './workflow.service';
import { WorklistService } from './worklist.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      QuestionSet,
      Question,
      Answer,
      Postponement,
      Member,
      QuestionSetSubmitter,
      SourceDocument,
      Assignment,
      AnswerRevision,
      CoSignature,
    ]),
    AuditModule,
    MinistriesModule,
  ],
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
  ],
  exports: [QuestionSetsService, DocumentImportService, WorkflowService, AnswerDocumentService, SuggestionsService, WorklistService],
})
export class QuestionSetsModule {}
