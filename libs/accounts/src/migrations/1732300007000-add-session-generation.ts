import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counts an account's password resets; a token carries the count it was issued at. */
export class AddSessionGeneration1732300007000 implements MigrationInterface {
  name = 'AddSessionGeneration1732300007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE app_user ADD COLUMN session_generation integer NOT NULL DEFAULT 0');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE app_user DROP COLUMN session_generation');
  }
}
