import type { EntityManager } from 'typeorm';
import type { QuestionSetStatus } from './statuses';
import type { WorkflowAction } from './workflow';

/** A workflow step as it was taken, for whoever must hear of it (the notifications). */
export interface WorkflowStepTaken {
  action: WorkflowAction;
  questionSetId: string;
  actor: { id: string; name: string };
  at: Date;
  /** The set before and after the step, as far as who holds it is concerned. */
  before: { status: QuestionSetStatus; leadMinistryCode: string | null; assigneeId: string | null };
  after: { status: QuestionSetStatus; leadMinistryCode: string | null; assigneeId: string | null };
  /** Co-signing ministries that have not signed yet, after the step. */
  unsignedCoSigners: string[];
  /** What the step recorded in the audit trail (reason, comment, …). */
  details: Record<string, unknown>;
}

/**
 * Told of every workflow step inside the step's own transaction: what it writes commits with the
 * step and rolls back with it. Provided (globally) by the notifications; optional.
 */
export interface WorkflowObserver {
  stepTaken(manager: EntityManager, step: WorkflowStepTaken): Promise<void>;
}

export const WORKFLOW_OBSERVER = Symbol('WORKFLOW_OBSERVER');
