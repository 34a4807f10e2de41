import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1732300001000 implements MigrationInterface {
  name = 'CreateUsers1732300001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (roles <@ ARRAY['desk', 'drafter', 'coordinator', 'admin']::text[] AND cardinality(roles) > 0),
        ministry_code varchar(8) REFERENCES ministry (code),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_email UNIQUE (email)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE app_user');
  }
}
