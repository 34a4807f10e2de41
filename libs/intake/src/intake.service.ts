import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { Clock } from '@question-desk/deadlines';
import { readAnswerHeader, type ParsedDocument } from '@question-desk/documents';
import type { PublishedDocument } from './kamervragen-xml';
import { DeskError } from '@question-desk/errors';
import {
  FeedIntakeService,
  proposedCoSigningMinistries,
  proposedLeadMinistry,
  QuestionSetsService,
  type FeedFields,
  type FeedSetFacts,
} from '@question-desk/question-sets';
import { MinistriesService, type MinistryDirectory } from '@question-desk/ministries';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { TkSources, type IntakeEntity } from './gegevensmagazijn';
import { IntakeStore, type IntakeCase, type IntakeRunRow } from './intake.store';
import { mergeField, same } from './merge';
import { SourceFault, type RequestPolicy } from './source-http';
import {
  amsterdamDate,
  appendixNumberOf,
  caseFieldsOf,
  DOCUMENT_KINDS,
  forThisDesk,
  publicationIdOf,
  WRITTEN_QUESTIONS,
  type CaseFields,
  type TkDocument,
  type TkZaak,
} from './tk-records';

/** Who the audit trail names for what the open data brought. */
export const INTAKE_ACTOR: Actor = { id: null, name: 'de intake' };

// One run at a time across every process: a session advisory lock, let go when the run ends or its connection dies.
const INTAKE_LOCK = 7_335_001;
// Per run, at most this many documents whose text was not published yet, and cases without questions, are tried again.
const RETRIES_PER_RUN = 50;
// Distinct skip reasons kept per run (each with its count); the rest are counted under one.
const MAX_REASONS = 30;

export type IntakeTrigger = 'schedule' | 'by-hand';

/** What a run did, for GET /api/intake. */
export interface IntakeRunView {
  id: string;
  trigger: IntakeTrigger;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  created: number;
  completed: number;
  updated: number;
  skipped: number;
  conflicts: number;
  skipReasons: { reason: string; count: number }[];
  error: string | null;
}

/** Where a set came from in the open data, and where the open data and the desk disagreed. */
export interface ProvenanceView {
  zaakId: string | null;
  reference: string | null;
  zaakLink: string | null;
  deletedAtSource: boolean;
  questionsPending: boolean;
  documents: {
    documentId: string;
    soort: string;
    documentNumber: string | null;
    publicationId: string | null;
    link: string;
    publicationLink: string | null;
    datedOn: string | null;
    state: string;
    note: string | null;
  }[];
  conflicts: { field: string; deskValue: unknown; feedValue: unknown; noticedAt: string }[];
}

/** A document of a written-questions case, from the feed or from the intake's own record of one waiting for its text. */
interface FeedDocument {
  id: string;
  zaakId: string;
  zaakNummer: string | null;
  soort: string;
  documentNumber: string | null;
  publicationId: string | null;
  datedOn: string | null;
  appendixNumber: string | null;
  changedAt: string;
  deleted: boolean;
}

class Tally {
  /** @param directory the ministry directory, read once in the run (at the first case that needs it) */
  constructor(readonly directory: () => Promise<MinistryDirectory>) {}

  created = 0;
  completed = 0;
  updated = 0;
  skipped = 0;
  conflicts = 0;
  readonly reasons = new Map<string, number>();

  /** The counts as they are, to go back to when a transaction that counted rolls back. */
  checkpoint(): number[] {
    return [this.created, this.completed, this.updated, this.skipped, this.conflicts];
  }

  restore([created, completed, updated, skipped, conflicts]: number[]): void {
    Object.assign(this, { created, completed, updated, skipped, conflicts });
  }

  skip(reason: string): void {
    this.skipped++;
    const key = this.reasons.has(reason) || this.reasons.size < MAX_REASONS ? reason : 'other reasons';
    this.reasons.set(key, (this.reasons.get(key) ?? 0) + 1);
  }
}

const FIELDS: (keyof FeedFields)[] = ['subject', 'submittedOn', 'submitters', 'addressees'];

