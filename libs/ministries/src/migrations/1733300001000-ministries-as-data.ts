import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ministries become data with a period of validity, and the posts of office holders become a table
 * of their own (they were a table in the code): what each post is called, the ministry it falls
 * under, from when to when. The rows below are that table as it stood, with the dates that matter
 * for the sets of 2010–2024, and the departments of the Schoof cabinet (2 July 2024): Economische
 * Zaken en Klimaat ends and is followed by Economische Zaken and Klimaat en Groene Groei;
 * Volkshuisvesting en Ruimtelijke Ordening and Asiel en Migratie become departments;
 * Landbouw, Natuur en Voedselkwaliteit is renamed Landbouw, Visserij, Voedselzekerheid en Natuur.
 * Nothing is deleted: an ended ministry keeps its code, its name and its sets.
 */
const CABINET_2024 = '2024-07-02';
const BEFORE_2024 = '2024-07-01';

const POSTS: readonly [title: string, ministry: string, validFrom: string | null, validUntil: string | null][] = [
  ['Minister-President', 'AZ', null, null],
  ['Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking', 'BZ', null, BEFORE_2024],
  ['Minister voor Buitenlandse Handel en Ontwikkelingshulp', 'BZ', CABINET_2024, null],
  ['Minister voor Ontwikkelingssamenwerking', 'BZ', null, null],
  ['Staatssecretaris voor Europese Zaken', 'BZ', null, null],
  ['Minister van Binnenlandse Zaken', 'BZK', null, null],
  ['Minister voor Volkshuisvesting en Ruimtelijke Ordening', 'BZK', '2022-01-10', BEFORE_2024],
  ['Minister voor Wonen en Rijksdienst', 'BZK', null, '2017-10-25'],
  ['Minister voor Milieu en Wonen', 'BZK', null, '2022-01-09'],
  ['Minister van Economische Zaken', 'EZK', null, BEFORE_2024],
  ['Minister van Economische Zaken, Landbouw en Innovatie', 'EZK', null, '2012-11-04'],
  ['Minister voor Klimaat en Energie', 'EZK', '2022-01-10', BEFORE_2024],
  ['Minister van Infrastructuur en Milieu', 'IenW', null, '2017-10-25'],
  ['Minister van Verkeer en Waterstaat', 'IenW', null, '2010-10-13'],
  ['Minister van Veiligheid en Justitie', 'JenV', null, '2017-10-25'],
  ['Minister van Justitie', 'JenV', null, '2010-10-13'],
  ['Minister voor Rechtsbescherming', 'JenV', null, null],
  ['Minister voor Migratie', 'JenV', null, BEFORE_2024],
  ['Minister voor Vreemdelingenzaken en Integratie', 'JenV', null, '2012-11-04'],
  ['Minister van Landbouw, Natuur en Voedselkwaliteit', 'LNV', null, BEFORE_2024],
  ['Minister voor Natuur en Stikstof', 'LNV', '2022-01-10', BEFORE_2024],
  ['Minister voor Basis- en Voortgezet Onderwijs en Media', 'OCW', null, null],
  ['Minister voor Primair en Voortgezet Onderwijs', 'OCW', null, null],
  ['Minister voor Armoedebeleid, Participatie en Pensioenen', 'SZW', '2022-01-10', BEFORE_2024],
  ['Minister voor Medische Zorg', 'VWS', null, null],
  ['Minister voor Medische Zorg en Sport', 'VWS', null, null],
  ['Minister voor Langdurige Zorg en Sport', 'VWS', null, null],
];

export class MinistriesAsData1733300001000 implements MigrationInterface {
  name = 'MinistriesAsData1733300001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE ministry
        ADD COLUMN valid_from date,
        ADD COLUMN valid_until date,
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD CONSTRAINT ministry_valid_period CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)`);
    await db.query(`
      CREATE TABLE ministry_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        ministry_code varchar(8) NOT NULL REFERENCES ministry (code),
        valid_from date,
        valid_until date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ministry_post_valid_period CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until),
        CONSTRAINT ministry_post_title_from UNIQUE NULLS NOT DISTINCT (title, valid_from)
      )`);
    await db.query('CREATE INDEX ministry_post_ministry ON ministry_post (ministry_code)');

    await db.query(`UPDATE ministry SET valid_until = $1 WHERE code = 'EZK'`, [BEFORE_2024]);
    await db.query(`UPDATE ministry SET name = 'Landbouw, Visserij, Voedselzekerheid en Natuur' WHERE code = 'LNV'`);
    await db.query(
      `INSERT INTO ministry (code, name, valid_from) VALUES
         ('EZ', 'Economische Zaken', $1),
         ('KGG', 'Klimaat en Groene Groei', $1),
         ('VRO', 'Volkshuisvesting en Ruimtelijke Ordening', $1),
         ('AenM', 'Asiel en Migratie', $1)
       ON CONFLICT (code) DO NOTHING`,
      [CABINET_2024],
    );
    await db.query(
      `INSERT INTO ministry_post (title, ministry_code, valid_from, valid_until)
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[])`,
      [POSTS.map((p) => p[0]), POSTS.map((p) => p[1]), POSTS.map((p) => p[2]), POSTS.map((p) => p[3])],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE ministry_post');
    await db.query(`UPDATE ministry SET name = 'Landbouw, Natuur en Voedselkwaliteit' WHERE code = 'LNV'`);
    await db.query(`DELETE FROM ministry m WHERE code IN ('EZ', 'KGG', 'VRO', 'AenM')
                      AND NOT EXISTS (SELECT 1 FROM office_holder o WHERE o.ministry_code = m.code)`);
    await db.query('ALTER TABLE ministry DROP CONSTRAINT ministry_valid_period, DROP COLUMN valid_from, DROP COLUMN valid_until, DROP COLUMN version');
  }
}
