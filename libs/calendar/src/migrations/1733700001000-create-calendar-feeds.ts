import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One deadline-calendar feed per person at most: the secret of its URL is kept only as a SHA-256
 * hash (the secret is 256 random bits, so a plain hash is enough to make a stolen table useless).
 */
export class CreateCalendarFeeds1733700001000 implements MigrationInterface {
  name = 'CreateCalendarFeeds1733700001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_feed (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE calendar_feed');
  }
}
