import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import { AuditTrail, type Actor } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { counted, listed, type Problem } from '@question-desk/errors';
import { PG_UNIQUE_VIOLATION, postgresConstraint, postgresErrorCode } from '@question-desk/database';
import {
  chamberRules,
  Clock,
  daysBetween,
  defaultPostponedDeadline,
  DUTCH_WORKING_DAYS,
  effectiveDeadline,
  shiftInternalDeadlines,
  statutoryDeadline,
  type CalendarDate,
  type Chamber,
  type ChamberRule,
} from '@question-desk/deadlines';
import { MinistriesService } from '@question-desk/ministries';
import { DataSource, EntityManager } from 'typeorm';
import type { Footnote } from './footnote';
import { proposedCoSigningMinistries, proposedLeadMinistry } from './ministry-proposal';
import { QuestionSetQueries, type Page, type QuestionSetFilter } from './question-set.queries';
import { QuestionSet } from './question-set.entity';
import { QuestionSetStore } from './question-set.store';
import { toView, type QuestionSetView } from './question-set.view';
import { DuplicateReference, QuestionSetNotFound, RuleViolation } from './question-sets.errors';
import { isOpen } from './statuses';

export interface NewMember {
  name: string;
  party: string | null;
}

export interface NewQuestion {
  number: number;
  text: string;
  footnotes: Footnote[];
}

export interface NewAnswer {
  questionNumbers: number[];
  text: string;
  footnotes: Footnote[];
}

/** What the desk knows of a set when it registers it, by hand or from a document. */
export interface NewQuestionSet {
  reference: string | null;
  appendixNumber: string | null;
  chamber: Chamber;
  subject: string | null;
  submittedOn: CalendarDate | null;
  submitters: NewMember[];
  addressees: string[];
  leadMinistryCode: string | null;
  coSigningMinistryCodes: string[];
  explanatoryNote: string | null;
  relatedReferences: string[];
  questions: NewQuestion[];
}

/** Manual intake: without ministries given, they are proposed from the addressees. */
export type Intake = Omit<NewQuestionSet, 'leadMinistryCode' | 'coSigningMinistryCodes'> & {
  leadMinistryCode?: string;
  coSigningMinistryCodes?: string[];
};

export interface NewPostponement {
  sentOn: CalendarDate;
  /** Absent: three more weeks (POSTPONEMENT_WEEKS) on the deadline in force, the House's practice. */
  newDeadline?: CalendarDate | null;
  reason: string;
}

export interface AuditEventView {
  at: string;
  actor: string;
  type: string;
  details: Record<string, unknown>;
}

/** Reading a set for the desk's own work, not for a viewer: say so where it is done. */
export const WHOLE_DESK = 'whole-desk';

