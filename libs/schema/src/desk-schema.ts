import {
  AddDeskPerson1732300008100,
  AddSessionGeneration1732300007000,
  CreateUsers1732300001000,
  IndexAccountEvents1732300004500,
  User,
} from '@question-desk/accounts';
import { AuditEvent, CreateAuditTrail1732300003000 } from '@question-desk/audit';
import { CreateCalendarFeeds1733700001000 } from '@question-desk/calendar';
import type { Schema } from '@question-desk/database';
import { CreateIntake1733500001000 } from '@question-desk/intake';
import { AddQuestionSetStatistic1733810001000 } from '@question-desk/statistics';
import {
  AddMinistryName1733880001000,
  CreateMinistries1732300000000,
  MinistriesAsData1733300001000,
  Ministry,
  MinistryPost,
  OfficeHolder,
} from '@question-desk/ministries';
import {
  AddWorkflowNotifications1733100001000,
  CreateReminders1732300005500,
  IndexSweepKeysets1733830001000,
  Notification,
  Reminder,
} from '@question-desk/reminders';
import {
  AddInvolvedMinistries1733800001000,
  AddSearchLexicon1733890001000,
  AddLastStep1732300009000,
  AddQuestionSetFacts1732300008000,
  AddQuestionSetHistory1733600001000,
  AddTextSearchVectors1732300006500,
  AddWorkflow1732300004000,
  CreateQuestionSets1732300002000,
  QUESTION_SET_ENTITIES,
  SearchByIdentifiers1733300002000,
} from '@question-desk/question-sets';

/**
 * Every table of the desk: the entities and migrations each domain library owns, gathered for the
 * processes that open the database (api, worker, cli, tests). Migrations run in timestamp order.
 */
export const DESK_SCHEMA: Schema = {
  entities: [Ministry, MinistryPost, OfficeHolder, User, AuditEvent, ...QUESTION_SET_ENTITIES, Reminder, Notification],
  migrations: [
    CreateMinistries1732300000000,
    CreateUsers1732300001000,
    CreateQuestionSets1732300002000,
    CreateAuditTrail1732300003000,
    AddWorkflow1732300004000,
    IndexAccountEvents1732300004500,
    CreateReminders1732300005500,
    AddTextSearchVectors1732300006500,
    AddSessionGeneration1732300007000,
    AddQuestionSetFacts1732300008000,
    AddDeskPerson1732300008100,
    AddLastStep1732300009000,
    AddWorkflowNotifications1733100001000,
    MinistriesAsData1733300001000,
    SearchByIdentifiers1733300002000,
    CreateIntake1733500001000,
    AddQuestionSetHistory1733600001000,
    CreateCalendarFeeds1733700001000,
    AddInvolvedMinistries1733800001000,
    AddQuestionSetStatistic1733810001000,
    IndexSweepKeysets1733830001000,
    AddMinistryName1733880001000,
    AddSearchLexicon1733890001000,
  ],
};
