import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import type { CalendarDate } from '@question-desk/deadlines';
import { DataSource } from 'typeorm';
import { Answer } from './answer.entity';
import { Question } from './question.entity';
import { QuestionSetQueries } from './question-set.queries';

/** An earlier answer to a question like the one being drafted. */
export interface Suggestion {
  questionSetId: string;
  reference: string | null;
  appendixNumber: string | null;
  subject: string | null;
  answeredOn: CalendarDate | null;
  /** The earlier question that is most like the one being drafted. */
  question: { number: number; text: string };
  /** Its answer; it may cover more questions than this one. */
  answer: { questionNumbers: number[]; text: string };
  /** 0…1; 1 for the same question asked again word for word. */
  score: number;
}

/**
 * ts_rank weights {D, C, B, A}: a word of the question being drafted that the earlier question
 * uses counts fully (A); one that only its answer uses counts half (B).
 */
const WEIGHTS = `'{0.1, 0.2, 0.5, 1.0}'`;

/**
 * How many (question, answer) pairs the full-text ranking passes on to the trigram comparison:
 * pg_trgm's similarity() reads both texts whole (~50 µs a pair), so it only sees the best pairs.
 */
const POOL = 60;

/**
 * Candidates are found through the GIN indexes on the lexemes. A lexeme found in a large share of
 * all questions and answers ("vindt", "mening", "bereid") would make the indexes hand back most of
 * the desk for ranking, and tells little about what is asked; so the rarest lexemes of the question
 * are looked up, as many as together occur in about this many questions and answers by
 * PostgreSQL's own statistics (pg_stats, kept by ANALYZE). All lexemes still count in the score. A
 * small desk, or one never analysed, looks up every lexeme.
 */
const LOOKUP_BUDGET = 5_000;

/** The raw statements of the suggestions, by name; test/sql-boundary.e2e-spec.ts prepares each against the migrated schema. */
export const SUGGESTION_SQL = {
  best: `SELECT * FROM (
         SELECT DISTINCT ON (a.id)
                qs.id AS "questionSetId", qs.reference, qs.appendix_number AS "appendixNumber", qs.subject,
                to_char(qs.answered_on, 'YYYY-MM-DD') AS "answeredOn",
                q.number, q.text AS "questionText", a.question_numbers AS "questionNumbers", a.text AS "answerText",
                0.5 * similarity(q.text, $1)
                  + 0.5 * LEAST(1, pool.text_rank / NULLIF(ts_rank(${WEIGHTS}, setweight(to_tsvector('dutch', $1), 'A'), CAST($2 AS tsquery)), 0)) AS score
           FROM unnest(CAST($3 AS uuid[]), CAST($4 AS uuid[]), CAST($5 AS real[])) AS pool (answer_id, question_id, text_rank)
           JOIN answer a ON a.id = pool.answer_id
           JOIN question q ON q.id = pool.question_id
           JOIN question_set qs ON qs.id = a.question_set_id
          ORDER BY a.id, score DESC, q.number) best
        ORDER BY score DESC, "answeredOn" DESC NULLS LAST, "questionSetId", number
        LIMIT $6`,
  lexemes: `SELECT lexeme, coalesce(sum(stats.frequency * greatest(stats.reltuples, 0)), 0) AS rows
         FROM unnest(tsvector_to_array(to_tsvector('dutch', $1))) AS lexeme
         LEFT JOIN (
           SELECT unnest(CAST(CAST(s.most_common_elems AS text) AS text[])) AS element, unnest(s.most_common_elem_freqs) AS frequency, c.reltuples
             FROM pg_stats s
             JOIN pg_class c ON c.oid = CAST(quote_ident(s.tablename) AS regclass)
            WHERE s.schemaname = current_schema() AND s.tablename IN ('question', 'answer') AND s.attname = 'search_vector'
         ) stats ON stats.element = lexeme
        GROUP BY lexeme`,
} as const;

/**
 * Earlier answers to questions like a given one, best first. Only answered sets count, only sets
 * the viewer may see, never the set of the question itself.
 *
 *   score = ½ · similarity(question, earlier question)                      — pg_trgm, 0…1
 *         + ½ · min(1, rank(earlier question + its answer) / rank(question)) — full text, 0…1
 *
 * The first half is pg_trgm's trigram similarity of the two question texts: it sees the wording,
 * also inside Dutch compounds that stemming leaves whole ("herkenningssoftware" and
 * "gezichtsherkenningssoftware" share most of their trigrams), and is 1 for a verbatim repeat.
 * Between merely related questions it stays low (0.2–0.3), since two differently worded questions
 * share few trigrams beyond the common ones.
 *
 * The second half is about meaning: the question's Dutch lexemes (to_tsvector('dutch'), stop words
 * gone, words stemmed) as one OR-query, ranked with ts_rank against the earlier question (weight
 * A) and the answer that covers it (weight B). ts_rank of an OR-query is in effect the weighted
 * share of the query's lexemes that the document contains, so dividing it by the rank of the
 * question against itself turns it into "how much of what is asked here did the earlier question
 * and its answer talk about": 1 when the earlier question uses every word, about 0.5 when only the
 * answer does. An answer that covers several questions ("Antwoord op vraag 3, 4 en 5") is judged
 * with each of them, and is suggested once, with the question that fits best.
 *
 * Each half is 0…1, so the score is too, and a question asked again word for word scores 1.
 */
