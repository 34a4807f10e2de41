import type { Role, Viewer } from '@question-desk/accounts';
import { OPEN_STATUSES, type QuestionSetStatus } from './statuses';

/**
 * The life of a question set from arrival to answer, as one table. Code reads the table; nothing
 * re-states a rule of it in an `if`.
 */
export const ACTIONS = [
  'assign',
  'accept',
  'reject',
  'transfer',
  'save-draft',
  'submit-for-review',
  'request-changes',
  'approve',
  'co-sign',
  'mark-answered',
  'withdraw',
  'postpone',
  'import-answers',
  'intake-postpone',
  'intake-withdraw',
] as const;
export type WorkflowAction = (typeof ACTIONS)[number];

/** The actions sent to POST /api/question-sets/:id/transitions (the others have routes of their own). */
/** The steps that say who holds a set and why; the latest is kept on the set (`lastStep`). */
export const LAST_STEP_ACTIONS: readonly WorkflowAction[] = ['assign', 'accept', 'reject', 'transfer', 'request-changes'];

export const TRANSITION_ACTIONS = ['submit-for-review', 'approve', 'request-changes', 'co-sign', 'mark-answered', 'withdraw'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

/**
 * Whose set it must be, beyond the role:
 * - `desk-wide`: anyone with the role who can see the set;
 * - `lead-ministry`: the viewer's ministry leads the set (a viewer without ministry covers all);
 * - `assignee`: the drafter the set is assigned to;
 * - `co-signing-ministry`: a co-signing ministry that has not signed yet is the viewer's (a
 *   coordinator without ministry may sign for any, naming it).
 */
export type Scope = 'desk-wide' | 'lead-ministry' | 'assignee' | 'co-signing-ministry';

/** `co-signers-pending`: approval goes to co-signing when other ministries must sign, else straight to approved. */
export type Target = QuestionSetStatus | 'same' | 'co-signing-or-approved' | 'approved-when-all-signed';

export interface Transition {
  action: WorkflowAction;
  from: readonly QuestionSetStatus[];
  to: Target;
  /** Who may take it by hand; none for a step the desk takes itself (importing published answers). */
  roles: readonly Role[];
  scope: Scope;
}

export const WORKFLOW: readonly Transition[] = [
  { action: 'assign', from: ['received', 'assigned'], to: 'assigned', roles: ['desk'], scope: 'desk-wide' },
  { action: 'accept', from: ['assigned'], to: 'drafting', roles: ['drafter'], scope: 'assignee' },
  { action: 'reject', from: ['assigned'], to: 'received', roles: ['drafter'], scope: 'assignee' },
  { action: 'transfer', from: ['received', 'assigned', 'drafting'], to: 'received', roles: ['desk'], scope: 'desk-wide' },
  { action: 'save-draft', from: ['drafting'], to: 'same', roles: ['drafter'], scope: 'lead-ministry' },
  { action: 'submit-for-review', from: ['drafting'], to: 'in_review', roles: ['drafter'], scope: 'lead-ministry' },
  { action: 'request-changes', from: ['in_review', 'co_signing'], to: 'drafting', roles: ['coordinator'], scope: 'lead-ministry' },
  { action: 'approve', from: ['in_review'], to: 'co-signing-or-approved', roles: ['coordinator'], scope: 'lead-ministry' },
  { action: 'co-sign', from: ['co_signing'], to: 'approved-when-all-signed', roles: ['drafter', 'coordinator'], scope: 'co-signing-ministry' },
  { action: 'mark-answered', from: ['approved'], to: 'answered', roles: ['desk'], scope: 'desk-wide' },
  { action: 'withdraw', from: OPEN_STATUSES, to: 'withdrawn', roles: ['desk'], scope: 'desk-wide' },
  { action: 'postpone', from: OPEN_STATUSES, to: 'same', roles: ['desk', 'coordinator'], scope: 'lead-ministry' },
  // The published answers arrive (document import): wherever the desk's own work on the set is.
  { action: 'import-answers', from: OPEN_STATUSES, to: 'answered', roles: [], scope: 'desk-wide' },
  // The Kamer's open data (the intake, libs/intake): a published postponement notice, a withdrawal.
  { action: 'intake-postpone', from: OPEN_STATUSES, to: 'same', roles: [], scope: 'desk-wide' },
  { action: 'intake-withdraw', from: OPEN_STATUSES, to: 'withdrawn', roles: [], scope: 'desk-wide' },
];
/** The actions a person can take (the table gives them roles); the others are the desk's own, such as importing published answers. */
export const PERSON_ACTIONS: readonly WorkflowAction[] = ACTIONS.filter((action) => WORKFLOW.some((t) => t.action === action && t.roles.length > 0));

export function transitionOf(action: WorkflowAction): Transition {
  return WORKFLOW.find((t) => t.action === action)!;
}

/** Who takes part in a step, as far as the table cares (the audit trail calls the one recorded the `Actor`). */
export interface Participant {
  id: string;
  roles: readonly Role[];
  ministryCode: string | null;
}

/** The facts of a set the table's scopes need. */
export interface WorkflowFacts {
  status: QuestionSetStatus;
  leadMinistryCode: string | null;
  assigneeId: string | null;
  /** Co-signing ministries that have not signed yet. */
  unsignedCoSigners: readonly string[];
}

export type Refusal = { reason: 'role'; roles: readonly Role[] } | { reason: 'status'; allowed: WorkflowAction[] } | { reason: 'scope'; scope: Scope };

/** Whether `actor` may take `action` on a set with these facts; the reason when not. */
export function check(action: WorkflowAction, actor: Participant, set: WorkflowFacts): Refusal | null {
  const transition = transitionOf(action);
  if (!transition.roles.some((role) => actor.roles.includes(role))) return { reason: 'role', roles: transition.roles };
  if (!transition.from.includes(set.status)) return { reason: 'status', allowed: actionsFrom(set.status) };
  if (!inScope(transition.scope, actor, set)) return { reason: 'scope', scope: transition.scope };
  return null;
}

function inScope(scope: Scope, actor: Participant, set: WorkflowFacts): boolean {
  switch (scope) {
    case 'desk-wide':
      return true;
    case 'lead-ministry':
      return actor.ministryCode === null || actor.ministryCode === set.leadMinistryCode;
    case 'assignee':
      return set.assigneeId === actor.id;
    case 'co-signing-ministry':
      return set.unsignedCoSigners.length > 0 && (actor.ministryCode === null || set.unsignedCoSigners.includes(actor.ministryCode));
  }
}

/** The actions the table allows people to take from a status, whoever they are. */
export function actionsFrom(status: QuestionSetStatus): WorkflowAction[] {
  return WORKFLOW.filter((t) => t.roles.length > 0 && t.from.includes(status)).map((t) => t.action);
}

/** Whether the table allows `action` from `status` at all (for the steps the desk takes itself). */
export function allowsFrom(action: WorkflowAction, status: QuestionSetStatus): boolean {
  return transitionOf(action).from.includes(status);
}

/** The roles that may take any of `actions`: what a route that takes them asks of its caller. */
export function rolesFor(actions: readonly WorkflowAction[]): Role[] {
  return [...new Set(actions.flatMap((action) => transitionOf(action).roles))];
}

/** The one answer to someone whose role may not take `action` (the route's check and the step's). */
export function roleRefusal(action: WorkflowAction | readonly WorkflowAction[], viewer: Viewer): string {
  const actions = typeof action === 'string' ? [action] : action;
  const what = actions.length === 1 ? `${actions[0].replace('-', ' ')} a question set` : 'take this step';
  return `Only ${rolesFor(actions).join(' or ')} may ${what}; you are signed in as ${who(viewer)}.`;
}

/** How a refusal names the person it refuses. */
export function who(viewer: Viewer): string {
  return `${viewer.name} (${viewer.roles.join(', ')}${viewer.ministry ? `, ${viewer.ministry.code}` : ''})`;
}

/** The actions this actor may take now. */
export function allowedActions(actor: Participant, set: WorkflowFacts): WorkflowAction[] {
  return ACTIONS.filter((action) => check(action, actor, set) === null);
}

/** Where the set goes after `action`. */
export function nextStatus(action: WorkflowAction, set: { status: QuestionSetStatus; coSigners: number; unsignedAfter: number }): TableStatus {
  const { to } = transitionOf(action);
  switch (to) {
    case 'same':
      return set.status as TableStatus;
    case 'co-signing-or-approved':
      return (set.coSigners > 0 ? 'co_signing' : 'approved') as TableStatus;
    case 'approved-when-all-signed':
      return (set.unsignedAfter === 0 ? 'approved' : 'co_signing') as TableStatus;
    default:
      return to as TableStatus;
  }
}

declare const FROM_THE_TABLE: unique symbol;
/**
 * A status the workflow table gave (`nextStatus`): the only kind a stored set's status can be
 * changed to (QuestionSetStore.update takes no other), so no status write can pass the table by.
 */
export type TableStatus = QuestionSetStatus & { readonly [FROM_THE_TABLE]: true };

export interface Coverage {
  uncovered: number[];
  doublyCovered: number[];
  unknown: number[];
}

/** Before review, every question is covered by exactly one answer. */
export function coverage(questionNumbers: readonly number[], answers: readonly { questionNumbers: readonly number[] }[]): Coverage {
  const count = new Map<number, number>();
  for (const answer of answers) for (const n of new Set(answer.questionNumbers)) count.set(n, (count.get(n) ?? 0) + 1);
  const known = new Set(questionNumbers);
  return {
    uncovered: questionNumbers.filter((n) => !count.has(n)),
    doublyCovered: [...count]
      .filter(([n, c]) => known.has(n) && c > 1)
      .map(([n]) => n)
      .sort((a, b) => a - b),
    unknown: [...count.keys()].filter((n) => !known.has(n)).sort((a, b) => a - b),
  };
}
