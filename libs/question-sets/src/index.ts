export { QuestionSetsModule } from './question-sets.module';
export { QuestionSetsService, WHOLE_DESK } from './question-sets.service';
export type { AuditEventView, Intake, NewAnswer, NewMember, NewPostponement, NewQuestion, NewQuestionSet } from './question-sets.service';
export { DocumentImportService, documentFingerprint } from './document-import.service';
export { FeedIntakeService } from './feed-intake.service';
export { proposedCoSigningMinistries, proposedLeadMinistry } from './ministry-proposal';
export type { FeedAnswers, FeedFields, FeedRefusal, FeedSetFacts } from './feed-intake.service';
export type { ImportResult } from './document-import.service';
export { describeLimits, LIMITS, limitProblems } from './limits';
export { decodeCursor, InvalidCursor, orderOf, SORT_KEYS, TOTAL_EXACT_UP_TO } from './question-set.queries';
export type { Page, QuestionSetFilter, QuestionSetListFilter, SortKey } from './question-set.queries';
export { QuestionSetRows, ROW_BATCH_SIZE } from './question-set.rows';
export type { QuestionSetRow, QuestionSetRowFilter } from './question-set.rows';
export type { QuestionSetView } from './question-set.view';
export { CLOSED_STATUSES, isOpen, isStatus, OPEN_STATUSES, STATUS_NAMES, STATUSES } from './statuses';
export type { QuestionSetStatus } from './statuses';
export {
  ActionNotPermitted,
  DuplicateReference,
  NoMatchingQuestionSet,
  QuestionNotFound,
  QuestionSetNotFound,
  QuestionsAlreadyInWork,
  RuleViolation,
  StaleVersion,
  TransitionNotAllowed,
} from './question-sets.errors';
export { WorkflowService } from './workflow.service';
export { listQueryOf, POSTPONEMENT_WARNING_WORKING_DAYS, WORKLIST_SECTION_SIZE, WorklistService } from './worklist.service';
export type { MinistryCount, Worklist, WorklistSection, WorklistSectionKey } from './worklist.service';
export type { Assign, Postpone, RevisionView, Transfer, TransitionRequest } from './workflow.service';
export { ACTIONS, PERSON_ACTIONS, roleRefusal, rolesFor, TRANSITION_ACTIONS, WORKFLOW } from './workflow';
export type { TransitionAction, WorkflowAction } from './workflow';
export { AnswerDocumentService } from './answer-document.service';
export type { AnswerDocument, AnswerDocumentWord } from './answer-document.service';
export { SuggestionsService } from './suggestions.service';
export type { Suggestion } from './suggestions.queries';
export { QUESTION_SET_ENTITIES } from './entities';
export { QuestionSet } from './question-set.entity';
export { CreateQuestionSets1732300002000 } from './migrations/1732300002000-create-question-sets';
export { AddWorkflow1732300004000 } from './migrations/1732300004000-add-workflow';
export { AddTextSearchVectors1732300006500 } from './migrations/1732300006500-add-text-search-vectors';
export { AddQuestionSetFacts1732300008000 } from './migrations/1732300008000-add-question-set-facts';
export { AddLastStep1732300009000 } from './migrations/1732300009000-add-last-step';
export { AddQuestionSetHistory1733600001000 } from './migrations/1733600001000-add-question-set-history';
export { AddInvolvedMinistries1733800001000 } from './migrations/1733800001000-add-involved-ministries';
export { AddSearchLexicon1733890001000 } from './migrations/1733890001000-add-search-lexicon';
export { WORKFLOW_OBSERVER } from './workflow-observer';
export type { WorkflowObserver, WorkflowStepTaken } from './workflow-observer';
export { SearchByIdentifiers1733300002000 } from './migrations/1733300002000-search-by-identifiers';
export { SEARCH_QUERY_SQL } from './search-query';
