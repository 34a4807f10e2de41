import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseFields } from './tk-records';

/** Every SQL statement of the intake, by name (test/sql-boundary-style checks can prepare them all). */
export const INTAKE_SQL = {
  watermark: 'SELECT changed_since AS "changedSince" FROM intake_watermark WHERE entity = $1',
  keepWatermark: `INSERT INTO intake_watermark (entity, changed_since) VALUES ($1, $2)
    ON CONFLICT (entity) DO UPDATE SET changed_since = greatest(intake_watermark.changed_since, EXCLUDED.changed_since), updated_at = now()`,
  startRun: 'INSERT INTO intake_run (trigger) VALUES ($1) RETURNING id',
  finishRun: `UPDATE intake_run SET status = $2, finished_at = now(), created = $3, completed = $4, updated = $5, skipped = $6, conflicts = $7,
    skip_reasons = $8, error = $9 WHERE id = $1`,
  lastRuns: `SELECT id, trigger, status, started_at AS "startedAt", finished_at AS "finishedAt", created, completed, updated, skipped, conflicts,
    skip_reasons AS "skipReasons", error FROM intake_run ORDER BY started_at DESC LIMIT $1`,
  // A run whose process died keeps "running" for ever otherwise: a later run closes it.
  closeAbandoned: `UPDATE intake_run SET status = 'failed', finished_at = now(), error = 'The run stopped without finishing (its process ended); the next run read on from the same watermark.'
    WHERE status = 'running' AND id <> $1`,
  caseOf: `SELECT zaak_id AS "zaakId", reference, question_set_id AS "questionSetId", state, zaak_changed_at AS "zaakChangedAt", feed_values AS "feedValues",
    questions_pending AS "questionsPending" FROM intake_case WHERE zaak_id = $1`,
  lockCase: 'SELECT zaak_id FROM intake_case WHERE zaak_id = $1 FOR UPDATE',
  caseOfSet: `SELECT zaak_id AS "zaakId", reference, question_set_id AS "questionSetId", state, zaak_changed_at AS "zaakChangedAt", feed_values AS "feedValues",
    questions_pending AS "questionsPending", source_deleted_at AS "sourceDeletedAt" FROM intake_case WHERE question_set_id = $1`,
  keepCase: `INSERT INTO intake_case (zaak_id, reference, question_set_id, state, zaak_changed_at, feed_values, questions_pending)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (zaak_id) DO UPDATE SET reference = EXCLUDED.reference, question_set_id = EXCLUDED.question_set_id, state = EXCLUDED.state,
      zaak_changed_at = EXCLUDED.zaak_changed_at, feed_values = EXCLUDED.feed_values, questions_pending = EXCLUDED.questions_pending, updated_at = now()`,
  caseDeleted: 'UPDATE intake_case SET source_deleted_at = coalesce(source_deleted_at, now()), zaak_changed_at = $2, updated_at = now() WHERE zaak_id = $1',
  questionsArrived: 'UPDATE intake_case SET questions_pending = false, updated_at = now() WHERE zaak_id = $1',
  pendingQuestions: `SELECT zaak_id AS "zaakId", reference, question_set_id AS "questionSetId" FROM intake_case
    WHERE questions_pending AND question_set_id IS NOT NULL ORDER BY updated_at LIMIT $1`,
  touchCase: 'UPDATE intake_case SET updated_at = now() WHERE zaak_id = $1',
  documentOf: 'SELECT state, changed_at AS "changedAt" FROM intake_document WHERE document_id = $1',
  keepDocument: `INSERT INTO intake_document (document_id, zaak_id, question_set_id, soort, document_number, publication_id, dated_on, state, note, changed_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
    ON CONFLICT (document_id) DO UPDATE SET zaak_id = EXCLUDED.zaak_id, question_set_id = EXCLUDED.question_set_id, soort = EXCLUDED.soort,
      document_number = EXCLUDED.document_number, publication_id = EXCLUDED.publication_id, dated_on = EXCLUDED.dated_on, state = EXCLUDED.state,
      note = EXCLUDED.note, changed_at = EXCLUDED.changed_at, updated_at = now()`,
  waitingDocuments: `SELECT document_id AS "documentId", zaak_id AS "zaakId", soort, document_number AS "documentNumber", publication_id AS "publicationId",
    dated_on AS "datedOn", changed_at AS "changedAt" FROM intake_document WHERE state = 'waiting-for-text' ORDER BY updated_at LIMIT $1`,
  documentsOfSet: `SELECT document_id AS "documentId", soort, document_number AS "documentNumber", publication_id AS "publicationId", dated_on AS "datedOn",
    state, note, changed_at AS "changedAt" FROM intake_document WHERE question_set_id = $1 ORDER BY dated_on NULLS LAST, created_at LIMIT 200`,
  recordConflict: 'INSERT INTO intake_conflict (question_set_id, zaak_id, field, desk_value, feed_value) VALUES ($1, $2, $3, $4, $5)',
  conflictsOfSet: `SELECT field, desk_value AS "deskValue", feed_value AS "feedValue", noticed_at AS "noticedAt" FROM intake_conflict
    WHERE question_set_id = $1 ORDER BY noticed_at DESC LIMIT 100`,
} as const;

