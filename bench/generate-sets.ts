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

/** Picks out the generated sets (their zaaknummers run from 50000, the demo data's stay below). */
export const GENERATED_SETS = `substr(reference, 6) >= '50000'`;

/** At most this many generated sets per year on average, so that a year's zaaknummers (50000–99999) never run out. */
const SETS_PER_YEAR = 40_000;
const MINISTRIES = ['AZ', 'BZ', 'BZK', 'Def', 'EZK', 'Fin', 'IenW', 'JenV', 'LNV', 'OCW', 'SZW', 'VWS'];
const STATUSES = [
  'received',
  'assigned',
  'drafting',
  'in_review',
  'co_signing',
  'approved',
  'answered',
  'answered',
  'answered',
  'answered',
  'answered',
  'withdrawn',
];
const TOPICS = [
  'jeugdzorg',
  'stikstofuitstoot',
  'Huawei',
  'kinderopvangtoeslag',
  'Oeigoeren',
  'gaswinning',
  'politiecapaciteit',
  'wapenexport',
  'wachtlijsten in de ggz',
  'het lerarentekort',
  'woningnood onder studenten',
  'de aardbevingsschade in Groningen',
  'PFAS in drinkwater',
  'cyberaanvallen op gemeenten',
  'de asielopvang in Ter Apel',
  'vertraging bij ProRail',
  'de energietoeslag',
  'mestfraude',
  'het tekort aan huisartsen',
  'ondermijning in Brabant',
  'de btw op sport',
  'de stikstofdepositie op de Veluwe',
  'arbeidsmigranten',
  'de Wet open overheid',
];
const QUESTIONS = [
  'Bent u bekend met het bericht over {t}?',
  'Klopt het dat de problemen rond {t} sinds {y} sterk zijn toegenomen? Zo ja, wat is daarvan volgens u de oorzaak?',
  'Welke maatregelen neemt u om de gevolgen van {t} terug te dringen, en wanneer verwacht u resultaat?',
  'Hoeveel gemeenten hebben te maken met {t}, en hoe verhoudt dat aantal zich tot eerdere jaren?',
  'Bent u bereid in overleg te treden met de betrokken partijen over {t}? Zo nee, waarom niet?',
  'Kunt u deze vragen één voor één beantwoorden, en wel voor het eerstvolgende debat over {t}?',
];
const ANSWERS = [
  'Ja, ik ben bekend met het bericht over {t}.',
  'Nee, dat klopt niet. De cijfers over {t} laten sinds {y} een wisselend beeld zien; er is geen sprake van een structurele toename.',
  'Het kabinet neemt verschillende maatregelen rond {t}. Ik verwijs u naar de brief die ik uw Kamer voor de zomer stuur.',
  'Daarover zijn geen landelijke cijfers beschikbaar. Ik vraag de VNG om een inventarisatie en informeer uw Kamer over de uitkomst.',
  'Ja, ik ben voortdurend met de betrokken partijen in gesprek over {t}.',
  'Helaas is het niet gelukt deze vragen binnen de gebruikelijke termijn te beantwoorden vanwege de benodigde interdepartementale afstemming.',
];

const texts = (list: string[]) => `ARRAY[${list.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ')}]`;
/** A number from 0 to n − 1 drawn from the set's number `g` and a salt: the columns do not follow each other. */
const draw = (salt: number, n: number | string) => `((hashint8(g::bigint * 64 + ${salt})::bigint + 2147483648) % (${n}))::int`;
/** Question or answer `q` of set `s` (a row of generated_set), its topic and year filled in. */
const fill = (list: string[], s: string, q: string) => `replace(replace((${texts(list)})[${q}], '{t}', ${s}.topic), '{y}', (${s}.year - 3)::text)`;
/** The texts of set `s`'s questions (or answers) in order, joined. */
const joined = (list: string[], s: string) => `(SELECT string_agg(${fill(list, s, 'q')}, ' ' ORDER BY q) FROM generate_series(1, ${s}.questions) q)`;

/** The tables the generator fills; their plain indexes (not those behind a key or a unique constraint) are dropped while rows go in. */
export const FILLED_TABLES = [
  'question_set',
  'question_set_submitter',
  'question',
  'answer',
  'postponement',
  'question_set_co_signing_ministry',
  'co_signature',
  'question_set_statistic',
];

