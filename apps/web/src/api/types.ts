import type { components } from './schema';

type Schemas = components['schemas'];

export type Ministry = Schemas['MinistryDto'];
export type Viewer = Schemas['ViewerDto'];
export type SignedIn = Schemas['SignedInDto'];
export type QuestionSet = Schemas['QuestionSetDto'] & {
  daysLeft?: number | null;
  changesRequested?: boolean;
  lastRejection?: { reason: string; at: string } | null;
};
export type QuestionSetPage = Omit<Schemas['QuestionSetPageDto'], 'items'> & { items: QuestionSet[]; totalExact?: boolean };
export type AuditEvent = Schemas['AuditEventDto'];
export type ImportResult = Schemas['ImportResultDto'];
export type DraftAnswer = Schemas['DraftAnswerDto'];
export type Revision = Schemas['RevisionDto'];
export type Suggestion = Schemas['SuggestionDto'];
export type User = Schemas['UserDto'];
export type UserPage = Schemas['UserPageDto'];
export type Notification = {
  id: string;
  questionSetId: string | null;
  kind: string;
  message: string;
  createdAt: string;
  readAt: string | null;
};
export type Role = 'desk' | 'drafter' | 'coordinator' | 'admin';

/** GET /api/worklist (see /work/notes/web-spec.md). */
export interface WorklistSection {
  key: string;
  title: string;
  total: number;
  items: QuestionSet[];
  listQuery: string;
}
export interface MinistryCount {
  ministry: Ministry;
  open: number;
  overdue: number;
  overdueWithoutPostponement: number;
  dueThisWeek: number;
  inReview: number;
  coSigning: number;
}
export interface Worklist {
  sections: WorklistSection[];
  ministries: MinistryCount[];
  unreadNotifications: number;
}
export interface Drafter {
  id: string;
  name: string;
  email: string;
}
