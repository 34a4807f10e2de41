import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddWorkflow1732300004000 implements MigrationInterface {
  name = 'AddWorkflow1732300004000';

  async up(db: QueryRunner): Promise<void> {
    // Internal deadlines of the lead ministry, derived from the deadline in force unless given.
    await db.query(`
      ALTER TABLE question_set
        ADD COLUMN draft_deadline date,
        ADD COLUMN review_deadline date,
        ADD COLUMN co_signing_deadline date`);
    await db.query(`CREATE INDEX question_set_open_draft_deadline ON question_set (draft_deadline) WHERE status IN ('assigned', 'drafting')`);
    await db.query('CREATE INDEX question_set_assignee ON question_set (assignee_id) WHERE assignee_id IS NOT NULL');
    // Every saved draft, so a reviewer sees what changed.
    await db.query(`
      CREATE TABLE answer_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_set_id uuid NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
        number integer NOT NULL,
        answers jsonb NOT NULL,
        saved_by_id uuid REFERENCES app_user (id),
        saved_by_name text NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT answer_revision_number UNIQUE (question_set_id, number)
      )`);
    // One signature per co-signing ministry; cleared when the draft goes back for changes.
    await db.query(`
      CREATE TABLE co_signature (
        question_set_id uuid NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
        ministry_code varchar(8) NOT NULL REFERENCES ministry (code),
        signed_by_id uuid REFERENCES app_user (id),
        signed_by_name text NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (question_set_id, ministry_code)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE co_signature');
    await db.query('DROP TABLE answer_revision');
    await db.query('ALTER TABLE question_set DROP COLUMN draft_deadline, DROP COLUMN review_deadline, DROP COLUMN co_signing_deadline');
  }
}
