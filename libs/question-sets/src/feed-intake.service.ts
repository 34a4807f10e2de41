import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@question-desk/audit';
import { effectiveDeadline, type CalendarDate } from '@question-desk/deadlines';
import { MinistriesService } from '@question-desk/ministries';
import type { EntityManager } from 'typeorm';
import { proposedCoSigningMinistries } from './ministry-proposal';
import type { QuestionSet } from './question-set.entity';
import { QuestionSetStore, type SetChanges } from './question-set.store';
import { Answer } from './answer.entity';
import { QuestionSetSubmitter } from './question-set-submitter.entity';
import { QuestionSetsService, type NewAnswer, type NewMember, type NewQuestion, type NewQuestionSet } from './question-sets.service';
import { isOpen, type QuestionSetStatus } from './statuses';
import { allowsFrom, nextStatus, type WorkflowAction } from './workflow';

// The same lock as the document import (DocumentImportService): a document imported by hand and the
// same case arriving from the Kamer's open data are matched and written one after the other.
const IMPORT_LOCK = 7_301_001;

/** What the intake may compare and change of a set: the fields a Zaak carries. */
export interface FeedFields {
  subject: string | null;
  submittedOn: CalendarDate | null;
  submitters: NewMember[];
  addressees: string[];
}

/** A set as the intake sees it when it decides what a change from the open data may touch. */
export interface FeedSetFacts extends FeedFields {
  id: string;
  reference: string | null;
  status: QuestionSetStatus;
  answeredOn: CalendarDate | null;
  answeredBy: string | null;
  questions: NewQuestion[];
  answers: NewAnswer[];
}

export interface FeedAnswers {
  answers: NewAnswer[];
  answeredOn: CalendarDate;
  answeredBy: string | null;
  answeredByPost: string | null;
  coSigners: string[];
  appendixNumber: string | null;
}

/** Why the table refused an intake step: the set's status does not allow it. */
export type FeedRefusal = { refused: true; status: QuestionSetStatus } | { refused: false };

/**
 * The question-set side of the Tweede Kamer intake (libs/intake): every write it makes to a set, in
 * the caller's transaction, through the workflow table and the audit trail. It never decides what
 * wins when the desk and the open data disagree: the intake decides that, this only writes.
 */
@Injectable()
export class FeedIntakeService {
  constructor(
    private readonly questionSets: QuestionSetsService,
    private readonly store: QuestionSetStore,
    private readonly ministries: MinistriesService,
    private readonly audit: AuditTrail,
  ) {}

  /** Waits for any document import in flight, until the caller's transaction ends. */
  lockImports(manager: EntityManager): Promise<void> {
    return this.store.lockImports(manager, IMPORT_LOCK);
  }

  /**
   * The set this case is already on the desk as: by reference, else (a set imported by hand from a
   * document without reference) by its submitters and submission date, when exactly one fits.
   */
  async findSet(manager: EntityManager, match: { reference: string; submittedOn: CalendarDate | null; submitters: NewMember[] }): Promise<string | null> {
    const byReference = await this.store.bySetReference(manager, match.reference);
    if (byReference) return byReference.id;
    if (!match.submittedOn || match.submitters.length === 0) return null;
    const names = match.submitters.map((m) => m.name.toLowerCase());
    const candidates = (await this.store.bySubmittersAndDate(manager, match.submittedOn, 'TK', names)).filter((set) => !set.reference);
    return candidates.length === 1 ? candidates[0].id : null;
  }

  /** The set, locked for the rest of the transaction, with what the intake compares. */
  async facts(manager: EntityManager, id: string): Promise<FeedSetFacts | null> {
    const set = await this.store.lock(manager, id);
    if (!set) return null;
    // Read in the caller's transaction: the set may have been registered in it a moment ago.
    const submitters = await manager.find(QuestionSetSubmitter, { where: { questionSetId: id }, relations: { member: true }, order: { position: 'ASC' } });
    const answers = await manager.find(Answer, { where: { questionSetId: id }, order: { position: 'ASC' } });
    return {
      id,
      reference: set.reference,
      status: set.status,
      subject: set.subject,
      submittedOn: set.submittedOn,
      addressees: set.addressees,
      submitters: submitters.map(({ member }) => ({ name: member.name, party: member.party })),
      answeredOn: set.answeredOn,
      answeredBy: set.answeredBy,
      questions: (await this.store.questions(manager, id)).map((q) => ({ number: q.number, text: q.text, footnotes: q.footnotes })),
      answers: answers.map((a) => ({ questionNumbers: a.questionNumbers, text: a.text, footnotes: a.footnotes })),
    };
  }

  /** A new set from a Zaak; the trail says it came from the open data and from which case. */
  async register(manager: EntityManager, input: NewQuestionSet, actor: Actor, provenance: Record<string, unknown>): Promise<string> {
    const set = await this.questionSets.createSet(manager, input);
    await this.audit.record(manager, {
      questionSetId: set.id,
      actor,
      type: 'registered',
      details: { via: 'open-data', ...provenance, after: this.questionSets.snapshot(set) },
    });
    return set.id;
  }

