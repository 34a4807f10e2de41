import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Tweede Kamer open-data intake: its runs, a watermark per entity read, each case (Zaak) it
 * took in with the set it became (a unique key on the Zaak id, and one case per set), each
 * document with its state, and the conflicts between the open data and what the desk changed by hand.
 */
export class CreateIntake1733500001000 implements MigrationInterface {
  name = 'CreateIntake1733500001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE intake_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trigger varchar(16) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'running',
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz NULL,
        created int NOT NULL DEFAULT 0,
        completed int NOT NULL DEFAULT 0,
        updated int NOT NULL DEFAULT 0,
        skipped int NOT NULL DEFAULT 0,
        conflicts int NOT NULL DEFAULT 0,
        skip_reasons jsonb NOT NULL DEFAULT '{}',
        error text NULL
      )`);
    await db.query('CREATE INDEX intake_run_started ON intake_run (started_at DESC)');
    await db.query(`
      CREATE TABLE intake_watermark (
        entity varchar(32) PRIMARY KEY,
        changed_since timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE intake_case (
        zaak_id uuid PRIMARY KEY,
        reference varchar(10) NOT NULL,
        question_set_id uuid NULL,
        state varchar(24) NOT NULL,
        zaak_changed_at timestamptz NOT NULL,
        feed_values jsonb NOT NULL,
        questions_pending boolean NOT NULL DEFAULT false,
        source_deleted_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT intake_case_question_set UNIQUE (question_set_id)
      )`);
    await db.query('CREATE INDEX intake_case_questions_pending ON intake_case (updated_at) WHERE questions_pending');
    await db.query(`
      CREATE TABLE intake_document (
        document_id uuid PRIMARY KEY,
        zaak_id uuid NOT NULL,
        question_set_id uuid NULL,
        soort text NOT NULL,
        document_number text NULL,
        publication_id text NULL,
        dated_on date NULL,
        state varchar(24) NOT NULL,
        note text NULL,
        changed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX intake_document_question_set ON intake_document (question_set_id)');
    await db.query("CREATE INDEX intake_document_waiting ON intake_document (updated_at) WHERE state = 'waiting-for-text'");
    await db.query(`
      CREATE TABLE intake_conflict (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_set_id uuid NOT NULL,
        zaak_id uuid NOT NULL,
        field varchar(32) NOT NULL,
        desk_value jsonb NULL,
        feed_value jsonb NULL,
        noticed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX intake_conflict_question_set ON intake_conflict (question_set_id, noticed_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE intake_conflict, intake_document, intake_case, intake_watermark, intake_run');
  }
}
