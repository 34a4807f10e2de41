import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateQuestionSets1732300002000 implements MigrationInterface {
  name = 'CreateQuestionSets1732300002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await db.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        party text,
        CONSTRAINT member_name_party UNIQUE NULLS NOT DISTINCT (name, party)
      )`);
    await db.query(`
      CREATE TABLE question_set (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference varchar(10) CHECK (reference ~ '^[0-9]{4}Z[0-9]{5}$'),
        appendix_number varchar(16),
        chamber char(2) NOT NULL DEFAULT 'TK' CHECK (chamber IN ('TK', 'EK')),
        subject text CHECK (length(trim(subject)) > 0),
        submitted_on date,
        addressees text[] NOT NULL DEFAULT '{}',
        lead_ministry_code varchar(8) REFERENCES ministry (code),
        explanatory_note text,
        related_references text[] NOT NULL DEFAULT '{}',
        status varchar(16) NOT NULL DEFAULT 'received'
          CHECK (status IN ('received', 'assigned', 'drafting', 'in_review', 'co_signing', 'approved', 'answered', 'withdrawn')),
        statutory_deadline date,
        deadline date,
        answered_on date,
        answered_by text,
        answered_by_post text,
        assignee_id uuid REFERENCES app_user (id),
        version integer NOT NULL DEFAULT 1,
        search_vector tsvector NOT NULL DEFAULT ''::tsvector,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT question_set_reference UNIQUE (reference),
        CONSTRAINT question_set_answered CHECK (status <> 'answered' OR answered_on IS NOT NULL),
        CONSTRAINT question_set_deadline_after_submission CHECK (statutory_deadline >= submitted_on)
      )`);
    // The desk's daily questions: what is overdue, what is due soon, per ministry.
    await db.query(`CREATE INDEX question_set_open_deadline ON question_set (deadline, id) WHERE status NOT IN ('answered', 'withdrawn')`);
    await db.query('CREATE INDEX question_set_deadline ON question_set (deadline, id)');
    await db.query('CREATE INDEX question_set_submitted_on ON question_set (submitted_on, id)');
    await db.query('CREATE INDEX question_set_lead_ministry ON question_set (lead_ministry_code, deadline)');
    await db.query('CREATE INDEX question_set_status ON question_set (status)');
    await db.query('CREATE INDEX question_set_appendix_number ON question_set (appendix_number)');
    await db.query('CREATE INDEX question_set_search ON question_set USING gin (search_vector)');
    await db.query(`
      CREATE TABLE question_set_submitter (
        question_set_id uuid NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member (id),
        position integer NOT NULL,
        PRIMARY KEY (question_set_id, member_id)
      )`);
    await db.query('CREATE INDEX question_set_submitter_member ON question_set_submitter (member_id)');
    await db.query(`
      CREATE TABLE question_set_co_signing_ministry (
        question_set_id uuid NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
        ministry_code varchar(8) NOT NULL REFERENCES ministry (code),
        PRIMARY KEY (question_set_id, ministry_code)
      )`);
    await db.query('CREATE INDEX question_set_co_signing_ministry_code ON question_set_co_signing_ministry (ministry_code)');
    await db.query(`
      CREATE TABLE question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_set_id uuid NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number > 0),
        text text NOT NULL,
        footnotes jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT question_number UNIQUE (question_set_id, number)
      )`);
    await db.query('CREATE INDEX question_text_trigram ON question USING gin (text gin_trgm_ops)');
    await db.query(`
      CREATE TABLE answer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_set_id uuid NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
        position integer NOT NULL,
        question_numbers integer[] NOT NULL CHECK (cardinality(question_numbers) > 0),
        text text NOT NULL,
        footnotes jsonb NOT NULL DEFAULT '[]'
      )`);
    await db.query('CREATE INDEX answer_question_set ON answer (question_set_id, position)');
    await db.query(`
      CREATE TABLE postponement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_set_id uuid NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
        sent_on date NOT NULL,
        new_deadline date NOT NULL,
        reason text NOT NULL CHECK (length(trim(reason)) > 0),
        registered_by_id uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX postponement_question_set ON postponement (question_set_id, created_at)');
    await db.query(`
      CREATE TABLE assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_set_id uuid NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
        ministry_code varchar(8) NOT NULL REFERENCES ministry (code),
        assignee_id uuid REFERENCES app_user (id),
        state varchar(16) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected', 'transferred', 'ended')),
        reason text,
        internal_deadline date,
        assigned_by_id uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX assignment_question_set ON assignment (question_set_id, created_at)');
    await db.query(`
      CREATE TABLE source_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_set_id uuid NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        content text NOT NULL,
        content_sha256 char(64) NOT NULL,
        imported_by_id uuid REFERENCES app_user (id),
        imported_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT source_document_content UNIQUE (content_sha256)
      )`);
    await db.query('CREATE INDEX source_document_question_set ON source_document (question_set_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'source_document',
      'assignment',
      'postponement',
      'answer',
      'question',
      'question_set_co_signing_ministry',
      'question_set_submitter',
      'question_set',
      'member',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
