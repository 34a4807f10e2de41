import { Answer } from './answer.entity';
import { AnswerRevision } from './answer-revision.entity';
import { CoSignature } from './co-signature.entity';
import { Assignment } from './assignment.entity';
import { Member } from './member.entity';
import { Postponement } from './postponement.entity';
import { Question } from './question.entity';
import { QuestionSetSubmitter } from './question-set-submitter.entity';
import { QuestionSet } from './question-set.entity';
import { SourceDocument } from './source-document.entity';

export const QUESTION_SET_ENTITIES = [
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
];