/**
 * The intake from the Tweede Kamer's open data: reads what changed since the last run (a watermark
 * per entity), makes a set of each new written-questions case, and completes it with its answers,
 * postponements and withdrawal, each case and each document in a transaction of its own. It never
 * overwrites what the desk changed by hand: such a disagreement is recorded as a conflict.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger('Intake');
  private readonly sources: TkSources;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: IntakeStore,
    private readonly feed: FeedIntakeService,
    private readonly questionSets: QuestionSetsService,
    private readonly config: DeskConfigService,
    private readonly clock: Clock,
    private readonly ministries: MinistriesService,
  ) {
    const settings = config.values.intake;
    const policy: RequestPolicy = { timeoutMs: settings.timeoutMs, attempts: settings.attempts, retryDelayMs: settings.retryDelayMs };
    this.sources = new TkSources(settings, policy);
  }

  /** One whole run; null when another process is running one. */
  async run(trigger: IntakeTrigger): Promise<IntakeRunView | null> {
    const begun = await this.begin(trigger);
    if (!begun) return null;
    return this.carryOut(begun.runner, begun.runId);
  }

  /** Starts a run and lets it go on in the background; null when one is running already. */
  async start(trigger: IntakeTrigger): Promise<IntakeRunView | null> {
    const begun = await this.begin(trigger);
    if (!begun) return null;
    const [started] = (await this.lastRuns(1)).filter((r) => r.id === begun.runId);
    void this.carryOut(begun.runner, begun.runId).catch((error: Error) => this.logger.error({ error: error.message }, 'Intake run stopped'));
    return started;
  }

  async lastRuns(limit = 20): Promise<IntakeRunView[]> {
    const rows = await this.store.lastRuns(this.dataSource.manager, limit);
    return rows.map(runView);
  }

  /** The set's provenance; the caller has checked that the viewer may see the set. */
  async provenance(questionSetId: string): Promise<ProvenanceView> {
    const manager = this.dataSource.manager;
    const kase = await this.store.caseOfSet(manager, questionSetId);
    const documents = await this.store.documentsOfSet(manager, questionSetId);
    const conflicts = await this.store.conflictsOfSet(manager, questionSetId);
    return {
      zaakId: kase?.zaakId ?? null,
      reference: kase?.reference ?? null,
      zaakLink: kase ? this.sources.zaakLink(kase.zaakId) : null,
      deletedAtSource: !!kase?.sourceDeletedAt,
      questionsPending: kase?.questionsPending ?? false,
      documents: documents.map((d) => ({
        documentId: d.documentId,
        soort: d.soort,
        documentNumber: d.documentNumber,
        publicationId: d.publicationId,
        link: this.sources.documentLink(d.documentId),
        publicationLink: d.publicationId ? this.sources.publicationUrl(d.publicationId) : null,
        datedOn: d.datedOn,
        state: d.state,
        note: d.note,
      })),
      conflicts: conflicts.map((c) => ({ field: c.field, deskValue: c.deskValue, feedValue: c.feedValue, noticedAt: new Date(c.noticedAt).toISOString() })),
    };
  }

  private async begin(trigger: IntakeTrigger): Promise<{ runner: QueryRunner; runId: string } | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [INTAKE_LOCK])) as { locked: boolean }[];
      if (!locked) {
        await runner.release();
        return null;
      }
      const runId = await this.store.startRun(runner.manager, trigger);
      return { runner, runId };
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  private async carryOut(runner: QueryRunner, runId: string): Promise<IntakeRunView> {
    const tally = new Tally(this.ministries.directoryOnce());
    let error: string | null = null;
    try {
      await this.readZaken(tally);
      await this.readDocuments(tally);
      await this.retryWaiting(tally);
    } catch (failure) {
      error =
        failure instanceof SourceFault
          ? `${failure.message} The watermark stays where it was; the next run reads on from there.`
          : `The run stopped on an unexpected error: ${(failure as Error).message}. The watermark stays where it was.`;
      this.logger.warn({ runId, error }, 'Intake run failed');
    }
    try {
      await this.store.finishRun(runner.manager, runId, {
        status: error ? 'failed' : 'succeeded',
        created: tally.created,
        completed: tally.completed,
        updated: tally.updated,
        skipped: tally.skipped,
        conflicts: tally.conflicts,
        skipReasons: Object.fromEntries(tally.reasons),
        error,
      });
      await runner.query('SELECT pg_advisory_unlock($1)', [INTAKE_LOCK]);
    } finally {
      await runner.release();
    }
    const [view] = (await this.lastRuns(5)).filter((r) => r.id === runId);
    this.logger.log(
      { runId, created: tally.created, completed: tally.completed, updated: tally.updated, skipped: tally.skipped, conflicts: tally.conflicts },
      'Intake run done',
    );
    return view;
  }

  // Reading

  private async readZaken(tally: Tally): Promise<void> {
    await this.readEntity('Zaak', async (since) => {
      let newest = since;
      for await (const page of this.sources.zaken(since)) {
        for (const zaak of page.items) {
          if (zaak.Soort && zaak.Soort !== WRITTEN_QUESTIONS) continue;
          await this.takeZaak(zaak, tally);
          newest = later(newest, zaak.ApiGewijzigdOp);
        }
      }
      return newest;
    });
  }

  private async readDocuments(tally: Tally): Promise<void> {
    await this.readEntity('Document', async (since) => {
      let newest = since;
      for await (const page of this.sources.documents(since)) {
        for (const document of page.items) {
          const feedDocument = feedDocumentOf(document);
          if (feedDocument) await this.takeDocument(feedDocument, tally, null);
          newest = later(newest, document.ApiGewijzigdOp);
        }
      }
      return newest;
    });
  }

  /** Reads one entity from its watermark; the watermark moves only when the whole read succeeded. */
  private async readEntity(entity: IntakeEntity, read: (since: string | null) => Promise<string | null>): Promise<void> {
    const since = await this.store.watermark(this.dataSource.manager, entity);
    const newest = await read(since);
    if (newest && newest !== since) await this.store.keepWatermark(this.dataSource.manager, entity, newest);
  }

  private async retryWaiting(tally: Tally): Promise<void> {
    const manager = this.dataSource.manager;
    for (const row of await this.store.waitingDocuments(manager, RETRIES_PER_RUN)) {
      await this.takeDocument(
        {
          id: row.documentId,
          zaakId: row.zaakId,
          zaakNummer: null,
          soort: row.soort,
          documentNumber: row.documentNumber,
          publicationId: row.publicationId,
          datedOn: row.datedOn,
          appendixNumber: null,
          changedAt: new Date(row.changedAt).toISOString(),
          deleted: false,
        },
        tally,
        'retry',
      );
    }
    for (const kase of await this.store.pendingQuestions(manager, RETRIES_PER_RUN)) {
      const text = await this.sources.publication(`kv-tk-${kase.reference}`);
      await this.dataSource.transaction(async (m) => {
        await this.feed.lockImports(m);
        if (!text) return this.store.touchCase(m, kase.zaakId);
        const facts = await this.feed.facts(m, kase.questionSetId);
        if (facts) await this.takeQuestions(m, facts, kase.zaakId, text, `kv-tk-${kase.reference}`, tally);
      });
    }
  }

  // A case

  private async takeZaak(zaak: TkZaak, tally: Tally): Promise<void> {
    const settings = this.config.values.intake;
    const fields = caseFieldsOf(zaak);
    const known = await this.store.caseOf(this.dataSource.manager, zaak.Id);
    if (known && new Date(known.zaakChangedAt).getTime() >= Date.parse(zaak.ApiGewijzigdOp)) return tally.skip('unchanged since the last read');
    if (zaak.Verwijderd) return this.zaakDeleted(zaak, known, tally);
    // The posts valid on the day the questions were put decide which ministries they concern.
    const directory = await tally.directory();
    const on = fields.submittedOn ?? this.clock.today();
    if (!known?.questionSetId && !forThisDesk(directory, fields.addressees, settings.deskMinistries, on)) {
      await this.store.keepCase(this.dataSource.manager, {
        zaakId: zaak.Id,
        reference: zaak.Nummer,
        questionSetId: null,
        state: 'not-for-this-desk',
        zaakChangedAt: zaak.ApiGewijzigdOp,
        feedValues: fields,
        questionsPending: false,
      });
      return tally.skip('not addressed to a ministry this desk serves (DESK_MINISTRIES)');
    }
    // The question text is fetched before the transaction: no lock is held while a source is slow.
    const publicationId = `kv-tk-${zaak.Nummer}`;
    const text = !known?.questionSetId || known.questionsPending ? await this.sources.publication(publicationId) : null;
    const provenance = { zaakId: zaak.Id, reference: zaak.Nummer, link: this.sources.zaakLink(zaak.Id) };

    const checkpoint = tally.checkpoint();
    await this.dataSource
      .transaction(async (m) => {
        await this.feed.lockImports(m);
        const current = await this.store.caseOf(m, zaak.Id, true);
        let setId = current?.questionSetId ?? null;
        let old: CaseFields | null = current?.questionSetId ? current.feedValues : null;
        if (!setId) {
          setId = await this.feed.findSet(m, fields);
          if (setId && (await this.store.caseOfSet(m, setId))) {
            // The set already belongs to another case: two Zaken, one set; the desk decides.
            tally.skip('matches a set that already belongs to another case');
            return;
          }
          if (!setId) {
            const lead = proposedLeadMinistry(directory, fields.addressees, on);
            setId = await this.feed.register(
              m,
              {
                reference: fields.reference,
                appendixNumber: null,
                chamber: 'TK',
                subject: fields.subject,
                submittedOn: fields.submittedOn,
                submitters: fields.submitters,
                addressees: fields.addressees,
                leadMinistryCode: lead,
                coSigningMinistryCodes: proposedCoSigningMinistries(directory, fields.addressees, lead, on),
                explanatoryNote: text?.explanatoryNote ?? null,
                relatedReferences: text?.relatedReferences ?? [],
                questions: text?.questions ?? [],
              },
              INTAKE_ACTOR,
              provenance,
            );
            tally.created++;
            old = fields;
          } else {
            tally.updated++;
          }
        }
        const facts = (await this.feed.facts(m, setId))!;
        if (old !== fields) await this.mergeCase(m, facts, zaak.Id, old, fields, provenance, tally);
        let questionsPending = facts.questions.length === 0;
        if (text && facts.questions.length === 0 && text.questions.length) {
          await this.feed.fillQuestions(m, setId, text.questions, INTAKE_ACTOR, { publicationId });
          questionsPending = false;
        } else if (text && facts.questions.length) {
          await this.compareQuestions(m, facts, zaak.Id, text, tally);
        }
        await this.store.keepCase(m, {
          zaakId: zaak.Id,
          reference: zaak.Nummer,
          questionSetId: setId,
          state: 'on-desk',
          zaakChangedAt: zaak.ApiGewijzigdOp,
          feedValues: fields,
          questionsPending,
        });
      })
      .catch((error: unknown) => {
        tally.restore(checkpoint);
        throw error;
      });
  }

  /**
   * A changed Zaak (or one joined to a set the desk had): each field the desk has not changed takes
   * the open data's value; a field both changed differently is a conflict, recorded once, not resolved.
   */
  private async mergeCase(
    m: EntityManager,
    facts: FeedSetFacts,
    zaakId: string,
    old: CaseFields | null,
    fields: CaseFields,
    provenance: Record<string, unknown>,
    tally: Tally,
  ): Promise<void> {
    const changes: Partial<FeedFields> & { reference?: string } = {};
    if (!facts.reference) changes.reference = fields.reference;
    let conflicts = 0;
    for (const field of FIELDS) {
      const verdict = mergeField(facts[field], old ? old[field] : undefined, fields[field]);
      if (verdict === 'take') Object.assign(changes, { [field]: fields[field] });
      if (verdict === 'conflict') {
        conflicts++;
        await this.conflict(m, facts.id, zaakId, field, facts[field], fields[field]);
      }
    }
    tally.conflicts += conflicts;
    if (Object.keys(changes).length) {
      await this.feed.update(m, facts.id, changes, INTAKE_ACTOR, provenance);
      if (old) tally.updated++;
    }
  }

  private async compareQuestions(m: EntityManager, facts: FeedSetFacts, zaakId: string, text: ParsedDocument, tally: Tally): Promise<void> {
    const desk = facts.questions.map((q) => ({ number: q.number, text: q.text }));
    const feed = text.questions.map((q) => ({ number: q.number, text: q.text }));
    if (feed.length === 0 || same(desk, feed)) return;
    tally.conflicts++;
    await this.conflict(m, facts.id, zaakId, 'questions', desk, feed);
  }

  private async takeQuestions(m: EntityManager, facts: FeedSetFacts, zaakId: string, text: ParsedDocument, publicationId: string, tally: Tally): Promise<void> {
    if (facts.questions.length === 0 && text.questions.length) {
      await this.feed.fillQuestions(m, facts.id, text.questions, INTAKE_ACTOR, { publicationId });
      await this.store.questionsArrived(m, zaakId);
      tally.completed++;
    } else {
      await this.compareQuestions(m, facts, zaakId, text, tally);
      if (facts.questions.length) await this.store.questionsArrived(m, zaakId);
    }
  }

  private async conflict(m: EntityManager, questionSetId: string, zaakId: string, field: string, deskValue: unknown, feedValue: unknown): Promise<void> {
    await this.store.recordConflict(m, { questionSetId, zaakId, field, deskValue, feedValue });
    await this.feed.note(m, questionSetId, 'open-data-conflict', INTAKE_ACTOR, { zaakId, field, desk: deskValue, openData: feedValue });
  }

  private async zaakDeleted(zaak: TkZaak, known: IntakeCase | null, tally: Tally): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (!known) {
        await this.store.keepCase(m, {
          zaakId: zaak.Id,
          reference: zaak.Nummer,
          questionSetId: null,
          state: 'deleted-at-source',
          zaakChangedAt: zaak.ApiGewijzigdOp,
          feedValues: caseFieldsOf(zaak),
          questionsPending: false,
        });
        return;
      }
      await this.store.caseDeleted(m, zaak.Id, zaak.ApiGewijzigdOp);
      if (known.questionSetId) {
        await this.feed.note(m, known.questionSetId, 'open-data-deleted', INTAKE_ACTOR, {
          zaakId: zaak.Id,
          what: `Zaak ${zaak.Nummer} is marked deleted (Verwijderd) in the open data; the set stays on the desk as it is.`,
        });
      }
    });
    tally.skip('deleted at the source: recorded, nothing removed from the desk');
  }

  // A document

  private async takeDocument(document: FeedDocument, tally: Tally, retry: 'retry' | null): Promise<void> {
    const manager = this.dataSource.manager;
    let kase = await this.store.caseOf(manager, document.zaakId);
    if (!kase && !retry) {
      // A document of a case read before the watermark, or not at all yet: read the case first.
      const zaak = await this.sources.zaak(document.zaakId);
      if (zaak) await this.takeZaak(zaak, tally);
      kase = await this.store.caseOf(manager, document.zaakId);
    }
    if (!kase?.questionSetId) return tally.skip('its case is not on this desk');
    const setId = kase.questionSetId;
    const before = await this.store.documentOf(manager, document.id);
    if (!retry && before && before.state !== 'waiting-for-text' && new Date(before.changedAt).getTime() >= Date.parse(document.changedAt)) {
      return tally.skip('unchanged since the last read');
    }
    const kind = DOCUMENT_KINDS[document.soort];
    const row = {
      documentId: document.id,
      zaakId: document.zaakId,
      questionSetId: setId,
      soort: document.soort,
      documentNumber: document.documentNumber,
      publicationId: document.publicationId,
      datedOn: document.datedOn,
      changedAt: document.changedAt,
    };
    if (document.deleted) {
      await this.dataSource.transaction(async (m) => {
        await this.store.keepDocument(m, {
          ...row,
          state: 'deleted-at-source',
          note: 'Marked deleted (Verwijderd) in the open data; nothing on the desk was undone.',
        });
        await this.feed.note(m, setId, 'open-data-deleted', INTAKE_ACTOR, {
          documentId: document.id,
          soort: document.soort,
          what: `${document.soort} ${document.documentNumber ?? ''} is marked deleted in the open data; what it brought stays on the desk.`.replace(
            /\s+/g,
            ' ',
          ),
        });
      });
      return tally.skip('deleted at the source: recorded, nothing removed from the desk');
    }
    const needsText = kind === 'questions' || kind === 'answers' || kind === 'further-answers';
    const text = needsText && document.publicationId ? await this.sources.publication(document.publicationId) : null;
    if (needsText && !text) {
      await this.store.keepDocument(manager, {
        ...row,
        state: 'waiting-for-text',
        note: 'Not published at Officiële publicaties yet; tried again with every run.',
      });
      return tally.skip(`${document.soort}: registered, its text is not published yet (tried again next run)`);
    }
    const details = { documentId: document.id, soort: document.soort, documentNumber: document.documentNumber, publicationId: document.publicationId };
    const checkpoint = tally.checkpoint();
    try {
      await this.dataSource.transaction(async (m) => {
        await this.feed.lockImports(m);
        const facts = await this.feed.facts(m, setId);
        if (!facts) throw new Error(`question set ${setId} of case ${document.zaakId} is gone`);
        const outcome = await this.applyDocument(m, kind, facts, kase.zaakId, document, text, details, tally);
        await this.store.keepDocument(m, { ...row, state: outcome.state, note: outcome.note });
      });
    } catch (error) {
      tally.restore(checkpoint);
      if (!(error instanceof DeskError)) throw error;
      // The desk's own rules refused the step (a postponement dated before the questions): recorded, not forced.
      await this.store.keepDocument(manager, { ...row, state: 'skipped', note: error.message });
      tally.skip(`${document.soort}: ${error.message}`);
    }
  }

  private async applyDocument(
    m: EntityManager,
    kind: (typeof DOCUMENT_KINDS)[string] | undefined,
    facts: FeedSetFacts,
    zaakId: string,
    document: FeedDocument,
    text: PublishedDocument | null,
    details: Record<string, unknown>,
    tally: Tally,
  ): Promise<{ state: string; note: string | null }> {
    switch (kind) {
      case 'questions':
        await this.takeQuestions(m, facts, zaakId, text!, document.publicationId!, tally);
        return { state: 'applied', note: null };
      case 'answers':
      case 'further-answers': {
        // "Antwoord van minister X (Y)": whether Y is "van" or "voor" the set's addressees tell.
        const heading = text!.answerHeading ? readAnswerHeader(text!.answerHeading, facts.addressees) : text!.answer;
        const answeredOn = heading?.answeredOn ?? document.datedOn ?? this.clock.today();
        if (text!.answers.length === 0) {
          tally.skip(`${document.soort}: the publication holds no answers`);
          return { state: 'skipped', note: 'The publication holds no answers.' };
        }
        const refusal = await this.feed.importAnswers(
          m,
          facts.id,
          {
            answers: text!.answers,
            answeredOn,
            answeredBy: heading?.answeredBy ?? null,
            answeredByPost: heading?.answeredByPost ?? null,
            coSigners: heading?.coSigners ?? [],
            appendixNumber: document.appendixNumber ?? publicationAppendix(document.publicationId),
          },
          INTAKE_ACTOR,
          details,
        );
        if (!refusal.refused) {
          if (facts.questions.length === 0 && text!.questions.length) await this.takeQuestions(m, facts, zaakId, text!, document.publicationId!, tally);
          tally.completed++;
          return { state: 'applied', note: null };
        }
        if (facts.status === 'answered' && facts.answeredOn === answeredOn) {
          tally.skip('answers already on the desk');
          return { state: 'applied', note: 'The desk had these answers already.' };
        }
        tally.conflicts++;
        await this.conflict(
          m,
          facts.id,
          zaakId,
          'answers',
          { status: facts.status, answeredOn: facts.answeredOn },
          { answeredOn, answers: text!.answers.length },
        );
        return { state: 'conflict', note: `The set is ${facts.status} on the desk; the published answers were not taken over.` };
      }
      case 'postponement': {
        const refusal = await this.feed.postpone(
          m,
          facts.id,
          {
            sentOn: document.datedOn ?? this.clock.today(),
            newDeadline: null,
            reason: `Mededeling (uitstel antwoord)${document.documentNumber ? ` ${document.documentNumber}` : ''}`,
          },
          INTAKE_ACTOR,
          details,
        );
        if (refusal.refused) {
          tally.skip(`postponement of a set that is ${refusal.status}`);
          return { state: 'skipped', note: `The set is ${refusal.status}; a postponement no longer applies.` };
        }
        tally.updated++;
        return { state: 'applied', note: null };
      }
      case 'withdrawal': {
        const refusal = await this.feed.withdraw(
          m,
          facts.id,
          `Withdrawn by the members (Mededeling${document.documentNumber ? ` ${document.documentNumber}` : ''})`,
          INTAKE_ACTOR,
          details,
        );
        if (!refusal.refused) {
          tally.updated++;
          return { state: 'applied', note: null };
        }
        if (refusal.status === 'withdrawn') {
          tally.skip('withdrawn on the desk already');
          return { state: 'applied', note: 'The desk had withdrawn the set already.' };
        }
        tally.conflicts++;
        await this.conflict(m, facts.id, zaakId, 'status', refusal.status, 'withdrawn');
        return { state: 'conflict', note: `The set is ${refusal.status} on the desk; the withdrawal was not taken over.` };
      }
      default:
        tally.skip(`a document of kind "${document.soort}" the desk does not read`);
        return { state: 'skipped', note: null };
    }
  }

  /** Whether a viewer may see the set: the question-sets library answers (404 otherwise). */
  async assertVisible(viewer: Parameters<QuestionSetsService['get']>[0], questionSetId: string): Promise<void> {
    await this.questionSets.get(viewer, questionSetId);
  }
}