/**
 * Question sets as the desk holds them after years of use, in set-based SQL: `count` sets spread
 * over as many years before today as keep each year's references unique (at least eight, at most
 * 40,000 sets a year, zaaknummers from 50000 so the demo data's never collide), in every status
 * (half of them open, so most of those overdue), 1–3 submitting members, 2–6 questions, answers
 * (drafts from review on), a postponement on a quarter, one or two co-signing ministries on a fifth
 * (signed once approved), the lead ministry's drafter assigned where there is one, and the search
 * text the desk keeps.
 *
 * Made for speed (1M sets: bench/scale.ts): the plain indexes of the filled tables are dropped while
 * rows go in and built again after (a bulk build is far cheaper than a million single inserts); the
 * work runs on two connections side by side, so both cores of a small machine work: one inserts the
 * questions and builds their indexes (the trigram index over question texts is the single largest
 * step), the other everything else; rows go in in the order of their set's id, so the primary keys
 * grow at their ends; the filled tables are analysed as they are done. Questions' and answers' own search vectors are generated columns, computed
 * by PostgreSQL per row.
 */
export async function generateSets(url: string, count: number, progress: (line: string) => void = () => undefined): Promise<void> {
  const years = Math.max(8, Math.ceil(count / SETS_PER_YEAR));
  const connect = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    const run = async (text: string, params: unknown[] = []) => {
      const started = performance.now();
      const result = await client.query(text, params);
      progress(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${text.replace(/\s+/g, ' ').slice(0, 90)}`);
      return result;
    };
    await client.query(`SET synchronous_commit = off`);
    // The trigram index over the questions builds ~2× faster with 1 GB than with 512 MB (400,000 questions: 26 s → 15 s here).
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query(`SET work_mem = '128MB'`);
    // The rows are made consistent, so a superuser (the benches' throwaway databases) skips the per-row foreign-key triggers; others check them.
    await client.query(`DO $$ BEGIN SET session_replication_role = replica; EXCEPTION WHEN insufficient_privilege THEN NULL; END $$`);
    return { client, run };
  };
  const [one, two] = await Promise.all([connect(), connect()]);
  const run = one.run;
  try {
    await run(
      `INSERT INTO member (name, party)
       SELECT 'Lid ' || g, (ARRAY['VVD','D66','CDA','PvdA','GroenLinks','SP','PVV','ChristenUnie','SGP','PvdD'])[1 + g % 10]
         FROM generate_series(1, 150) g ON CONFLICT DO NOTHING`,
    );
    // Unlogged work tables rather than temporary ones: both connections read them.
    await run(`DROP TABLE IF EXISTS generated_set, generated_member, generated_search`);
    await run(`CREATE UNLOGGED TABLE generated_member AS SELECT row_number() OVER (ORDER BY name) - 1 AS n, id FROM member WHERE name LIKE 'Lid %'`);
    await run(
      `CREATE UNLOGGED TABLE generated_set AS
       WITH bounds AS (SELECT current_date - 45 AS last_day, make_date(extract(year FROM current_date - 45)::int - $2 + 1, 1, 1) AS first_day),
            drawn AS (
              SELECT g, gen_random_uuid() AS id,
                     first_day + ${draw(1, 'last_day - first_day + 1')} AS submitted,
                     (${texts(STATUSES)})[1 + ${draw(2, STATUSES.length)}] AS status,
                     ${draw(3, MINISTRIES.length)} AS lead,
                     (${texts(TOPICS)})[1 + ${draw(4, TOPICS.length)}] AS topic,
                     2 + ${draw(5, 5)} AS questions,
                     1 + ${draw(6, 3)} AS submitters,
                     ${draw(7, 150)} AS first_member,
                     ${draw(8, 4)} = 0 AS postponed,
                     CASE WHEN ${draw(9, 5)} > 0 THEN 0 WHEN ${draw(10, 3)} = 0 THEN 2 ELSE 1 END AS co_signers,
                     1 + ${draw(11, 11)} AS co_offset,
                     ${draw(12, 70)} AS answer_days
                FROM generate_series(1, $1::int) g, bounds)
       SELECT *, extract(year FROM submitted)::int AS year,
              format('%sZ%s', extract(year FROM submitted), 49999 + row_number() OVER (PARTITION BY extract(year FROM submitted) ORDER BY g)) AS reference,
              submitted + 21 AS statutory,
              submitted + CASE WHEN postponed THEN 42 ELSE 21 END AS deadline,
              (${texts(MINISTRIES)})[1 + lead] AS ministry, status IN ('in_review', 'co_signing', 'approved', 'answered') AS answered
         FROM drawn ORDER BY id`,
      [count, years],
    );
    const [{ busiest }] = (await run(`SELECT max(n)::int AS busiest FROM (SELECT count(*) AS n FROM generated_set GROUP BY year) y`)).rows as {
      busiest: number;
    }[];
    if (busiest > 50_000) throw new Error(`${busiest} sets in one year do not fit the zaaknummers 50000–99999: generate fewer sets`);
    // The search text of a set follows from its topic, year, number of questions and whether it has answers: made once for each.
    await run(
      `CREATE UNLOGGED TABLE generated_search AS
       SELECT k.*, setweight(to_tsvector('dutch', 'Het bericht over ' || k.topic), 'A') || setweight(to_tsvector('dutch', ${joined(QUESTIONS, 'k')}), 'B') ||
                   CASE WHEN k.answered THEN setweight(to_tsvector('dutch', ${joined(ANSWERS, 'k')}), 'C') ELSE ''::tsvector END AS search_vector
         FROM (SELECT DISTINCT topic, year, questions, answered FROM generated_set) k`,
    );
    await run(`ANALYZE generated_set`);

    const dropped = (
      await run(
        `SELECT c.relname AS "table", i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
           FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
          WHERE c.relname = ANY ($1) AND c.relnamespace = current_schema()::regnamespace
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
          ORDER BY (pg_get_indexdef(i.indexrelid) LIKE '%gin_trgm_ops%') DESC, c.relname, 2`,
        [FILLED_TABLES],
      )
    ).rows as { table: string; name: string; definition: string }[];
    for (const { name } of dropped) await run(`DROP INDEX ${name}`);
    const rebuild = (lane: typeof one, which: (table: string) => boolean) => async () => {
      for (const { table, definition } of dropped) if (which(table)) await lane.run(definition);
    };
    try {
      // Connection two: the questions, then their indexes (the trigram index first: the longest step).
      const trigram = (definition: string) => definition.includes('gin_trgm_ops');
      const questionsIn = two.run(
        `INSERT INTO question (question_set_id, number, text)
         SELECT s.id, q, ${fill(QUESTIONS, 's', 'q')} FROM generated_set s, generate_series(1, 6) q WHERE q <= s.questions ORDER BY s.id, q`,
      );
      const questions = async () => {
        await questionsIn;
        // 4M questions make ~400M trigram entries: the more of them fit in memory, the fewer merges.
        await two.client.query(`SET maintenance_work_mem = '2GB'`);
        for (const { definition } of dropped) if (trigram(definition)) await two.run(definition);
      };
      // Connection one: everything else.
      const coSigner = (k: number) => `(${texts(MINISTRIES)})[1 + (lead + ${k === 1 ? 'co_offset' : '1 + co_offset % 11'}) % 12]`;
      const rest = async () => {
        await run(
          `INSERT INTO question_set (id, reference, chamber, subject, submitted_on, addressees, lead_ministry_code, status, statutory_deadline, deadline,
                                     draft_deadline, review_deadline, co_signing_deadline, answered_on, answered_by, assignee_id, search_vector,
                                     involved_ministries)
           SELECT s.id, s.reference, 'TK', 'Het bericht over ' || s.topic || ' (' || s.reference || ')', s.submitted, ARRAY['Minister van ' || s.ministry],
                  s.ministry, s.status, s.statutory, s.deadline,
                  CASE WHEN s.status <> 'received' THEN s.deadline - 14 END, CASE WHEN s.status <> 'received' THEN s.deadline - 7 END,
                  CASE WHEN s.status <> 'received' THEN s.deadline - 3 END,
                  CASE WHEN s.status = 'answered' THEN least(s.submitted + 10 + s.answer_days, current_date) END,
                  CASE WHEN s.status = 'answered' THEN 'Bench' END,
                  CASE WHEN s.status NOT IN ('received', 'withdrawn') THEN d.id END,
                  v.search_vector,
                  -- What question_set_involved_ministries(id, lead) gives and its triggers keep (they do not fire in replica mode).
                  (SELECT array_agg(m ORDER BY m) FROM unnest(ARRAY[s.ministry, CASE WHEN s.co_signers >= 1 THEN ${coSigner(1)} END,
                                                                    CASE WHEN s.co_signers = 2 THEN ${coSigner(2)} END]) m WHERE m IS NOT NULL)
             FROM generated_set s
             JOIN generated_search v USING (topic, year, questions, answered)
             LEFT JOIN (SELECT DISTINCT ON (ministry_code) ministry_code, id FROM app_user WHERE 'drafter' = ANY (roles) AND active ORDER BY ministry_code, id) d
               ON d.ministry_code = s.ministry
            ORDER BY s.id`,
        );
        // The lexemes of those search vectors, as search_lexeme's trigger adds them (it does not fire in replica mode).
        await run(`INSERT INTO search_lexeme SELECT DISTINCT unnest(tsvector_to_array(search_vector)) FROM generated_search ON CONFLICT DO NOTHING`);
        await run(
          `INSERT INTO question_set_submitter (question_set_id, member_id, position)
           SELECT s.id, m.id, p FROM generated_set s, generate_series(0, 2) p, generated_member m
            WHERE p < s.submitters AND m.n = (s.first_member + p * 37) % 150
            ORDER BY s.id, m.id`,
        );
        await run(
          `INSERT INTO postponement (question_set_id, sent_on, new_deadline, reason)
           SELECT id, statutory - 1, deadline, 'De beantwoording vergt afstemming met andere departementen.' FROM generated_set WHERE postponed`,
        );
        await run(
          `INSERT INTO question_set_co_signing_ministry (question_set_id, ministry_code)
           SELECT id, ${coSigner(1)} FROM generated_set WHERE co_signers >= 1
           UNION ALL SELECT id, ${coSigner(2)} FROM generated_set WHERE co_signers = 2`,
        );
        await run(
          `INSERT INTO co_signature (question_set_id, ministry_code, signed_by_name, signed_at)
           SELECT c.question_set_id, c.ministry_code, 'Bench', (s.deadline - 2)::timestamptz
             FROM question_set_co_signing_ministry c JOIN generated_set s ON s.id = c.question_set_id
            WHERE s.status IN ('approved', 'answered')`,
        );
        await run(
          `INSERT INTO answer (question_set_id, position, question_numbers, text)
           SELECT s.id, q - 1, ARRAY[q], ${fill(ANSWERS, 's', 'q')} FROM generated_set s, generate_series(1, 6) q
            WHERE q <= s.questions AND s.answered
            ORDER BY s.id, q`,
        );
        // What the statistics count of each set: triggers keep it, but they are off for this load (replica role), so in one pass.
        await run(
          `INSERT INTO question_set_statistic SELECT src.* FROM question_set_statistic_source src JOIN generated_set s ON s.id = src.question_set_id
           ON CONFLICT (question_set_id) DO UPDATE SET postponements = excluded.postponements, parties = excluded.parties`,
        );
        await rebuild(one, (table) => table !== 'question')();
        for (const table of FILLED_TABLES.filter((t) => t !== 'question')) await run(`ANALYZE ${table}`);
        await questionsIn;
        for (const { table, definition } of dropped) if (table === 'question' && !trigram(definition)) await run(definition);
        await run(`ANALYZE question`);
      };
      await Promise.all([questions(), rest()]);
    } catch (error) {
      // Whatever went wrong, the schema keeps its indexes.
      for (const { definition } of dropped) await one.client.query(definition.replace(/^CREATE INDEX/, 'CREATE INDEX IF NOT EXISTS')).catch(() => undefined);
      throw error;
    }
    await run(`DROP TABLE generated_set, generated_member, generated_search`);
  } finally {
    await Promise.all([one.client.end(), two.client.end()]);
  }
}
