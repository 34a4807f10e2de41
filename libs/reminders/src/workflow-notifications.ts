import type { WorkflowStepTaken } from '@question-desk/question-sets';

/**
 * The workflow events people are told of, in the app and by email. The names are part of the
 * notifications API (`kind`) and of the notification settings.
 */
export const WORKFLOW_NOTIFICATION_KINDS = [
  'assigned',
  'changes-requested',
  'assignment-rejected',
  'transferred',
  'review-requested',
  'co-signing-requested',
  'approved',
  'answered',
  'withdrawn',
] as const;
export type WorkflowNotificationKind = (typeof WORKFLOW_NOTIFICATION_KINDS)[number];

/**
 * Who hears of an event:
 * - `drafter`: the drafter the set is assigned to (after the step; before it, when the step took it away);
 * - `desk`: desk officers of the lead ministry, or without ministry;
 * - `reviewers`: coordinators of the lead ministry, or without ministry;
 * - `co-signers`: drafters and coordinators of each co-signing ministry that has not signed yet.
 */
export type Audience = 'drafter' | 'desk' | 'reviewers' | 'co-signers';

export interface WorkflowNotificationRule {
  kind: WorkflowNotificationKind;
  /** Whether this step makes this event. */
  when: (step: WorkflowStepTaken) => boolean;
  to: readonly Audience[];
  /** The lead ministry whose desk or reviewers are meant: before the step (a rejection) or after it. */
  ministry: 'before' | 'after';
}

const action =
  (...names: string[]) =>
  (step: WorkflowStepTaken) =>
    names.includes(step.action);

/** Who is told of what, as one table. A person hears of one step once, never of their own step. */
export const WORKFLOW_NOTIFICATIONS: readonly WorkflowNotificationRule[] = [
  { kind: 'assigned', when: action('assign'), to: ['drafter'], ministry: 'after' },
  { kind: 'changes-requested', when: action('request-changes'), to: ['drafter'], ministry: 'after' },
  { kind: 'assignment-rejected', when: action('reject'), to: ['desk'], ministry: 'before' },
  { kind: 'transferred', when: action('transfer'), to: ['desk'], ministry: 'after' },
  { kind: 'review-requested', when: action('submit-for-review'), to: ['reviewers'], ministry: 'after' },
  { kind: 'co-signing-requested', when: (step) => step.action === 'approve' && step.after.status === 'co_signing', to: ['co-signers'], ministry: 'after' },
  {
    kind: 'approved',
    when: (step) => ['approve', 'co-sign'].includes(step.action) && step.after.status === 'approved',
    to: ['drafter', 'desk'],
    ministry: 'after',
  },
  { kind: 'answered', when: action('mark-answered'), to: ['drafter', 'desk'], ministry: 'after' },
  { kind: 'withdrawn', when: action('withdraw'), to: ['drafter', 'desk'], ministry: 'after' },
];

/** The events a step makes (usually none or one). */
export function eventsOf(step: WorkflowStepTaken): WorkflowNotificationRule[] {
  return WORKFLOW_NOTIFICATIONS.filter((rule) => rule.when(step));
}

export function isWorkflowKind(kind: string): kind is WorkflowNotificationKind {
  return (WORKFLOW_NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** One line in Dutch: the in-app message, and a line of the email. */
export function workflowLine(kind: WorkflowNotificationKind, facts: { set: string; actor: string; ministries: string[] }): string {
  const { set, actor, ministries } = facts;
  switch (kind) {
    case 'assigned':
      return `${actor} heeft de Kamervragen ${set} aan u toegewezen`;
    case 'changes-requested':
      return `${actor} vraagt wijzigingen in het concept-antwoord op ${set}`;
    case 'assignment-rejected':
      return `${actor} heeft de toewijzing van ${set} afgewezen; wijs de vragen opnieuw toe`;
    case 'transferred':
      return `${actor} heeft de Kamervragen ${set} overgedragen aan ${ministries.join(', ') || 'uw ministerie'}`;
    case 'review-requested':
      return `${actor} heeft het antwoord op ${set} ter beoordeling aangeboden`;
    case 'co-signing-requested':
      return `Het antwoord op ${set} wacht op medeondertekening door ${ministries.join(', ')}`;
    case 'approved':
      return `Het antwoord op ${set} is goedgekeurd`;
    case 'answered':
      return `De Kamervragen ${set} zijn beantwoord`;
    case 'withdrawn':
      return `De Kamervragen ${set} zijn ingetrokken`;
  }
}

/** How the settings screen names each kind (Dutch). */
export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  assigned: 'Vragen aan mij toegewezen',
  'changes-requested': 'Wijzigingen gevraagd in mijn concept',
  'assignment-rejected': 'Toewijzing afgewezen',
  transferred: 'Vragen overgedragen aan mijn ministerie',
  'review-requested': 'Antwoord ter beoordeling aangeboden',
  'co-signing-requested': 'Medeondertekening nodig',
  approved: 'Antwoord goedgekeurd',
  answered: 'Vragen beantwoord',
  withdrawn: 'Vragen ingetrokken',
  'draft-due-soon': 'Herinnering: interne termijn concept nadert',
  'draft-due-today': 'Herinnering: interne termijn concept vandaag',
  'deadline-due-soon': 'Herinnering: termijn nadert',
  'deadline-due-today': 'Herinnering: termijn verloopt vandaag',
  'postponement-due': 'Herinnering: uitstelbericht nodig',
  'overdue-digest': 'Wekelijks overzicht van vragen over de termijn',
};
