import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What other capabilities may read of a question set (the reminders: deadlines, whom it concerns,
 * whether it is open), as a view this library owns; its tables stay its own. A plain view: the
 * planner folds it into the query, so the partial indexes on open sets still serve.
 */
export class AddQuestionSetFacts1732300008000 implements MigrationInterface {
  name = 'AddQuestionSetFacts1732300008000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW question_set_facts AS
      SELECT qs.id, qs.status, qs.status NOT IN ('answered', 'withdrawn') AS open,
             qs.reference, qs.appendix_number, qs.subject,
             qs.statutory_deadline, qs.deadline, qs.draft_deadline,
             qs.assignee_id, qs.lead_ministry_code,
             EXISTS (SELECT 1 FROM postponement p WHERE p.question_set_id = qs.id) AS has_postponement
        FROM question_set qs`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW question_set_facts');
  }
}
