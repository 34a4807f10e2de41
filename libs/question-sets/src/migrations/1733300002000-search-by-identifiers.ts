import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `q` also finds a set by its reference (zaaknummer), appendix number and submitting members'
 * names: they join each set's search vector with the lowest weight (D), so subject (A) and question
 * (B) matches still rank first. The vector is kept by QuestionSetStore.refreshSearchVector; this
 * brings the sets already stored up to date, in batches so no one transaction holds every row.
 */
export class SearchByIdentifiers1733300002000 implements MigrationInterface {
  name = 'SearchByIdentifiers1733300002000';

  async up(db: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = (await db.query('SELECT id FROM question_set WHERE id > $1 ORDER BY id LIMIT 5000', [after])) as { id: string }[];
      if (batch.length === 0) break;
      await db.query(
        `UPDATE question_set qs SET search_vector = qs.search_vector ||
           setweight(to_tsvector('dutch', concat_ws(' ', qs.reference, qs.appendix_number,
             (SELECT string_agg(m.name, ' ') FROM question_set_submitter s JOIN member m ON m.id = s.member_id WHERE s.question_set_id = qs.id))), 'D')
         WHERE qs.id = ANY($1::uuid[])`,
        [batch.map((row) => row.id)],
      );
      after = batch[batch.length - 1].id;
    }
  }

  async down(): Promise<void> {
    // The extra lexemes are harmless to the search of before; the next refresh of a set rewrites its vector.
  }
}
