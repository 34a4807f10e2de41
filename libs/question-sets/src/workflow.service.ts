import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { User, type Viewer } from '@question-desk/accounts';
import { AuditTrail } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { capitalised, counted, listed, questionsNamed, type Problem } from '@question-desk/errors';
import { catchUpInternalDeadlines, Clock, daysBetween, DUTCH_WORKING_DAYS, internalDeadlines, type CalendarDate } from '@question-desk/deadlines';
import { MinistriesService, type Ministry } from '@question-desk/ministries';
import { DataSource, EntityManager } from 'typeorm';
import { CoSignature } from './co-signature.entity';
import { QuestionSetQueries } from './question-set.queries';
import { QuestionSet } from './question-set.entity';
import { QuestionSetStore } from './question-set.store';
import { workflowFacts, type QuestionSetView } from './question-set.view';
import { ActionNotPermitted, QuestionSetNotFound, RuleViolation, StaleVersion, TransitionNotAllowed } from './question-sets.errors';
import { QuestionSetsService, WHOLE_DESK, type NewAnswer } from './question-sets.service';
import { WORKFLOW_OBSERVER, type WorkflowObserver } from './workflow-observer';
import {
  check,
  coverage,
  LAST_STEP_ACTIONS,
  nextStatus,
  roleRefusal,
  transitionOf,
  who,
  type Refusal,
  type TransitionAction,
  type WorkflowAction,
} from './workflow';

export interface Assign {
  version: number;
  leadMinistry?: string;
  coSigningMinistries?: string[];
  assigneeId: string;
  /** The draft deadline, when the desk sets it rather than the policy. */
  internalDeadline?: CalendarDate;
}

export interface Transfer {
  version: number;
  toMinistry: string;
  reason: string;
}

export interface TransitionRequest {
  version: number;
  action: TransitionAction;
  /** request-changes: what must change. */
  comment?: string;
  /** mark-answered: the date the answer was sent, and by whom (the office holder). */
  answeredOn?: CalendarDate;
  answeredBy?: string;
  /** co-sign: the ministry signing (default: the signer's own). */
  ministry?: string;
  /** withdraw: why. */
  reason?: string;
}

export interface Postpone {
  version: number;
  sentOn: CalendarDate;
  newDeadline?: CalendarDate;
  reason: string;
}

export interface RevisionView {
  number: number;
  savedAt: string;
  savedBy: string;
  answers: NewAnswer[];
  /** Questions whose answer differs from the revision before. */
  changedQuestionNumbers: number[];
}

interface Step {
  manager: EntityManager;
  set: QuestionSet;
  /** Co-signing ministries, and those that have not signed yet. */
  coSigningCodes: string[];
  unsigned: string[];
  /** The numbers of the set's questions, in order. */
  questionNumbers: number[];
  /** The set as the step's last write returned it, if it did: then it is not read again after the step. */
  after?: QuestionSet;
}

