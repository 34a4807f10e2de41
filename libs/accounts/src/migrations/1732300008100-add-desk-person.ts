import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What other capabilities may read of an account (whom to remind), as a view this library owns. */
export class AddDeskPerson1732300008100 implements MigrationInterface {
  name = 'AddDeskPerson1732300008100';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE VIEW desk_person AS SELECT id, email, name, roles, ministry_code, active FROM app_user');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW desk_person');
  }
}
