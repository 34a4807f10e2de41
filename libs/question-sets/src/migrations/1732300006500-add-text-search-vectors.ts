import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each question and each answer keeps its Dutch lexemes, for finding earlier answers to similar
 * questions (suggestions.queries.ts). Generated columns: PostgreSQL keeps them in step with the
 * text on every insert and update, whoever writes it (import, drafting), and the entities need not
 * know them.
 */
export class AddTextSearchVectors1732300006500 implements MigrationInterface {
  name = 'AddTextSearchVectors1732300006500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE question ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('dutch', text)) STORED`);
    await db.query(`ALTER TABLE answer ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('dutch', text)) STORED`);
    await db.query('CREATE INDEX question_search ON question USING gin (search_vector)');
    await db.query('CREATE INDEX answer_search ON answer USING gin (search_vector)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX answer_search');
    await db.query('DROP INDEX question_search');
    await db.query('ALTER TABLE answer DROP COLUMN search_vector');
    await db.query('ALTER TABLE question DROP COLUMN search_vector');
  }
}