@Injectable()
export class SuggestionQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: QuestionSetQueries,
  ) {}

  async similarAnswers(viewer: Viewer, probe: { questionSetId: string; text: string }, limit: number): Promise<Suggestion[]> {
    const lexemes = await this.lexemesOf(probe.text);
    if (lexemes.length === 0) return [];
    const terms = anyOf(lexemes.map((l) => l.lexeme));
    const lookup = anyOf(rarest(lexemes));

    const pool: { answerId: string; questionId: string; textRank: number }[] = await this.queries
      .visible(viewer)
      .innerJoin(Answer, 'a', 'a.question_set_id = qs.id')
      .innerJoin(Question, 'q', 'q.question_set_id = a.question_set_id AND q.number = ANY(a.question_numbers)')
      .select('a.id', 'answerId')
      .addSelect('q.id', 'questionId')
      .addSelect(`ts_rank(${WEIGHTS}, setweight(q.search_vector, 'A') || setweight(a.search_vector, 'B'), CAST(:terms AS tsquery))`, 'textRank')
      .andWhere(`qs.status = 'answered'`)
      .andWhere('qs.id <> :probeSetId')
      .andWhere(
        `a.id IN (
           SELECT id FROM answer WHERE search_vector @@ CAST(:lookup AS tsquery)
           UNION
           SELECT covering.id FROM question asked
             JOIN answer covering ON covering.question_set_id = asked.question_set_id AND asked.number = ANY(covering.question_numbers)
            WHERE asked.search_vector @@ CAST(:lookup AS tsquery))`,
      )
      .setParameters({ terms, lookup, probeSetId: probe.questionSetId })
      .orderBy('"textRank"', 'DESC')
      .limit(POOL)
      .getRawMany();
    if (pool.length === 0) return [];

    const rows = await this.dataSource.query<SuggestionRow[]>(SUGGESTION_SQL.best, [
      probe.text,
      terms,
      pool.map((p) => p.answerId),
      pool.map((p) => p.questionId),
      pool.map((p) => Number(p.textRank)),
      limit,
    ]);
    return rows.map((row) => ({
      questionSetId: row.questionSetId,
      reference: row.reference,
      appendixNumber: row.appendixNumber,
      subject: row.subject,
      answeredOn: row.answeredOn,
      question: { number: row.number, text: row.questionText },
      answer: { questionNumbers: row.questionNumbers, text: row.answerText },
      score: Math.round(Number(row.score) * 1000) / 1000,
    }));
  }

  /**
   * The question's Dutch lexemes, each with about how many questions and answers hold it, from the
   * planner's statistics of the two columns (0 when PostgreSQL has no figure for it).
   */
  private async lexemesOf(text: string): Promise<Lexeme[]> {
    const rows = await this.dataSource.query<{ lexeme: string; rows: string | number }[]>(SUGGESTION_SQL.lexemes, [text]);
    return rows.map((row) => ({ lexeme: row.lexeme, rows: Number(row.rows) }));
  }
}

interface Lexeme {
  lexeme: string;
  /** Questions and answers that hold it, as PostgreSQL estimates. */
  rows: number;
}

interface SuggestionRow {
  questionSetId: string;
  reference: string | null;
  appendixNumber: string | null;
  subject: string | null;
  answeredOn: string | null;
  number: number;
  questionText: string;
  questionNumbers: number[];
  answerText: string;
  score: string | number;
}

/** The rarest lexemes that together stay within LOOKUP_BUDGET rows; at least one. */
function rarest(lexemes: readonly Lexeme[]): string[] {
  const ordered = [...lexemes].sort((a, b) => a.rows - b.rows || a.lexeme.localeCompare(b.lexeme));
  const chosen: string[] = [];
  let rows = 0;
  for (const lexeme of ordered) {
    if (chosen.length > 0 && rows + lexeme.rows > LOOKUP_BUDGET) break;
    chosen.push(lexeme.lexeme);
    rows += lexeme.rows;
  }
  return chosen;
}

/** An OR tsquery of lexemes, each quoted as tsquery's input syntax wants. */
function anyOf(lexemes: readonly string[]): string {
  return lexemes.map((lexeme) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ');
}
