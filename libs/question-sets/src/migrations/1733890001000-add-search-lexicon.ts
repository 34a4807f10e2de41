import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Searching `q` matches each word also as the start of a longer one (`surveil` finds
 * "surveillanceapparatuur"). Asked as a prefix (`'veluw':*`), PostgreSQL's GIN index collects the
 * matches of every lexeme that starts with it into a bitmap before anything else: at a million sets
 * 31–60 ms of a search that ranks (bench:scale), three to five times the same word asked exactly.
 *
 * `search_lexeme` holds every lexeme of every set's search vector (a trigger adds the new ones when
 * a vector is written), so `desk_search_query(q)` can ask the index for the few lexemes a word
 * starts (`('veluw' | 'veluwezoom')`) exactly; a word that starts more than DESK_SEARCH_EXPANSION (20)
 * lexemes, or none known, stays a prefix. Lexemes are never taken out: one that no set holds any
 * more only adds an exact term that matches nothing.
 */
export class AddSearchLexicon1733890001000 implements MigrationInterface {
  name = 'AddSearchLexicon1733890001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE TABLE search_lexeme (lexeme text COLLATE "C" PRIMARY KEY)');
    // No search vector is written while the lexicon is filled and its triggers made.
    await db.query('LOCK TABLE question_set IN SHARE ROW EXCLUSIVE MODE');
    await db.query('INSERT INTO search_lexeme SELECT DISTINCT unnest(tsvector_to_array(search_vector)) FROM question_set');
    // In lexeme order, so that two transactions adding some of the same new lexemes wait for each other instead of deadlocking.
    await db.query(`
      CREATE FUNCTION search_lexeme_add() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_lexeme (lexeme)
        SELECT lexeme FROM (
          SELECT unnest(tsvector_to_array(NEW.search_vector))
          EXCEPT
          SELECT unnest(tsvector_to_array(CASE WHEN TG_OP = 'UPDATE' THEN OLD.search_vector END))
        ) added (lexeme)
        ORDER BY lexeme
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER search_lexeme_on_insert AFTER INSERT ON question_set
      FOR EACH ROW WHEN (NEW.search_vector <> ''::tsvector) EXECUTE FUNCTION search_lexeme_add()`);
    await db.query(`
      CREATE TRIGGER search_lexeme_on_update AFTER UPDATE OF search_vector ON question_set
      FOR EACH ROW WHEN (NEW.search_vector IS DISTINCT FROM OLD.search_vector) EXECUTE FUNCTION search_lexeme_add()`);
    // IMMUTABLE although it reads the lexicon, so that the planner works the query out once, as a
    // constant: it then knows how many sets match, and neither a filter nor ts_rank calls it per row
    // (as STABLE it was called for each row: 108 ms for a drafter's search that ranks 4,406 sets).
    // Safe here because the lexicon only grows and no statement that searches is prepared: a query
    // worked out a moment before a new word came in misses only sets saved in that moment.
    // The lexemes of a tsquery's text are in quotes, with quote and backslash doubled.
    await db.query(`
      CREATE FUNCTION desk_search_query(q text) RETURNS tsquery
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        rest text := CAST(websearch_to_tsquery('dutch', q) AS text);
        result text := '';
        part text[];
        word text;
        known int;
        exact text;
      BEGIN
        LOOP
          part := regexp_match(rest, '^(.*?)''((?:[^''\\\\]|''''|\\\\.)*)''(.*)$');
          EXIT WHEN part IS NULL;
          word := regexp_replace(part[2], '''('''')|\\\\(.)', '\\1\\2', 'g');
          SELECT count(*), string_agg('''' || replace(replace(l.lexeme, '\\', '\\\\'), '''', '''''') || '''', ' | ' ORDER BY l.lexeme)
            INTO known, exact
            FROM (SELECT s.lexeme FROM search_lexeme s
                   WHERE s.lexeme >= word COLLATE "C" AND s.lexeme < (word || chr(1114111)) COLLATE "C"
                   ORDER BY s.lexeme LIMIT 21) l;
          result := result || part[1] || CASE WHEN known BETWEEN 1 AND 20 THEN '(' || exact || ')'
                                              ELSE '''' || part[2] || ''':*' END;
          rest := part[3];
        END LOOP;
        RETURN CAST(result || rest AS tsquery);
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION desk_search_query(text)');
    await db.query('DROP TRIGGER search_lexeme_on_update ON question_set');
    await db.query('DROP TRIGGER search_lexeme_on_insert ON question_set');
    await db.query('DROP FUNCTION search_lexeme_add()');
    await db.query('DROP TABLE search_lexeme');
  }
}
