import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What other capabilities may read of a ministry (its name for a code), as a view this library owns. */
export class AddMinistryName1733880001000 implements MigrationInterface {
  name = 'AddMinistryName1733880001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE VIEW ministry_name AS SELECT code, name FROM ministry');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW ministry_name');
  }
}