/** The use cases of a question set's registration and reading. Each write is one transaction. */
@Injectable()
export class QuestionSetsService {
  private readonly rules: Record<Chamber, ChamberRule>;
  private readonly postponementWeeks: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: QuestionSetQueries,
    private readonly store: QuestionSetStore,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly ministries: MinistriesService,
    config: DeskConfigService,
  ) {
    this.rules = chamberRules(config.values.deadlines);
    this.postponementWeeks = config.values.deadlines.postponementWeeks;
  }

  async list(viewer: Viewer, filter: QuestionSetFilter): Promise<Page<QuestionSetView>> {
    const today = this.clock.today();
    const page = await this.queries.list(viewer, filter, today);
    return { ...page, items: page.items.map((set) => toView(set, today, false)) };
  }

  async get(viewer: Viewer, id: string): Promise<QuestionSetView> {
    const set = await this.queries.findVisible(viewer, id);
    if (!set) throw new QuestionSetNotFound(id);
    return toView(set, this.clock.today(), true, viewer);
  }

  /**
   * A set as `reader` may see it, with the actions they may take next; `WHOLE_DESK` for the desk's
   * own work (what an import or an intake registered, whichever ministry it went to).
   */
  async view(reader: Viewer | typeof WHOLE_DESK, id: string): Promise<QuestionSetView> {
    if (reader !== WHOLE_DESK) return this.get(reader, id);
    const [set] = await this.queries.load([id], true);
    if (!set) throw new QuestionSetNotFound(id);
    return toView(set, this.clock.today(), true);
  }

  /** Whether the desk holds any question set at all (the demo data goes only into an empty desk). */
  existsAny(): Promise<boolean> {
    return this.store.existsAny(this.dataSource.manager);
  }

  async events(viewer: Viewer, id: string): Promise<AuditEventView[]> {
    if (!(await this.queries.isVisible(viewer, id))) throw new QuestionSetNotFound(id);
    const events = await this.audit.forQuestionSet(id);
    return events.map((e) => ({ at: e.at.toISOString(), actor: e.actorName, type: e.type, details: e.details }));
  }

  /** Manual intake by a desk officer. */
  async intake(intake: Intake, actor: Actor): Promise<QuestionSetView> {
    // The posts valid on the day the questions were put decide, not today's.
    const directory = await this.ministries.directory();
    const on = intake.submittedOn ?? this.clock.today();
    const lead = intake.leadMinistryCode ?? proposedLeadMinistry(directory, intake.addressees, on);
    const input: NewQuestionSet = {
      ...intake,
      leadMinistryCode: lead,
      coSigningMinistryCodes: (intake.coSigningMinistryCodes ?? proposedCoSigningMinistries(directory, intake.addressees, lead, on)).filter(
        (code) => code !== lead,
      ),
    };
    const id = await this.dataSource.transaction(async (manager) => {
      const set = await this.createSet(manager, input);
      await this.audit.record(manager, {
        questionSetId: set.id,
        actor,
        type: 'registered',
        details: { via: 'intake', after: this.snapshot(set) },
      });
      return set.id;
    });
    return this.view(WHOLE_DESK, id);
  }

  statutoryDeadlineOf(chamber: Chamber, submittedOn: CalendarDate | null): CalendarDate | null {
    return submittedOn ? statutoryDeadline(submittedOn, this.rules[chamber]) : null;
  }

  /** Checks and inserts a new set with its members, questions and co-signing ministries. */
  async createSet(manager: EntityManager, input: NewQuestionSet): Promise<QuestionSet> {
    // A ministry valid when the questions were put, or today, may lead or co-sign.
    const days = [this.clock.today(), ...(input.submittedOn ? [input.submittedOn] : [])];
    this.assertRules(input, await this.ministries.assignmentProblems(manager, [input.leadMinistryCode, ...input.coSigningMinistryCodes], days));
    const statutory = this.statutoryDeadlineOf(input.chamber, input.submittedOn);
    if (input.reference) {
      const existingId = await this.store.idOfReference(manager, input.reference);
      if (existingId) throw new DuplicateReference(input.reference, existingId);
    }
    let set: QuestionSet;
    try {
      set = await this.store.insert(manager, {
        reference: input.reference,
        appendixNumber: input.appendixNumber,
        chamber: input.chamber,
        subject: input.subject,
        submittedOn: input.submittedOn,
        addressees: input.addressees,
        leadMinistryCode: input.leadMinistryCode,
        explanatoryNote: input.explanatoryNote,
        relatedReferences: input.relatedReferences,
        statutoryDeadline: statutory,
        deadline: statutory,
        status: 'received',
      });
    } catch (error) {
      // Registered by someone else between our check and our insert.
      if (postgresErrorCode(error) === PG_UNIQUE_VIOLATION && postgresConstraint(error) === 'question_set_reference') {
        throw new DuplicateReference(input.reference!, null);
      }
      throw error;
    }
    await this.store.setSubmitters(manager, set.id, input.submitters);
    await this.store.setCoSigningMinistries(
      manager,
      set.id,
      input.coSigningMinistryCodes.filter((c) => c !== input.leadMinistryCode),
    );
    await this.store.setQuestions(manager, set.id, input.questions);
    await this.store.refreshSearchVector(manager, set.id);
    return set;
  }

  private assertRules(input: NewQuestionSet, ministryProblems: Problem[]): void {
    const problems: Problem[] = [...ministryProblems];
    const today = this.clock.today();
    if (input.submittedOn && daysBetween(today, input.submittedOn) > 0) {
      problems.push(`submittedOn ${input.submittedOn} is in the future; use the "ingezonden" date on the document.`);
    }
    const numbers = input.questions.map((q) => q.number);
    const doubled = numbers.filter((n, i) => numbers.indexOf(n) !== i);
    const twice = [...new Set(doubled)];
    if (twice.length)
      problems.push(
        `${counted(twice.length, 'Question number', 'Question numbers')} ${listed(twice)} ${counted(twice.length, 'occurs', 'occur')} more than once.`,
      );
    if (problems.length) throw new RuleViolation(problems);
  }

  /**
   * Records a postponement notice: the deadline in force moves, the lead ministry's internal
   * deadlines move with it (as many working days before it as they were), the statutory deadline stays. Returns the new deadline.
   * Callers check the set's version.
   */
  async recordPostponement(manager: EntityManager, set: QuestionSet, notice: NewPostponement, registeredById: string | null): Promise<CalendarDate> {
    if (!isOpen(set.status)) {
      throw new RuleViolation([`This question set is ${set.status}; a postponement can only be registered while it is open.`]);
    }
    if (set.submittedOn && daysBetween(set.submittedOn, notice.sentOn) < 0) {
      throw new RuleViolation([`sentOn ${notice.sentOn} is before the questions were submitted (${set.submittedOn}).`]);
    }
    const newDeadline = notice.newDeadline ?? (set.deadline ? defaultPostponedDeadline(set.deadline, this.postponementWeeks) : null);
    if (!newDeadline) {
      throw new RuleViolation(['Give the new deadline (newDeadline): the set has no submission date to count three more weeks from.']);
    }
    if (set.deadline && daysBetween(set.deadline, newDeadline) <= 0) {
      throw new RuleViolation([`newDeadline ${newDeadline} must be after the deadline now in force (${set.deadline}).`]);
    }
    const previous = (await this.store.postponements(manager, set.id)).at(-1);
    if (previous && daysBetween(previous.sentOn, notice.sentOn) < 0) {
      throw new RuleViolation([
        `sentOn ${notice.sentOn} is before the previous postponement notice (sent on ${previous.sentOn}); a later notice cannot have been sent earlier. Check the date.`,
      ]);
    }
    await this.store.addPostponement(manager, { questionSetId: set.id, sentOn: notice.sentOn, newDeadline, reason: notice.reason, registeredById });
    const all = await this.store.postponements(manager, set.id);
    const internal = set.deadline
      ? shiftInternalDeadlines(
          { draft: set.draftDeadline, review: set.reviewDeadline, coSigning: set.coSigningDeadline },
          set.deadline,
          newDeadline,
          DUTCH_WORKING_DAYS,
        )
      : { draft: set.draftDeadline, review: set.reviewDeadline, coSigning: set.coSigningDeadline };
    await this.store.update(manager, set.id, {
      deadline: effectiveDeadline(set.statutoryDeadline, all)!,
      draftDeadline: internal.draft,
      reviewDeadline: internal.review,
      coSigningDeadline: internal.coSigning,
    });
    return newDeadline;
  }

  /** The fields an audit event keeps of a set, before and after a change. */
  snapshot(set: QuestionSet): Record<string, unknown> {
    return {
      reference: set.reference,
      appendixNumber: set.appendixNumber,
      chamber: set.chamber,
      subject: set.subject,
      submittedOn: set.submittedOn,
      leadMinistry: set.leadMinistryCode,
      status: set.status,
      statutoryDeadline: set.statutoryDeadline,
      deadline: set.deadline,
      answeredOn: set.answeredOn,
      answeredBy: set.answeredBy,
    };
  }
}