const SQL = INTAKE_SQL;

export interface IntakeCase {
  zaakId: string;
  reference: string;
  questionSetId: string | null;
  /** `on-desk`, `not-for-this-desk`. */
  state: string;
  zaakChangedAt: Date;
  feedValues: CaseFields;
  questionsPending: boolean;
}

export interface IntakeRunRow {
  id: string;
  trigger: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: Date;
  finishedAt: Date | null;
  created: number;
  completed: number;
  updated: number;
  skipped: number;
  conflicts: number;
  skipReasons: Record<string, number>;
  error: string | null;
}

export interface IntakeDocumentRow {
  documentId: string;
  soort: string;
  documentNumber: string | null;
  publicationId: string | null;
  datedOn: string | null;
  state: string;
  note: string | null;
  changedAt: Date;
}

export interface NewIntakeDocument {
  documentId: string;
  zaakId: string;
  questionSetId: string | null;
  soort: string;
  documentNumber: string | null;
  publicationId: string | null;
  datedOn: string | null;
  /** `applied`, `waiting-for-text`, `skipped`, `deleted-at-source`. */
  state: string;
  note: string | null;
  changedAt: string;
}

/** The intake's tables: module-private, used inside the intake's transactions. */
@Injectable()
export class IntakeStore {
  async watermark(manager: EntityManager, entity: string): Promise<string | null> {
    const [row] = await manager.query<{ changedSince: Date }[]>(SQL.watermark, [entity]);
    return row ? row.changedSince.toISOString() : null;
  }

  async keepWatermark(manager: EntityManager, entity: string, changedSince: string): Promise<void> {
    await manager.query(SQL.keepWatermark, [entity, changedSince]);
  }

  async startRun(manager: EntityManager, trigger: string): Promise<string> {
    const [{ id }] = await manager.query<{ id: string }[]>(SQL.startRun, [trigger]);
    await manager.query(SQL.closeAbandoned, [id]);
    return id;
  }

  async finishRun(
    manager: EntityManager,
    id: string,
    outcome: {
      status: 'succeeded' | 'failed';
      created: number;
      completed: number;
      updated: number;
      skipped: number;
      conflicts: number;
      skipReasons: Record<string, number>;
      error: string | null;
    },
  ): Promise<void> {
    await manager.query(SQL.finishRun, [
      id,
      outcome.status,
      outcome.created,
      outcome.completed,
      outcome.updated,
      outcome.skipped,
      outcome.conflicts,
      JSON.stringify(outcome.skipReasons),
      outcome.error,
    ]);
  }

