import type { Viewer } from '@question-desk/accounts';
import { daysBetween, deadlineStanding, type CalendarDate, type DeadlineStanding } from '@question-desk/deadlines';
import type { Footnote } from './footnote';
import type { QuestionSet } from './question-set.entity';
import { isOpen, type QuestionSetStatus } from './statuses';
import { allowedActions, type WorkflowFacts, type WorkflowAction } from './workflow';

/** A question set as the API shows it (see the public contract). */
export interface QuestionSetView {
  id: string;
  reference: string | null;
  appendixNumber: string | null;
  chamber: string;
  subject: string | null;
  submittedOn: CalendarDate | null;
  submitters: { name: string; party: string | null }[];
  addressees: string[];
  leadMinistry: { code: string; name: string } | null;
  coSigningMinistries: { code: string; name: string }[];
  explanatoryNote: string | null;
  relatedReferences: string[];
  /** How many questions the set holds (a list shows the number, a detail the questions too). */
  questionCount: number;
  questions?: { number: number; text: string; footnotes: Footnote[] }[];
  answers?: { questionNumbers: number[]; text: string; footnotes: Footnote[] }[];
  answeredOn: CalendarDate | null;
  answeredBy: string | null;
  answeredByPost: string | null;
  statutoryDeadline: CalendarDate | null;
  deadline: CalendarDate | null;
  postponements: { sentOn: CalendarDate; newDeadline: CalendarDate; reason: string }[];
  status: QuestionSetStatus;
  overdue: boolean;
  postponementMissing: boolean;
  daysOverdue: number;
  /** Calendar days until `deadline` (negative when past it); null when closed or without a deadline. */
  daysLeft: number | null;
  /** The reviewer sent the draft back: the drafter must make changes (status drafting). */
  changesRequested: boolean;
  /** Why the latest assignment was rejected, while the set is back at the desk (status received). */
  lastRejection: { reason: string | null; at: string } | null;
  assignee: { id: string; name: string } | null;
  /** The lead ministry's own deadlines, derived from `deadline` unless the desk gave them. */
  internalDeadlines: { draft: CalendarDate | null; review: CalendarDate | null; coSigning: CalendarDate | null };
  coSignatures: { ministry: string; signedBy: string; signedAt: string }[];
  /** What the signed-in viewer may do with the set now (detail and workflow answers only). */
  allowedActions?: WorkflowAction[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The facts of a set its deadline standing is read from, whether a loaded entity or a flat row. */
export interface StandingFields {
  status: QuestionSetStatus;
  statutoryDeadline: CalendarDate | null;
  deadline: CalendarDate | null;
  answeredOn: CalendarDate | null;
  /** How many postponements the set has had. */
  postponements: number;
}

/** Whether a set is overdue, lacks its postponement notice, and by how many days: the same for views and rows. */
export function standingOf(fields: StandingFields, today: CalendarDate): DeadlineStanding {
  return deadlineStanding({
    open: isOpen(fields.status),
    withdrawn: fields.status === 'withdrawn',
    statutoryDeadline: fields.statutoryDeadline,
    deadline: fields.deadline,
    answeredOn: fields.answeredOn,
    hasPostponement: fields.postponements > 0,
    today,
  });
}

const byNumber = <T extends { number: number }>(a: T, b: T) => a.number - b.number;
const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

/** What the workflow table needs to know of a loaded set. */
export function workflowFacts(set: QuestionSet): WorkflowFacts {
  const signed = new Set((set.coSignatures ?? []).map((s) => s.ministryCode));
  return {
    status: set.status,
    leadMinistryCode: set.leadMinistryCode,
    assigneeId: set.assigneeId,
    unsignedCoSigners: (set.coSigningMinistries ?? []).map((m) => m.code).filter((code) => !signed.has(code)),
  };
}

/**
 * Shapes a loaded set (with its relations) for the API; `today` is the Amsterdam date. With a
 * viewer, the view names the actions they may take now; with content, questions and answers.
 */
export function toView(set: QuestionSet, today: CalendarDate, withContent: boolean, viewer?: Viewer): QuestionSetView {
  const postponements = [...(set.postponements ?? [])].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const standing = standingOf({ ...set, postponements: postponements.length }, today);
  const view: QuestionSetView = {
    id: set.id,
    reference: set.reference,
    appendixNumber: set.appendixNumber,
    chamber: set.chamber,
    subject: set.subject,
    submittedOn: set.submittedOn,
    submitters: [...(set.submitters ?? [])].sort(byPosition).map(({ member }) => ({ name: member.name, party: member.party })),
    addressees: set.addressees,
    leadMinistry: set.leadMinistry ? { code: set.leadMinistry.code, name: set.leadMinistry.name } : null,
    coSigningMinistries: [...(set.coSigningMinistries ?? [])].sort((a, b) => a.code.localeCompare(b.code)).map(({ code, name }) => ({ code, name })),
    explanatoryNote: set.explanatoryNote,
    relatedReferences: set.relatedReferences,
    questionCount: set.questionCount ?? set.questions?.length ?? 0,
    answeredOn: set.answeredOn,
    answeredBy: set.answeredBy,
    answeredByPost: set.answeredByPost,
    statutoryDeadline: set.statutoryDeadline,
    deadline: set.deadline,
    postponements: postponements.map(({ sentOn, newDeadline, reason }) => ({ sentOn, newDeadline, reason })),
    status: set.status,
    ...standing,
    daysLeft: isOpen(set.status) && set.deadline ? daysBetween(today, set.deadline) : null,
    changesRequested: set.status === 'drafting' && set.lastStep === 'request-changes',
    lastRejection:
      set.status === 'received' && set.lastStep === 'reject' && set.lastStepAt ? { reason: set.lastStepNote, at: set.lastStepAt.toISOString() } : null,
    assignee: set.assignee ? { id: set.assignee.id, name: set.assignee.name } : null,
    internalDeadlines: { draft: set.draftDeadline, review: set.reviewDeadline, coSigning: set.coSigningDeadline },
    coSignatures: [...(set.coSignatures ?? [])]
      .sort((a, b) => a.ministryCode.localeCompare(b.ministryCode))
      .map((s) => ({ ministry: s.ministryCode, signedBy: s.signedByName, signedAt: s.signedAt.toISOString() })),
    version: set.version,
    createdAt: set.createdAt.toISOString(),
    updatedAt: set.updatedAt.toISOString(),
  };
  if (viewer) {
    view.allowedActions = allowedActions({ id: viewer.id, roles: viewer.roles, ministryCode: viewer.ministry?.code ?? null }, workflowFacts(set));
  }
  if (withContent) {
    view.questions = [...(set.questions ?? [])].sort(byNumber).map(({ number, text, footnotes }) => ({ number, text, footnotes }));
    view.answers = [...(set.answers ?? [])].sort(byPosition).map(({ questionNumbers, text, footnotes }) => ({ questionNumbers, text, footnotes }));
  }
  return view;
}