function later(a: string | null, b: string): string {
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** "ah-tk-20202021-2290" → "2290". */
function publicationAppendix(publicationId: string | null): string | null {
  return publicationId?.match(/^ah-tk-\d{8}-(\d+)$/)?.[1] ?? null;
}

function feedDocumentOf(document: TkDocument): FeedDocument | null {
  const zaak = document.Zaak?.find((z) => !z.Soort || z.Soort === WRITTEN_QUESTIONS);
  if (!zaak || !DOCUMENT_KINDS[document.Soort]) return null;
  return {
    id: document.Id,
    zaakId: zaak.Id,
    zaakNummer: zaak.Nummer ?? null,
    soort: document.Soort,
    documentNumber: document.DocumentNummer,
    publicationId: publicationIdOf(document, zaak.Nummer ?? null),
    datedOn: amsterdamDate(document.Datum),
    appendixNumber: appendixNumberOf(document),
    changedAt: document.ApiGewijzigdOp,
    deleted: document.Verwijderd,
  };
}

function runView(row: IntakeRunRow): IntakeRunView {
  const startedAt = new Date(row.startedAt);
  const finishedAt = row.finishedAt ? new Date(row.finishedAt) : null;
  return {
    id: row.id,
    trigger: row.trigger as IntakeTrigger,
    status: row.status,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
    durationMs: finishedAt ? finishedAt.getTime() - startedAt.getTime() : null,
    created: row.created,
    completed: row.completed,
    updated: row.updated,
    skipped: row.skipped,
    conflicts: row.conflicts,
    skipReasons: Object.entries(row.skipReasons ?? {})
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count),
    error: row.error,
  };
}
