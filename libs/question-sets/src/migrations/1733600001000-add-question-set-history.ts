import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the statistics and the late-risk forecast read of a question set's history, as a view this
 * library owns (its tables stay its own): the dates that matter (submitted, statutory deadline,
 * answered, first assignment), the lead ministry, how many questions and postponements; and, in
 * `question_set_party`, the submitting members' parties. A plain view: the planner folds it into each query and evaluates a
 * column's subquery only for the rows and columns that query uses.
 * The index on answered_on serves "answered in the period".
 */
export class AddQuestionSetHistory1733600001000 implements MigrationInterface {
  name = 'AddQuestionSetHistory1733600001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW question_set_history AS
      SELECT qs.id, qs.status, qs.chamber, qs.lead_ministry_code, m.name AS lead_ministry_name,
             qs.submitted_on, qs.statutory_deadline, qs.deadline, qs.answered_on,
             (SELECT count(*) FROM postponement p WHERE p.question_set_id = qs.id)::int AS postponements,
             (SELECT count(*) FROM question q WHERE q.question_set_id = qs.id)::int AS questions,
             (SELECT (min(a.created_at) AT TIME ZONE 'Europe/Amsterdam')::date FROM assignment a WHERE a.question_set_id = qs.id) AS first_assigned_on
        FROM question_set qs
        LEFT JOIN ministry m ON m.code = qs.lead_ministry_code`);
    // Each party of a set's submitting members, once per set (a join, not a subquery per set: per-party
    // statistics read it for every open set).
    await db.query(`
      CREATE VIEW question_set_party AS
      SELECT DISTINCT s.question_set_id, mb.party
        FROM question_set_submitter s JOIN member mb ON mb.id = s.member_id
       WHERE mb.party IS NOT NULL`);
    await db.query('CREATE INDEX question_set_answered_on ON question_set (answered_on) WHERE answered_on IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX question_set_answered_on');
    await db.query('DROP VIEW question_set_party');
    await db.query('DROP VIEW question_set_history');
  }
}
