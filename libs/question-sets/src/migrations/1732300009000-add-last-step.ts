import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The set's latest assignment or review step (assign, accept, reject, transfer, request-changes) as
 * columns of its own, written by the workflow with the step: the werkvoorraad and the list filter
 * and sort on it ("rejected", "changes requested first") without reading the audit trail per row.
 */
export class AddLastStep1732300009000 implements MigrationInterface {
  name = 'AddLastStep1732300009000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE question_set
        ADD COLUMN last_step text NULL,
        ADD COLUMN last_step_at timestamptz NULL,
        ADD COLUMN last_step_note text NULL`);
    await db.query(`
      UPDATE question_set qs
         SET last_step = e.type, last_step_at = e.at, last_step_note = coalesce(e.details ->> 'reason', e.details ->> 'comment')
        FROM (SELECT DISTINCT ON (question_set_id) question_set_id, type, at, details
                FROM audit_event
               WHERE type IN ('assign', 'accept', 'reject', 'transfer', 'request-changes')
               ORDER BY question_set_id, id DESC) e
       WHERE e.question_set_id = qs.id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE question_set DROP COLUMN last_step, DROP COLUMN last_step_at, DROP COLUMN last_step_note');
  }
}
