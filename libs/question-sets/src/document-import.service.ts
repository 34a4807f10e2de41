import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditTrail, type Actor } from '@question-desk/audit';
import { Clock, effectiveDeadline } from '@question-desk/deadlines';
import { capitalised, counted, questionsNamed } from '@question-desk/errors';
import { documentText, parseDocument, type DocumentFile, type DocumentFormat, type ParsedDocument } from '@question-desk/documents';
import { MinistriesService } from '@question-desk/ministries';
import { proposedCoSigningMinistries, proposedLeadMinistry } from './ministry-proposal';
import { DataSource, EntityManager } from 'typeorm';
import { QuestionSet } from './question-set.entity';
import { QuestionSetStore, type SetChanges } from './question-set.store';
import type { QuestionSetView } from './question-set.view';
import { limitProblems } from './limits';
import { NoMatchingQuestionSet, QuestionsAlreadyInWork, RuleViolation, TransitionNotAllowed } from './question-sets.errors';
import { QuestionSetsService, WHOLE_DESK, type NewQuestionSet } from './question-sets.service';
import { actionsFrom, allowsFrom, nextStatus } from './workflow';

export interface ImportResult {
  questionSet: QuestionSetView;
  /** True when the document made a new set; false when it completed one, or was imported before. */
  created: boolean;
  /** False when this very document was imported before: nothing changed. */
  changed: boolean;
  kind: ParsedDocument['kind'];
  warnings: string[];
}

// One import at a time: matching a document to a set and writing it must not race another import
// of the same or a related document.
const IMPORT_LOCK = 7_301_001;

// How alike two question texts must be (pg_trgm similarity) to count as the same question, and
// what share of a document's questions must match one set for the document to belong to it.
const SAME_QUESTION = 0.6;
const SAME_SET_SHARE = 0.5;

