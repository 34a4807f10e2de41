import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the statistics count of each question set, one narrow row per set, kept by triggers so the
 * statistics read only the rows their period needs (received or answered in it, or open on its last
 * day) instead of every set with its postponements and members: status, lead ministry, submitted,
 * statutory deadline, answered, the number of postponements and the parties of the submitting
 * members. `question_set_statistic_source` says how a row follows from the tables; the triggers
 * refresh a set's row whenever one of them changes (the set itself, a postponement, a submitter, a
 * member's party) and bulk loads that skip triggers (bench/generate-sets.ts) fill it from the view.
 * Indexes: by submission day (received in the period), by answer day (answered in the period), by
 * statutory deadline (sets turning overdue in a month of the trend) and the sets still open (no
 * answer, not withdrawn) by submission day.
 */
export class AddQuestionSetStatistic1733810001000 implements MigrationInterface {
  name = 'AddQuestionSetStatistic1733810001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW question_set_statistic_source AS
      SELECT qs.id AS question_set_id, qs.status, qs.lead_ministry_code, qs.submitted_on, qs.statutory_deadline, qs.answered_on,
             coalesce(p.postponements, 0) AS postponements, coalesce(s.parties, '{}') AS parties
        FROM question_set qs
        LEFT JOIN (SELECT question_set_id, count(*)::int AS postponements FROM postponement GROUP BY question_set_id) p ON p.question_set_id = qs.id
        LEFT JOIN (SELECT s.question_set_id, array_agg(DISTINCT mb.party ORDER BY mb.party) AS parties
                     FROM question_set_submitter s JOIN member mb ON mb.id = s.member_id
                    WHERE mb.party IS NOT NULL
                    GROUP BY s.question_set_id) s ON s.question_set_id = qs.id`);
    await db.query(`
      CREATE TABLE question_set_statistic (
        question_set_id uuid PRIMARY KEY REFERENCES question_set (id) ON DELETE CASCADE,
        status varchar(16) NOT NULL,
        lead_ministry_code varchar(8),
        submitted_on date,
        statutory_deadline date,
        answered_on date,
        postponements integer NOT NULL,
        parties text[] NOT NULL
      )`);
    // PL/pgSQL, so each session plans the statement once rather than at every call.
    await db.query(`
      CREATE FUNCTION question_set_statistic_refresh(set_id uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO question_set_statistic SELECT * FROM question_set_statistic_source WHERE question_set_id = set_id
        ON CONFLICT (question_set_id) DO UPDATE
           SET status = excluded.status, lead_ministry_code = excluded.lead_ministry_code, submitted_on = excluded.submitted_on,
               statutory_deadline = excluded.statutory_deadline, answered_on = excluded.answered_on,
               postponements = excluded.postponements, parties = excluded.parties;
      END
      $$`);
    // A set's own row: when it is made or one of the columns counted changes.
    await db.query(`
      CREATE FUNCTION question_set_statistic_follow_set() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM question_set_statistic_refresh(NEW.id);
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER question_set_statistic_follow AFTER INSERT OR UPDATE OF status, lead_ministry_code, submitted_on, statutory_deadline, answered_on
          ON question_set FOR EACH ROW EXECUTE FUNCTION question_set_statistic_follow_set()`);
    // The set of a postponement or a submitter, before and after the change.
    await db.query(`
      CREATE FUNCTION question_set_statistic_follow_part() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM question_set_statistic_refresh(OLD.question_set_id); END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.question_set_id IS DISTINCT FROM OLD.question_set_id) THEN
          PERFORM question_set_statistic_refresh(NEW.question_set_id);
        END IF;
        RETURN NULL;
      END
      $$`);
    for (const table of ['postponement', 'question_set_submitter']) {
      await db.query(`
        CREATE TRIGGER question_set_statistic_follow AFTER INSERT OR UPDATE OF question_set_id OR DELETE
            ON ${table} FOR EACH ROW EXECUTE FUNCTION question_set_statistic_follow_part()`);
    }
    // Every set a member submitted, when their party changes.
    await db.query(`
      CREATE FUNCTION question_set_statistic_follow_member() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM question_set_statistic_refresh(s.question_set_id) FROM question_set_submitter s WHERE s.member_id = NEW.id;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER question_set_statistic_follow AFTER UPDATE OF party ON member
          FOR EACH ROW WHEN (OLD.party IS DISTINCT FROM NEW.party) EXECUTE FUNCTION question_set_statistic_follow_member()`);
    await db.query('INSERT INTO question_set_statistic SELECT * FROM question_set_statistic_source');
    await db.query('CREATE INDEX question_set_statistic_submitted_on ON question_set_statistic (submitted_on)');
    await db.query('CREATE INDEX question_set_statistic_answered_on ON question_set_statistic (answered_on) WHERE answered_on IS NOT NULL');
    await db.query('CREATE INDEX question_set_statistic_statutory_deadline ON question_set_statistic (statutory_deadline)');
    await db.query(`
      CREATE INDEX question_set_statistic_open ON question_set_statistic (submitted_on)
       INCLUDE (lead_ministry_code, statutory_deadline, parties) WHERE answered_on IS NULL AND status <> 'withdrawn'`);
    await db.query('ANALYZE question_set_statistic');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER question_set_statistic_follow ON member');
    await db.query('DROP TRIGGER question_set_statistic_follow ON question_set_submitter');
    await db.query('DROP TRIGGER question_set_statistic_follow ON postponement');
    await db.query('DROP TRIGGER question_set_statistic_follow ON question_set');
    for (const follows of ['set', 'part', 'member']) await db.query(`DROP FUNCTION question_set_statistic_follow_${follows}()`);
    await db.query('DROP FUNCTION question_set_statistic_refresh(uuid)');
    await db.query('DROP TABLE question_set_statistic');
    await db.query('DROP VIEW question_set_statistic_source');
  }
}