/** Carries a set from arrival to answer: assign, draft, review, co-sign, postpone, answer. */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: QuestionSetQueries,
    private readonly store: QuestionSetStore,
    private readonly questionSets: QuestionSetsService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly config: DeskConfigService,
    private readonly ministries: MinistriesService,
    @Optional() @Inject(WORKFLOW_OBSERVER) private readonly observer?: WorkflowObserver,
  ) {}

  /**
   * Assigns the set to a drafter of the lead ministry, with internal deadlines in working days.
   * `warnings` says which internal deadlines had already passed and were moved to the next working days.
   */
  async assign(viewer: Viewer, id: string, request: Assign): Promise<QuestionSetView & { warnings: string[] }> {
    const warnings: string[] = [];
    const view = await this.act(viewer, id, request.version, 'assign', async ({ manager, set, coSigningCodes }) => {
      const lead = request.leadMinistry ?? set.leadMinistryCode;
      const coSigning = [...new Set(request.coSigningMinistries ?? coSigningCodes)].filter((code) => code !== lead);
      const problems: Problem[] = [];
      if (!lead) problems.push('Name the lead ministry (leadMinistry): the set has none yet.');
      // Work given out today goes to ministries that exist today.
      problems.push(...(await this.ministries.assignmentProblems(manager, [lead, ...coSigning], [this.clock.today()])));
      const assignee = await manager.findOne(User, { where: { id: request.assigneeId } });
      if (!assignee || !assignee.active) {
        problems.push({ text: `There is no active user ${request.assigneeId} to assign.`, see: { to: 'users' } });
      } else if (!assignee.roles.includes('drafter')) {
        problems.push(`${assignee.name} is not a drafter; assign the set to a drafter of ${lead}.`);
      } else if (assignee.ministryCode !== lead) {
        problems.push(`${assignee.name} is a drafter of ${assignee.ministryCode ?? 'no ministry'}, not of ${lead}; assign a drafter of the lead ministry.`);
      }
      if (request.internalDeadline) problems.push(...this.internalDeadlineProblems(set, request.internalDeadline));
      if (problems.length) throw new RuleViolation(problems);

      const planned = internalDeadlines(set.deadline, this.config.values.deadlines.internal, DUTCH_WORKING_DAYS, request.internalDeadline);
      if (request.internalDeadline && planned.draft !== request.internalDeadline) {
        warnings.push(
          `internalDeadline ${request.internalDeadline} is not a working day; the draft deadline is set to ${planned.draft}, the working day before.`,
        );
      }
      const caughtUp = catchUpInternalDeadlines(planned, this.clock.today(), set.deadline, DUTCH_WORKING_DAYS);
      warnings.push(...caughtUp.warnings);
      const internal = caughtUp.deadlines;
      await this.store.moveAssignments(manager, set.id, 'pending', 'ended');
      await this.store.addAssignment(manager, {
        questionSetId: set.id,
        ministryCode: lead!,
        assigneeId: assignee!.id,
        internalDeadline: internal.draft,
        assignedById: viewer.id,
      });
      await this.store.setCoSigningMinistries(manager, set.id, coSigning);
      await this.store.update(manager, set.id, {
        status: nextStatus('assign', this.counts(set, coSigningCodes, coSigningCodes)),
        leadMinistryCode: lead,
        assigneeId: assignee!.id,
        draftDeadline: internal.draft,
        reviewDeadline: internal.review,
        coSigningDeadline: internal.coSigning,
      });
      return { assignee: { id: assignee!.id, name: assignee!.name }, coSigningMinistries: coSigning, ...(warnings.length ? { warnings } : {}) };
    });
    return { ...view, warnings };
  }

  async accept(viewer: Viewer, id: string, version: number): Promise<QuestionSetView> {
    return this.act(viewer, id, version, 'accept', async ({ manager, set }) => {
      await this.store.moveAssignments(manager, set.id, 'pending', 'accepted');
      await this.store.update(manager, set.id, { status: nextStatus('accept', this.counts(set, [], [])) });
      return {};
    });
  }

  async reject(viewer: Viewer, id: string, version: number, reason: string): Promise<QuestionSetView> {
    return this.act(viewer, id, version, 'reject', async ({ manager, set }) => {
      await this.store.moveAssignments(manager, set.id, 'pending', 'rejected', reason);
      await this.store.update(manager, set.id, { status: nextStatus('reject', this.counts(set, [], [])), assigneeId: null });
      return { reason };
    });
  }

  async transfer(viewer: Viewer, id: string, request: Transfer): Promise<QuestionSetView> {
    return this.act(viewer, id, request.version, 'transfer', async ({ manager, set, coSigningCodes }) => {
      const problems = await this.ministries.assignmentProblems(manager, [request.toMinistry], [this.clock.today()]);
      if (problems.length) throw new RuleViolation(problems);
      if (request.toMinistry === set.leadMinistryCode) {
        throw new RuleViolation([`${request.toMinistry} already leads this set; transfer it to another ministry.`]);
      }
      await this.store.moveAssignments(manager, set.id, 'pending', 'transferred', request.reason);
      await this.store.moveAssignments(manager, set.id, 'accepted', 'transferred', request.reason);
      await this.store.setCoSigningMinistries(
        manager,
        set.id,
        coSigningCodes.filter((code) => code !== request.toMinistry),
      );
      await this.store.update(manager, set.id, {
        status: nextStatus('transfer', this.counts(set, [], [])),
        leadMinistryCode: request.toMinistry,
        assigneeId: null,
        draftDeadline: null,
        reviewDeadline: null,
        coSigningDeadline: null,
      });
      return { from: set.leadMinistryCode, to: request.toMinistry, reason: request.reason };
    });
  }

  /** Saves the draft answers; every save is kept as a revision. */
  async saveDraft(viewer: Viewer, id: string, version: number, answers: NewAnswer[]): Promise<QuestionSetView> {
    return this.act(viewer, id, version, 'save-draft', async (step) => {
      const { unknown } = coverage(step.questionNumbers, answers);
      if (unknown.length) {
        throw new RuleViolation([`This set has no ${questionsNamed(unknown)}; its questions are ${listed(step.questionNumbers)}.`]);
      }
      const saved = await this.store.saveDraft(step.manager, step.set.id, answers, viewer);
      step.after = saved.set;
      return { revision: saved.revision, answers: answers.length };
    });
  }

  async transition(viewer: Viewer, id: string, request: TransitionRequest): Promise<QuestionSetView> {
    return this.act(viewer, id, request.version, request.action, async (step) => {
      switch (request.action) {
        case 'submit-for-review':
          return this.submitForReview(step);
        case 'request-changes':
          return this.requestChanges(step, request.comment);
        case 'approve':
          return this.approve(step);
        case 'co-sign':
          return this.coSign(step, viewer, request.ministry);
        case 'mark-answered':
          return this.markAnswered(step, request.answeredOn, request.answeredBy);
        case 'withdraw':
          await this.store.update(step.manager, step.set.id, { status: nextStatus('withdraw', this.counts(step.set, [], [])) });
          return { reason: request.reason ?? null };
      }
    });
  }

  /** Registers an uitstelbericht: a new deadline in force; the statutory deadline stays. */
  async postpone(viewer: Viewer, id: string, request: Postpone): Promise<QuestionSetView> {
    return this.act(viewer, id, request.version, 'postpone', async ({ manager, set }) => {
      if (daysBetween(this.clock.today(), request.sentOn) > 0) {
        throw new RuleViolation([`sentOn ${request.sentOn} is in the future; register the notice when it has been sent.`]);
      }
      const newDeadline = await this.questionSets.recordPostponement(
        manager,
        set,
        { sentOn: request.sentOn, newDeadline: request.newDeadline, reason: request.reason },
        viewer.id,
      );
      return { sentOn: request.sentOn, newDeadline, reason: request.reason };
    });
  }

  async revisions(viewer: Viewer, id: string): Promise<RevisionView[]> {
    if (!(await this.queries.isVisible(viewer, id))) throw new QuestionSetNotFound(id);
    const revisions = await this.store.revisions(this.dataSource.manager, id);
    return revisions.map((revision, index) => ({
      number: revision.number,
      savedAt: revision.savedAt.toISOString(),
      savedBy: revision.savedByName,
      answers: revision.answers,
      changedQuestionNumbers: changedQuestions(revisions[index - 1]?.answers ?? [], revision.answers),
    }));
  }

  private async submitForReview({ manager, set, questionNumbers }: Step) {
    const answers = await this.store.answerCoverage(manager, set.id);
    const { uncovered, doublyCovered, unknown } = coverage(questionNumbers, answers);
    const problems = [
      uncovered.length ? `${capitalised(questionsNamed(uncovered))} ${counted(uncovered.length, 'has', 'have')} no answer yet.` : '',
      doublyCovered.length ? `${capitalised(questionsNamed(doublyCovered))} ${counted(doublyCovered.length, 'is', 'are')} answered more than once.` : '',
      unknown.length ? `The draft answers ${questionsNamed(unknown)}, which the set does not have.` : '',
    ].filter(Boolean);
    if (problems.length) throw new RuleViolation([...problems, 'Every question needs exactly one answer before review; save the draft again.']);
    await this.store.update(manager, set.id, { status: nextStatus('submit-for-review', this.counts(set, [], [])) });
    return {};
  }

  private async requestChanges({ manager, set }: Step, comment: string | undefined) {
    if (!comment?.trim()) throw new RuleViolation(['Say what must change (comment): the drafter reads it with the request.']);
    await this.store.clearSignatures(manager, set.id);
    await this.store.update(manager, set.id, { status: nextStatus('request-changes', this.counts(set, [], [])) });
    return { comment: comment.trim() };
  }

  private async approve({ manager, set, coSigningCodes }: Step) {
    await this.store.update(manager, set.id, { status: nextStatus('approve', this.counts(set, coSigningCodes, coSigningCodes)) });
    return { coSigningMinistries: coSigningCodes };
  }

  private async coSign({ manager, set, coSigningCodes, unsigned }: Step, viewer: Viewer, named: string | undefined) {
    const own = viewer.ministry?.code ?? null;
    if (own && named && named !== own) {
      throw new ActionNotPermitted(`You sign for ${own}; only someone of ${named} can sign for ${named}.`);
    }
    const ministry = named ?? own;
    if (!ministry)
      throw new RuleViolation([`Name the ministry you sign for (ministry): still to sign ${counted(unsigned.length, 'is', 'are')} ${listed(unsigned)}.`]);
    if (!coSigningCodes.includes(ministry)) {
      throw new RuleViolation([
        `${ministry} does not co-sign this set; ${counted(coSigningCodes.length, 'the co-signing ministry is', 'the co-signing ministries are')} ${listed(coSigningCodes)}.`,
      ]);
    }
    if (!unsigned.includes(ministry)) throw new RuleViolation([`${ministry} has already signed.`]);
    await this.store.addSignature(manager, { questionSetId: set.id, ministryCode: ministry, signedById: viewer.id, signedByName: viewer.name });
    const status = nextStatus('co-sign', { status: set.status, coSigners: coSigningCodes.length, unsignedAfter: unsigned.length - 1 });
    await this.store.update(manager, set.id, { status });
    return { ministry };
  }

  private async markAnswered({ manager, set }: Step, answeredOn: CalendarDate | undefined, answeredBy: string | undefined) {
    if (!answeredOn) throw new RuleViolation(['Give the date the answer was sent (answeredOn, YYYY-MM-DD).']);
    const problems: Problem[] = [];
    if (set.submittedOn && daysBetween(set.submittedOn, answeredOn) < 0) {
      problems.push(`answeredOn ${answeredOn} is before the questions were submitted (${set.submittedOn}).`);
    }
    if (daysBetween(this.clock.today(), answeredOn) > 0) problems.push(`answeredOn ${answeredOn} is in the future.`);
    if (problems.length) throw new RuleViolation(problems);
    await this.store.update(manager, set.id, {
      status: nextStatus('mark-answered', this.counts(set, [], [])),
      answeredOn,
      answeredBy: answeredBy?.trim() || null,
    });
    return { answeredOn, answeredBy: answeredBy ?? null };
  }

  /**
   * The frame of every step: lock the set, check it is visible, the role, the version, the status
   * and the scope, run the step, and record it in the trail, all in one transaction.
   */
  private async act(
    viewer: Viewer,
    id: string,
    version: number,
    action: WorkflowAction,
    step: (step: Step) => Promise<Record<string, unknown>>,
  ): Promise<QuestionSetView> {
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.queries.lockVisible(viewer, id, manager);
      if (!locked) throw new QuestionSetNotFound(id);
      const { set, coSigningCodes, signedCodes: signed, questionNumbers } = locked;
      const own = viewer.ministry?.code ?? null;
      // The rules need the codes only.
      set.coSigningMinistries = coSigningCodes.map((code) => ({ code }) as Ministry);
      set.coSignatures = signed.map((ministryCode) => ({ ministryCode }) as CoSignature);
      const facts = workflowFacts(set);
      const refusal = check(action, { id: viewer.id, roles: viewer.roles, ministryCode: own }, facts);
      if (refusal?.reason === 'role') throw new ActionNotPermitted(this.refusalMessage(action, refusal, viewer, set));
      if (set.version !== version) throw new StaleVersion(set.version, version);
      if (refusal?.reason === 'status') throw new TransitionNotAllowed(action, set.status, refusal.allowed);
      if (refusal) throw new ActionNotPermitted(this.refusalMessage(action, refusal, viewer, set));

      const before = this.questionSets.snapshot(set);
      const frame: Step = { manager, set, coSigningCodes, unsigned: facts.unsignedCoSigners as string[], questionNumbers };
      const details = await step(frame);
      if (LAST_STEP_ACTIONS.includes(action)) {
        const note = details.reason ?? details.comment;
        frame.after = await this.store.recordLastStep(manager, id, { action, at: this.clock.now(), note: typeof note === 'string' ? note : null });
      }
      const after = frame.after ?? (await this.store.byId(manager, id));
      await this.audit.record(manager, {
        questionSetId: id,
        actor: { id: viewer.id, name: viewer.name },
        type: action,
        details: { ...details, before, after: this.questionSets.snapshot(after) },
      });
      // Those the step reaches are told in this transaction: no notification without the step, no step without them.
      if (this.observer) {
        await this.observer.stepTaken(manager, {
          action,
          questionSetId: id,
          actor: { id: viewer.id, name: viewer.name },
          at: this.clock.now(),
          before: { status: set.status, leadMinistryCode: set.leadMinistryCode, assigneeId: set.assigneeId },
          after: { status: after.status, leadMinistryCode: after.leadMinistryCode, assigneeId: after.assigneeId },
          unsignedCoSigners: after.status === 'co_signing' ? await this.unsignedCoSigners(manager, id) : [],
          details,
        });
      }
    });
    // A desk officer of one ministry who transfers a set to another no longer sees it: they still
    // get the set as their step left it (with nothing more they may do), not a 404 for a step that was taken.
    try {
      return await this.questionSets.view(viewer, id);
    } catch (error) {
      if (!(error instanceof QuestionSetNotFound)) throw error;
      return { ...(await this.questionSets.view(WHOLE_DESK, id)), allowedActions: [] };
    }
  }

  private async unsignedCoSigners(manager: EntityManager, id: string): Promise<string[]> {
    const signed = await this.store.signatures(manager, id);
    return (await this.store.coSigningCodes(manager, id)).filter((code) => !signed.includes(code));
  }

  private refusalMessage(action: WorkflowAction, refusal: Refusal, viewer: Viewer, set: QuestionSet): string {
    switch (refusal.reason) {
      case 'role':
        return roleRefusal(action, viewer);
      case 'scope':
        switch (refusal.scope) {
          case 'assignee':
            return `Only the drafter this set is assigned to may ${action} it; you are ${who(viewer)}.`;
          case 'lead-ministry':
            return `Only ${transitionOf(action).roles.join(' or ')} of the lead ministry (${set.leadMinistryCode ?? 'none yet'}) may ${action.replace('-', ' ')} this set; you are ${who(viewer)}.`;
          case 'co-signing-ministry':
            return `Only a co-signing ministry that has not signed yet may co-sign (still to sign: ${listed(workflowFacts(set).unsignedCoSigners) || 'none'}); you are ${who(viewer)}.`;
          default:
            return `You may not ${action} this set.`;
        }
      default:
        return `You may not ${action} this set.`;
    }
  }

  private internalDeadlineProblems(set: QuestionSet, internalDeadline: CalendarDate): Problem[] {
    const problems: Problem[] = [];
    if (set.submittedOn && daysBetween(set.submittedOn, internalDeadline) < 0) {
      problems.push(`internalDeadline ${internalDeadline} is before the questions were submitted (${set.submittedOn}).`);
    }
    if (set.deadline && daysBetween(internalDeadline, set.deadline) < 0) {
      problems.push(`internalDeadline ${internalDeadline} is after the deadline in force (${set.deadline}); give an earlier date or register a postponement.`);
    }
    return problems;
  }

  private counts(set: QuestionSet, coSigningCodes: string[], unsigned: string[]) {
    return { status: set.status, coSigners: coSigningCodes.length, unsignedAfter: unsigned.length };
  }
}

function changedQuestions(before: NewAnswer[], after: NewAnswer[]): number[] {
  const textOf = (answers: NewAnswer[]) => {
    const map = new Map<number, string>();
    for (const a of answers) for (const n of a.questionNumbers) map.set(n, `${[...a.questionNumbers].sort().join(',')}|${a.text}`);
    return map;
  };
  const old = textOf(before);
  const now = textOf(after);
  return [...new Set([...old.keys(), ...now.keys()])].filter((n) => old.get(n) !== now.get(n)).sort((a, b) => a - b);
}