/** The same document, whatever line endings or byte-order mark it came with. */
export function documentFingerprint(text: string): string {
  const canonical = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Reads documents of questions, answers and postponements into question sets. */
@Injectable()
export class DocumentImportService {
  private readonly logger = new Logger(DocumentImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly questionSets: QuestionSetsService,
    private readonly store: QuestionSetStore,
    private readonly ministries: MinistriesService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /**
   * Imports a file as the user gave it: text or markdown, Word (.docx) or PDF, told by its name and
   * confirmed by its bytes; its text goes through the same parser and rules as a text import.
   */
  async importFile(file: DocumentFile, actor: Actor): Promise<ImportResult & { format: DocumentFormat }> {
    const { format, text } = await documentText(file);
    return { ...(await this.importDocument(text, actor)), format };
  }

  async importDocument(text: string, actor: Actor): Promise<ImportResult> {
    const fingerprint = documentFingerprint(text);
    const parsed = parseDocument(text);
    // A document over the desk's limits is refused whole, before anything is matched or written.
    const problems = limitProblems(parsed);
    if (problems.length) throw new RuleViolation(problems);
    const warnings = [...parsed.warnings];
    const outcome = await this.dataSource.transaction(async (manager) => {
      await this.store.lockImports(manager, IMPORT_LOCK);
      const seen = await this.store.importedBefore(manager, fingerprint);
      if (seen) return { id: seen, created: false, changed: false };

      const match = await this.findMatch(manager, parsed);
      let id: string;
      let created = false;
      if (parsed.kind === 'postponement') {
        if (!match) throw new NoMatchingQuestionSet('This postponement notice');
        await this.postpone(manager, match, parsed, actor);
        id = match.id;
      } else if (match) {
        await this.complete(manager, match, parsed, actor);
        warnings.push(...(await this.correctQuestions(manager, match, parsed, actor)));
        id = match.id;
      } else {
        if (parsed.questions.length === 0) throw new NoMatchingQuestionSet('These answers');
        const set = await this.questionSets.createSet(manager, await this.newSetFrom(manager, parsed));
        await this.audit.record(manager, {
          questionSetId: set.id,
          actor,
          type: 'registered',
          details: { via: 'import', document: parsed.kind, after: this.questionSets.snapshot(set) },
        });
        if (parsed.answers.length) await this.complete(manager, set, parsed, actor);
        id = set.id;
        created = true;
      }
      await this.store.keepDocument(manager, { questionSetId: id, kind: parsed.kind, content: text, sha256: fingerprint, importedById: actor.id });
      return { id, created, changed: true };
    });
    if (outcome.changed) {
      this.logger.log({ questionSetId: outcome.id, kind: parsed.kind, created: outcome.created, warnings }, 'Document imported');
    }
    return {
      questionSet: await this.questionSets.view(WHOLE_DESK, outcome.id),
      created: outcome.created,
      changed: outcome.changed,
      kind: parsed.kind,
      warnings,
    };
  }

  /** The set a document belongs to: by reference, else appendix number, members and date, or question text. */
  private async findMatch(manager: EntityManager, doc: ParsedDocument): Promise<QuestionSet | null> {
    if (doc.reference) {
      const byReference = await this.store.bySetReference(manager, doc.reference);
      if (byReference) return byReference;
    }
    const compatible = (candidate: QuestionSet) =>
      (!doc.reference || !candidate.reference || candidate.reference === doc.reference) &&
      (!doc.submittedOn || !candidate.submittedOn || candidate.submittedOn === doc.submittedOn);

    if (doc.appendixNumber) {
      const byAppendix = (await this.store.byAppendixNumber(manager, doc.appendixNumber, doc.chamber)).filter(compatible);
      if (byAppendix.length === 1) return byAppendix[0];
    }
    if (doc.submittedOn && doc.submitters.length) {
      const names = doc.submitters.map((m) => m.name.toLowerCase());
      const candidates = (await this.store.bySubmittersAndDate(manager, doc.submittedOn, doc.chamber, names)).filter(compatible);
      if (candidates.length === 1) return candidates[0];
      if (candidates.length > 1)
        return this.byQuestionText(
          manager,
          doc,
          candidates.map((c) => c.id),
        );
    }
    return this.byQuestionText(manager, doc, null);
  }

  private async byQuestionText(manager: EntityManager, doc: ParsedDocument, among: string[] | null): Promise<QuestionSet | null> {
    if (doc.questions.length === 0) return null;
    const best = await this.store.byQuestionText(manager, {
      texts: doc.questions.map((q) => q.text),
      threshold: SAME_QUESTION,
      among,
      reference: doc.reference,
      submittedOn: doc.submittedOn,
      chamber: doc.chamber,
    });
    if (!best || best.hits < Math.ceil(doc.questions.length * SAME_SET_SHARE)) return null;
    return this.store.byId(manager, best.id);
  }

  private async newSetFrom(manager: EntityManager, doc: ParsedDocument): Promise<NewQuestionSet> {
    const lead = await this.leadMinistryOf(manager, doc, doc.submittedOn);
    return {
      reference: doc.reference,
      appendixNumber: doc.appendixNumber,
      chamber: doc.chamber,
      subject: doc.subject,
      submittedOn: doc.submittedOn,
      submitters: doc.submitters,
      addressees: doc.addressees,
      leadMinistryCode: lead,
      coSigningMinistryCodes: await this.coSigningMinistriesOf(manager, doc, lead, doc.submittedOn),
      explanatoryNote: doc.explanatoryNote,
      relatedReferences: doc.relatedReferences,
      questions: doc.questions,
    };
  }

  /** The department of whoever answered, else of the first minister asked, by the posts of the day the questions were put. */
  private async leadMinistryOf(manager: EntityManager, doc: ParsedDocument, submittedOn: string | null): Promise<string | null> {
    return proposedLeadMinistry(await this.ministries.directory(manager), [doc.answer?.answeredByPost, ...doc.addressees], this.dayOfPosts(doc, submittedOn));
  }

  /** "mede namens" when the answer says so, else the other ministers the questions were put to. */
  private async coSigningMinistriesOf(manager: EntityManager, doc: ParsedDocument, lead: string | null, submittedOn: string | null): Promise<string[]> {
    const posts = doc.answer ? doc.answer.coSigners : doc.addressees;
    return proposedCoSigningMinistries(await this.ministries.directory(manager), posts, lead, this.dayOfPosts(doc, submittedOn));
  }

  /** The submission date; without one, the day of the answer, else today. */
  private dayOfPosts(doc: ParsedDocument, submittedOn: string | null): string {
    return submittedOn ?? doc.answer?.answeredOn ?? this.clock.today();
  }

  /** Fills in what the set did not know yet, and records published answers. */
  private async complete(manager: EntityManager, set: QuestionSet, doc: ParsedDocument, actor: Actor): Promise<void> {
    const before = this.questionSets.snapshot(set);
    const changes: SetChanges = {};
    if (!set.reference && doc.reference) changes.reference = doc.reference;
    if (!set.appendixNumber && doc.appendixNumber) changes.appendixNumber = doc.appendixNumber;
    if (!set.subject && doc.subject) changes.subject = doc.subject;
    if (!set.explanatoryNote && doc.explanatoryNote) changes.explanatoryNote = doc.explanatoryNote;
    if (set.addressees.length === 0 && doc.addressees.length) changes.addressees = doc.addressees;
    const related = [...new Set([...set.relatedReferences, ...doc.relatedReferences])];
    if (related.length !== set.relatedReferences.length) changes.relatedReferences = related;
    if (!set.submittedOn && doc.submittedOn) {
      changes.submittedOn = doc.submittedOn;
      changes.statutoryDeadline = this.questionSets.statutoryDeadlineOf(set.chamber, doc.submittedOn);
      const postponements = await this.store.postponements(manager, set.id);
      changes.deadline = effectiveDeadline(changes.statutoryDeadline, postponements);
    }
    const submittedOn = set.submittedOn ?? doc.submittedOn;
    const lead = set.leadMinistryCode ?? (await this.leadMinistryOf(manager, doc, submittedOn));
    if (!set.leadMinistryCode && lead) changes.leadMinistryCode = lead;

    if (!(await this.store.hasSubmitters(manager, set.id)) && doc.submitters.length) await this.store.setSubmitters(manager, set.id, doc.submitters);
    const questionCount = (await this.store.questionNumbers(manager, set.id)).length;
    if (questionCount === 0 && doc.questions.length) await this.store.setQuestions(manager, set.id, doc.questions);

    if (doc.answers.length) {
      // Published answers land through the workflow table, like any change of status.
      if (!allowsFrom('import-answers', set.status)) throw new TransitionNotAllowed('import-answers', set.status, actionsFrom(set.status));
      if (!doc.answer?.answeredOn) {
        throw new RuleViolation(['The answers carry no "ontvangen" date, so the desk cannot tell when the set was answered.']);
      }
      await this.store.setAnswers(manager, set.id, doc.answers);
      Object.assign(changes, {
        status: nextStatus('import-answers', { status: set.status, coSigners: 0, unsignedAfter: 0 }),
        answeredOn: doc.answer.answeredOn,
        answeredBy: doc.answer.answeredBy,
        answeredByPost: doc.answer.answeredByPost,
      });
      if (doc.answer.answeredByPost) {
        await this.ministries.officeHolder(manager, doc.answer.answeredByPost, doc.answer.answeredBy, doc.answer.answeredOn);
      }
      const coSigning = await this.coSigningMinistriesOf(manager, doc, lead, submittedOn);
      if (coSigning.length) await this.store.setCoSigningMinistries(manager, set.id, coSigning);
    }
    await this.store.update(manager, set.id, changes);
    await this.store.refreshSearchVector(manager, set.id);
    const after = this.questionSets.snapshot({ ...set, ...changes });
    await this.audit.record(manager, {
      questionSetId: set.id,
      actor,
      type: doc.answers.length ? 'answers-imported' : 'document-imported',
      details: { document: doc.kind, before, after, answers: doc.answers.length || undefined },
    });
  }

  /**
   * A questions document with the set's reference whose questions differ from the set's: a
   * corrected version (a typo fixed, a question added). While nobody has begun the answers (received, assigned) the desk
   * takes the corrected questions, records "questions-corrected" in the trail and reports it; once
   * the answers are being written it refuses (409), since the draft answers the old questions.
   */
  private async correctQuestions(manager: EntityManager, set: QuestionSet, doc: ParsedDocument, actor: Actor): Promise<string[]> {
    if (doc.kind !== 'questions' || doc.questions.length === 0) return [];
    const stored = await this.store.questions(manager, set.id);
    const textOf = new Map(stored.map((q) => [q.number, q.text]));
    const numbers = [...new Set([...stored.map((q) => q.number), ...doc.questions.map((q) => q.number)])].sort((a, b) => a - b);
    const newTextOf = new Map(doc.questions.map((q) => [q.number, q.text]));
    const changed = numbers.filter((n) => textOf.get(n) !== newTextOf.get(n));
    if (changed.length === 0 || stored.length === 0) return [];
    if (!doc.reference || doc.reference !== set.reference) {
      // Matched by members, date or question text, not by reference: too weak to overwrite what is registered.
      return [
        `The text of ${questionsNamed(changed)} in this document differs from the set it was matched to; the set keeps its registered questions (the document names no reference of that set).`,
      ];
    }
    if (!['received', 'assigned'].includes(set.status)) throw new QuestionsAlreadyInWork(set.id, set.status, changed);
    await this.store.setQuestions(manager, set.id, doc.questions);
    await this.store.refreshSearchVector(manager, set.id, { newVersion: true });
    await this.audit.record(manager, {
      questionSetId: set.id,
      actor,
      type: 'questions-corrected',
      details: {
        via: 'import',
        changedQuestionNumbers: changed,
        before: stored.map((q) => ({ number: q.number, text: q.text })),
        after: doc.questions.map((q) => ({ number: q.number, text: q.text })),
      },
    });
    return [
      `${capitalised(questionsNamed(changed))} of this set ${counted(changed.length, 'was', 'were')} replaced by the corrected text of this document (see the set's events).`,
    ];
  }

  private async postpone(manager: EntityManager, set: QuestionSet, doc: ParsedDocument, actor: Actor): Promise<void> {
    const notice = doc.postponement!;
    const sentOn = notice.sentOn ?? this.clock.today();
    const before = this.questionSets.snapshot(set);
    const reason = notice.reason ?? 'Mededeling uitstel';
    const newDeadline = await this.questionSets.recordPostponement(manager, set, { sentOn, newDeadline: notice.newDeadline, reason }, actor.id);
    await this.audit.record(manager, {
      questionSetId: set.id,
      actor,
      type: 'postponed',
      details: { via: 'import', before, after: { ...before, deadline: newDeadline }, sentOn, newDeadline, reason },
    });
  }
}
