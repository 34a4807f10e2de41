import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMinistries1732300000000 implements MigrationInterface {
  name = 'CreateMinistries1732300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ministry (
        code varchar(8) PRIMARY KEY,
        name text NOT NULL UNIQUE
      )`);
    await db.query(`
      INSERT INTO ministry (code, name) VALUES
        ('AZ', 'Algemene Zaken'),
        ('BZ', 'Buitenlandse Zaken'),
        ('BZK', 'Binnenlandse Zaken en Koninkrijksrelaties'),
        ('Def', 'Defensie'),
        ('EZK', 'Economische Zaken en Klimaat'),
        ('Fin', 'Financiën'),
        ('IenW', 'Infrastructuur en Waterstaat'),
        ('JenV', 'Justitie en Veiligheid'),
        ('LNV', 'Landbouw, Natuur en Voedselkwaliteit'),
        ('OCW', 'Onderwijs, Cultuur en Wetenschap'),
        ('SZW', 'Sociale Zaken en Werkgelegenheid'),
        ('VWS', 'Volksgezondheid, Welzijn en Sport')`);
    await db.query(`
      CREATE TABLE office_holder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post text NOT NULL,
        person text,
        ministry_code varchar(8) REFERENCES ministry (code),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT office_holder_post_person UNIQUE NULLS NOT DISTINCT (post, person)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE office_holder');
    await db.query('DROP TABLE ministry');
  }
}
