import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sweep records reminders in keyset batches of open sets by (reference date, id) (issue 12.4):
 * the indexes it reads by reference date get the id as second column, so each batch starts where
 * the last ended and reads only its own rows. (question_set_open_deadline already is (deadline, id).)
 */
export class IndexSweepKeysets1733830001000 implements MigrationInterface {
  name = 'IndexSweepKeysets1733830001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX question_set_open_statutory_deadline');
    await db.query(`CREATE INDEX question_set_open_statutory_deadline ON question_set (statutory_deadline, id) WHERE status NOT IN ('answered', 'withdrawn')`);
    await db.query('DROP INDEX question_set_open_draft_deadline');
    await db.query(`CREATE INDEX question_set_open_draft_deadline ON question_set (draft_deadline, id) WHERE status IN ('assigned', 'drafting')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX question_set_open_draft_deadline');
    await db.query(`CREATE INDEX question_set_open_draft_deadline ON question_set (draft_deadline) WHERE status IN ('assigned', 'drafting')`);
    await db.query('DROP INDEX question_set_open_statutory_deadline');
    await db.query(`CREATE INDEX question_set_open_statutory_deadline ON question_set (statutory_deadline) WHERE status NOT IN ('answered', 'withdrawn')`);
  }
}
