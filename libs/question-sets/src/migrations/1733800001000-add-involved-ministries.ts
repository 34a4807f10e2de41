import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ministries a set concerns — its lead ministry and its co-signing ministries — as one array
 * on the set, `involved_ministries`: a viewer of a ministry sees exactly the sets whose array holds
 * that ministry (QuestionSetQueries.visible). Asked through a join to the co-signing table, the
 * question could use no index and a drafter's lists read every set their ministry leads or signs
 * (issue 12.1); on the set itself it is one indexed condition that the list's B-tree order, the
 * planner's estimate of the total and the search index all understand.
 *
 * PostgreSQL keeps it, whoever writes (assign, transfer, intake, import, TypeORM's junction writes):
 * a trigger on the set recomputes it when the lead ministry changes (and refuses any other value),
 * and statement triggers on question_set_co_signing_ministry recompute it for the sets whose
 * co-signers were added, removed or changed. `question_set_involved_ministries(id, lead)` is the one
 * definition.
 *
 * The search index becomes one GIN index over (search_vector, involved_ministries), so a drafter's
 * full-text search reads only the matches of their ministry. It is dropped before the backfill and
 * built after it: one bulk build instead of a million single inserts into the old index.
 */
export class AddInvolvedMinistries1733800001000 implements MigrationInterface {
  name = 'AddInvolvedMinistries1733800001000';

  async up(db: QueryRunner): Promise<void> {
    // No set or co-signer changes while the column is filled and its triggers made.
    await db.query('LOCK TABLE question_set, question_set_co_signing_ministry IN SHARE ROW EXCLUSIVE MODE');
    await db.query(`ALTER TABLE question_set ADD COLUMN involved_ministries text[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      CREATE FUNCTION question_set_involved_ministries(set_id uuid, lead text) RETURNS text[]
      LANGUAGE sql STABLE AS $$
        SELECT coalesce(array_agg(code ORDER BY code), '{}')
          FROM (SELECT lead AS code WHERE lead IS NOT NULL
                UNION
                SELECT ministry_code FROM question_set_co_signing_ministry WHERE question_set_id = set_id) involved
      $$`);
    await db.query('DROP INDEX question_set_search');
    await db.query(`
      UPDATE question_set qs SET involved_ministries = question_set_involved_ministries(qs.id, qs.lead_ministry_code)
       WHERE qs.lead_ministry_code IS NOT NULL
          OR EXISTS (SELECT 1 FROM question_set_co_signing_ministry cs WHERE cs.question_set_id = qs.id)`);
    await db.query('CREATE INDEX question_set_search ON question_set USING gin (search_vector, involved_ministries)');

    await db.query(`
      CREATE FUNCTION question_set_keep_involved_ministries() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.involved_ministries := question_set_involved_ministries(NEW.id, NEW.lead_ministry_code);
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER question_set_involved_ministries
      BEFORE INSERT OR UPDATE OF lead_ministry_code, involved_ministries ON question_set
      FOR EACH ROW EXECUTE FUNCTION question_set_keep_involved_ministries()`);
    // Statement triggers: one update per set however many co-signers one statement adds or removes.
    await db.query(`
      CREATE FUNCTION question_set_co_signers_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE question_set qs SET involved_ministries = question_set_involved_ministries(qs.id, qs.lead_ministry_code)
         WHERE qs.id IN (SELECT question_set_id FROM changed);
        RETURN NULL;
      END $$`);
    for (const [name, event, table] of [
      ['added', 'INSERT', 'NEW'],
      ['removed', 'DELETE', 'OLD'],
      ['changed_from', 'UPDATE', 'OLD'],
      ['changed_to', 'UPDATE', 'NEW'],
    ]) {
      await db.query(`
        CREATE TRIGGER question_set_co_signers_${name}
        AFTER ${event} ON question_set_co_signing_ministry REFERENCING ${table} TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION question_set_co_signers_changed()`);
    }
    // The planner's estimate of a drafter's total (QuestionSetQueries.total) needs the new column's statistics now.
    await db.query('ANALYZE question_set');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of ['added', 'removed', 'changed_from', 'changed_to']) {
      await db.query(`DROP TRIGGER question_set_co_signers_${name} ON question_set_co_signing_ministry`);
    }
    await db.query('DROP FUNCTION question_set_co_signers_changed()');
    await db.query('DROP TRIGGER question_set_involved_ministries ON question_set');
    await db.query('DROP FUNCTION question_set_keep_involved_ministries()');
    await db.query('DROP INDEX question_set_search');
    await db.query('CREATE INDEX question_set_search ON question_set USING gin (search_vector)');
    await db.query('ALTER TABLE question_set DROP COLUMN involved_ministries');
    await db.query('DROP FUNCTION question_set_involved_ministries(uuid, text)');
  }
}