  /** Takes the fields the open data changed and the desk had not; `changes` holds only those. */
  async update(manager: EntityManager, id: string, changes: Partial<FeedFields> & { reference?: string }, actor: Actor, details: Record<string, unknown>) {
    const set = await this.store.byId(manager, id);
    const before = this.questionSets.snapshot(set);
    const columns: SetChanges = {};
    if (changes.reference !== undefined) columns.reference = changes.reference;
    if (changes.subject !== undefined) columns.subject = changes.subject;
    if (changes.addressees !== undefined) columns.addressees = changes.addressees;
    if (changes.submittedOn !== undefined) {
      columns.submittedOn = changes.submittedOn;
      columns.statutoryDeadline = this.questionSets.statutoryDeadlineOf(set.chamber, changes.submittedOn);
      columns.deadline = effectiveDeadline(columns.statutoryDeadline, await this.store.postponements(manager, id));
    }
    if (changes.submitters !== undefined) await this.store.setSubmitters(manager, id, changes.submitters);
    if (Object.keys(columns).length) await this.store.update(manager, id, columns);
    await this.store.refreshSearchVector(manager, id, { newVersion: Object.keys(columns).length === 0 });
    await this.audit.record(manager, {
      questionSetId: id,
      actor,
      type: 'open-data-updated',
      details: { ...details, fields: Object.keys(changes), before, after: this.questionSets.snapshot({ ...set, ...columns }) },
    });
  }

  /** The published questions of a set registered before its text appeared. */
  async fillQuestions(manager: EntityManager, id: string, questions: NewQuestion[], actor: Actor, details: Record<string, unknown>): Promise<void> {
    await this.store.setQuestions(manager, id, questions);
    await this.store.refreshSearchVector(manager, id, { newVersion: true });
    await this.audit.record(manager, { questionSetId: id, actor, type: 'open-data-questions', details: { ...details, questions: questions.length } });
  }

  /** The published answers: the table's `import-answers`, as for an imported answer document. */
  async importAnswers(manager: EntityManager, id: string, published: FeedAnswers, actor: Actor, details: Record<string, unknown>): Promise<FeedRefusal> {
    const set = await this.store.byId(manager, id);
    if (!allowsFrom('import-answers', set.status)) return { refused: true, status: set.status };
    const before = this.questionSets.snapshot(set);
    await this.store.setAnswers(manager, id, published.answers);
    const changes: SetChanges = {
      status: nextStatus('import-answers', { status: set.status, coSigners: 0, unsignedAfter: 0 }),
      answeredOn: published.answeredOn,
      answeredBy: published.answeredBy,
      answeredByPost: published.answeredByPost,
    };
    if (!set.appendixNumber && published.appendixNumber) changes.appendixNumber = published.appendixNumber;
    if (published.answeredByPost) await this.ministries.officeHolder(manager, published.answeredByPost, published.answeredBy, published.answeredOn);
    const coSigning = proposedCoSigningMinistries(await this.ministries.directory(manager), published.coSigners, set.leadMinistryCode, published.answeredOn);
    if (coSigning.length) await this.store.setCoSigningMinistries(manager, id, coSigning);
    await this.store.update(manager, id, changes);
    await this.store.refreshSearchVector(manager, id);
    await this.audit.record(manager, {
      questionSetId: id,
      actor,
      type: 'answers-imported',
      details: { via: 'open-data', ...details, before, after: this.questionSets.snapshot({ ...set, ...changes }), answers: published.answers.length },
    });
    return { refused: false };
  }

  /** A published postponement notice: the table's `intake-postpone`; three more weeks unless it names a date. */
  async postpone(
    manager: EntityManager,
    id: string,
    notice: { sentOn: CalendarDate; newDeadline: CalendarDate | null; reason: string },
    actor: Actor,
    details: Record<string, unknown>,
  ): Promise<FeedRefusal> {
    return this.step(manager, id, 'intake-postpone', actor, details, async (set) => {
      const newDeadline = await this.questionSets.recordPostponement(manager, set, notice, null);
      return { sentOn: notice.sentOn, newDeadline, reason: notice.reason };
    });
  }

  /** A published withdrawal: the table's `intake-withdraw`. */
  async withdraw(manager: EntityManager, id: string, reason: string, actor: Actor, details: Record<string, unknown>): Promise<FeedRefusal> {
    return this.step(manager, id, 'intake-withdraw', actor, details, async (set) => {
      await this.store.update(manager, id, { status: nextStatus('intake-withdraw', { status: set.status, coSigners: 0, unsignedAfter: 0 }) });
      return { reason };
    });
  }

  /** Something the intake noticed on a set and records without changing it: a conflict, a deletion at the source. */
  async note(manager: EntityManager, id: string, type: string, actor: Actor, details: Record<string, unknown>): Promise<void> {
    await this.audit.record(manager, { questionSetId: id, actor, type, details });
  }

  private async step(
    manager: EntityManager,
    id: string,
    action: WorkflowAction,
    actor: Actor,
    details: Record<string, unknown>,
    change: (set: QuestionSet) => Promise<Record<string, unknown>>,
  ): Promise<FeedRefusal> {
    const set = await this.store.byId(manager, id);
    if (!allowsFrom(action, set.status) || !isOpen(set.status)) return { refused: true, status: set.status };
    const before = this.questionSets.snapshot(set);
    const own = await change(set);
    const after = await this.store.byId(manager, id);
    await this.audit.record(manager, {
      questionSetId: id,
      actor,
      type: action,
      details: { via: 'open-data', ...details, ...own, before, after: this.questionSets.snapshot(after) },
    });
    return { refused: false };
  }
}
