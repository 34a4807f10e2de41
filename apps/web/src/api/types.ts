import type { components } from './schema';

type Schemas = components['schemas'];

export type Ministry = Schemas['MinistryDto'];
export type MinistryDetails = Schemas['MinistryDetailsDto'];
export type MinistryWithPosts = Schemas['MinistryWithPostsDto'];
export type MinistryPost = Schemas['MinistryPostDto'];
export type Viewer = Schemas['ViewerDto'];
export type SignedIn = Schemas['SignedInDto'];
export type QuestionSet = Schemas['QuestionSetDto'];
export type QuestionSetPage = Schemas['QuestionSetPageDto'] & { totalExact?: boolean };
export type AuditEvent = Schemas['AuditEventDto'];
export type ImportResult = Schemas['ImportResultDto'];
export type DraftAnswer = Schemas['DraftAnswerDto'];
export type Revision = Schemas['RevisionDto'];
export type Suggestion = Schemas['SuggestionDto'];
export type User = Schemas['UserDto'];
export type UserPage = Schemas['UserPageDto'];
/** The generated type says Record<string, never> for the nullable uuid/date-time fields; they are strings. */
export type Notification = Omit<Schemas['NotificationDto'], 'questionSetId' | 'readAt' | 'createdAt'> & {
  questionSetId: string | null;
  createdAt: string;
  readAt: string | null;
};
export type NotificationSettings = Schemas['NotificationSettingsDto'];
export type Role = 'desk' | 'drafter' | 'coordinator' | 'admin';

export type WorklistSection = Schemas['WorklistSectionDto'];
export type MinistryCount = Schemas['MinistryCountDto'];
export type Worklist = Schemas['WorklistDto'];
export type Drafter = Schemas['DrafterDto'];
export type CalendarFeed = Schemas['CalendarFeedDto'];

export type MinistryStatistics = Schemas['MinistryStatisticsDto'];
export type MonthStatistics = Schemas['MonthStatisticsDto'];
export type PartyStatistics = Schemas['PartyStatisticsDto'];
export type DaysToAnswerBin = Schemas['DaysToAnswerBinDto'];
