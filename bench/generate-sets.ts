import { Client } from 'pg';

export async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Sets spread over 2019–2026 in every status, with members and questions, inserted in bulk. */
export async function generateSets(url: string, count: number): Promise<void> {
  await sql(
    url,
    `WITH generated AS (
       SELECT g, date '2019-01-01' + ((g * 7919) % 2850) AS submitted,
              (ARRAY['received','assigned','drafting','in_review','co_signing','approved','answered','answered','answered','answered','answered','withdrawn'])[1 + g % 12] AS status,
              (ARRAY['AZ','BZ','BZK','Def','EZK','Fin','IenW','JenV','LNV','OCW','SZW','VWS'])[1 + (g * 31) % 12] AS ministry,
              (ARRAY['jeugdzorg','stikstofuitstoot','Huawei','kinderopvangtoeslag','Oeigoeren','gaswinning','politiecapaciteit','wapenexport'])[1 + g % 8] AS topic
         FROM generate_series(1, $1::int) g)
     INSERT INTO question_set (reference, chamber, subject, submitted_on, addressees, lead_ministry_code, status,
                               statutory_deadline, deadline, answered_on, answered_by)
     SELECT format('%sZ%s', 2019 + g % 8, lpad((50000 + g)::text, 5, '0')), 'TK', 'Het bericht over ' || topic || ' (' || g || ')',
            submitted, ARRAY['Minister van Buitenlandse Zaken'], ministry, status, submitted + 21, submitted + 21,
            CASE WHEN status = 'answered' THEN submitted + 5 + (g % 90) END,
            CASE WHEN status = 'answered' THEN 'Bench' END
       FROM generated`,
    [count],
  );
  await sql(
    url,
    `INSERT INTO member (name, party) SELECT 'Lid ' || g, (ARRAY['VVD','D66','CDA','PvdA','GroenLinks','SP'])[1 + g % 6] FROM generate_series(1, 150) g ON CONFLICT DO NOTHING`,
  );
  await sql(
    url,
    `INSERT INTO question_set_submitter (question_set_id, member_id, position)
     SELECT qs.id, m.id, 0 FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM question_set s
                                  WHERE NOT EXISTS (SELECT 1 FROM question_set_submitter WHERE question_set_id = s.id)) qs
     JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM member) m ON m.n = 1 + qs.n % 150`,
  );
  await sql(
    url,
    `INSERT INTO question (question_set_id, number, text)
     SELECT qs.id, q, 'Bent u bekend met ' || qs.subject || '? Wat is uw oordeel over vraag ' || q || '?'
       FROM question_set qs, generate_series(1, 3) q
      WHERE NOT EXISTS (SELECT 1 FROM question WHERE question_set_id = qs.id)`,
  );
  await sql(
    url,
    `UPDATE question_set qs SET search_vector = to_tsvector('dutch', coalesce(subject, '') || ' ' ||
       coalesce((SELECT string_agg(text, ' ') FROM question WHERE question_set_id = qs.id), ''))
     WHERE qs.search_vector = ''::tsvector`,
  );
  await sql(url, 'ANALYZE');
}