  lastRuns(manager: EntityManager, limit: number): Promise<IntakeRunRow[]> {
    return manager.query<IntakeRunRow[]>(SQL.lastRuns, [limit]);
  }

  async caseOf(manager: EntityManager, zaakId: string, lock = false): Promise<IntakeCase | null> {
    if (lock) await manager.query(SQL.lockCase, [zaakId]);
    const [row] = await manager.query<IntakeCase[]>(SQL.caseOf, [zaakId]);
    return row ?? null;
  }

  async caseOfSet(manager: EntityManager, questionSetId: string): Promise<(IntakeCase & { sourceDeletedAt: Date | null }) | null> {
    const [row] = await manager.query<(IntakeCase & { sourceDeletedAt: Date | null })[]>(SQL.caseOfSet, [questionSetId]);
    return row ?? null;
  }

  async keepCase(
    manager: EntityManager,
    row: {
      zaakId: string;
      reference: string;
      questionSetId: string | null;
      state: string;
      zaakChangedAt: string;
      feedValues: CaseFields;
      questionsPending: boolean;
    },
  ): Promise<void> {
    await manager.query(SQL.keepCase, [
      row.zaakId,
      row.reference,
      row.questionSetId,
      row.state,
      row.zaakChangedAt,
      JSON.stringify(row.feedValues),
      row.questionsPending,
    ]);
  }

  async caseDeleted(manager: EntityManager, zaakId: string, changedAt: string): Promise<void> {
    await manager.query(SQL.caseDeleted, [zaakId, changedAt]);
  }

  async questionsArrived(manager: EntityManager, zaakId: string): Promise<void> {
    await manager.query(SQL.questionsArrived, [zaakId]);
  }

  pendingQuestions(manager: EntityManager, limit: number): Promise<{ zaakId: string; reference: string; questionSetId: string }[]> {
    return manager.query(SQL.pendingQuestions, [limit]);
  }

  async touchCase(manager: EntityManager, zaakId: string): Promise<void> {
    await manager.query(SQL.touchCase, [zaakId]);
  }

  async documentOf(manager: EntityManager, documentId: string): Promise<{ state: string; changedAt: Date } | null> {
    const [row] = await manager.query<{ state: string; changedAt: Date }[]>(SQL.documentOf, [documentId]);
    return row ?? null;
  }

  async keepDocument(manager: EntityManager, d: NewIntakeDocument): Promise<void> {
    await manager.query(SQL.keepDocument, [
      d.documentId,
      d.zaakId,
      d.questionSetId,
      d.soort,
      d.documentNumber,
      d.publicationId,
      d.datedOn,
      d.state,
      d.note,
      d.changedAt,
    ]);
  }

  waitingDocuments(
    manager: EntityManager,
    limit: number,
  ): Promise<
    {
      documentId: string;
      zaakId: string;
      soort: string;
      documentNumber: string | null;
      publicationId: string | null;
      datedOn: string | null;
      changedAt: Date;
    }[]
  > {
    return manager.query(SQL.waitingDocuments, [limit]);
  }

  documentsOfSet(manager: EntityManager, questionSetId: string): Promise<IntakeDocumentRow[]> {
    return manager.query<IntakeDocumentRow[]>(SQL.documentsOfSet, [questionSetId]);
  }

  async recordConflict(
    manager: EntityManager,
    c: { questionSetId: string; zaakId: string; field: string; deskValue: unknown; feedValue: unknown },
  ): Promise<void> {
    await manager.query(SQL.recordConflict, [c.questionSetId, c.zaakId, c.field, JSON.stringify(c.deskValue ?? null), JSON.stringify(c.feedValue ?? null)]);
  }

  conflictsOfSet(manager: EntityManager, questionSetId: string): Promise<{ field: string; deskValue: unknown; feedValue: unknown; noticedAt: Date }[]> {
    return manager.query(SQL.conflictsOfSet, [questionSetId]);
  }
}
