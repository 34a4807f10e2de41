import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An account's changes are audit events without a set, found by the account's id in their details. */
export class IndexAccountEvents1732300004500 implements MigrationInterface {
  name = 'IndexAccountEvents1732300004500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX audit_event_account ON audit_event ((details ->> 'userId'), id) WHERE question_set_id IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX audit_event_account');
  }
}
