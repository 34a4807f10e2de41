import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import { Clock, type CalendarDate } from '@question-desk/deadlines';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { QuestionSet } from './question-set.entity';
import { deadlineStandingSql, QuestionSetQueries, type QuestionSetFilter } from './question-set.queries';
import type { QuestionSetStatus } from './statuses';

/** A list's filter without its paging: every matching set, in the list's order. */
export type QuestionSetRowFilter = Omit<QuestionSetFilter, 'page' | 'pageSize'>;

/** One set as a flat row (the list item's top-level facts, lists joined into text), for exports and feeds. */
export interface QuestionSetRow {
  id: string;
  reference: string | null;
  appendixNumber: string | null;
  chamber: string;
  subject: string | null;
  submittedOn: CalendarDate | null;
  /** "Van Helvert (CDA), Sjoerdsma (D66)". */
  submitters: string;
  addressees: string;
  leadMinistryCode: string | null;
  leadMinistryName: string | null;
  /** Codes, comma-separated. */
  coSigningMinistries: string;
  status: QuestionSetStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  statutoryDeadline: CalendarDate | null;
  deadline: CalendarDate | null;
  postponements: number;
  overdue: boolean;
  postponementMissing: boolean;
  daysOverdue: number;
  answeredOn: CalendarDate | null;
  answeredBy: string | null;
  draftDeadline: CalendarDate | null;
  reviewDeadline: CalendarDate | null;
  coSigningDeadline: CalendarDate | null;
}

/** How many rows PostgreSQL hands over per round trip: memory stays at one batch, whatever the total. */
export const ROW_BATCH_SIZE = 1000;

/**
 * Above this many expected rows the sets' submitters, co-signing ministries and postponements are
 * aggregated once per table and hash-joined; below it they are looked up per row. Per row, a lookup
 * is three index scans and an aggregate for each set: at 100,000 rows that was most of an export's
 * time (EXPLAIN ANALYZE: 34 s of subplans against 9.7 s with the joins, on a loaded machine; see the
 * exports section of the README). One pass over each table costs the same however few rows match, so
 * a short export keeps the lookups.
 */
export const AGGREGATE_JOINS_ABOVE = 5_000;

const date = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const SUBMITTERS_SQL = `string_agg(m.name || coalesce(' (' || m.party || ')', ''), ', ' ORDER BY s.position)`;
const CO_SIGNING_SQL = `string_agg(cs.ministry_code, ', ' ORDER BY cs.ministry_code)`;

/** A set's submitters, co-signing ministries, number of postponements and deadline standing, as columns: looked up per row, or joined from one aggregate per table. */
function withRelatedCounts(qb: SelectQueryBuilder<QuestionSet>, joined: boolean): SelectQueryBuilder<QuestionSet> {
  if (!joined) {
    qb.addSelect(
      `coalesce((SELECT ${SUBMITTERS_SQL} FROM question_set_submitter s JOIN member m ON m.id = s.member_id WHERE s.question_set_id = qs.id), '')`,
      'submitters',
    )
      .addSelect(`coalesce((SELECT ${CO_SIGNING_SQL} FROM question_set_co_signing_ministry cs WHERE cs.question_set_id = qs.id), '')`, 'coSigningMinistries')
      .addSelect('(SELECT count(*) FROM postponement p WHERE p.question_set_id = qs.id)::int', 'postponements');
    return withStanding(qb, deadlineStandingSql());
  }
  qb.leftJoin(
    `(SELECT s.question_set_id, ${SUBMITTERS_SQL} AS names FROM question_set_submitter s JOIN member m ON m.id = s.member_id GROUP BY s.question_set_id)`,
    'sub',
    'sub.question_set_id = qs.id',
  )
    .leftJoin(
      `(SELECT cs.question_set_id, ${CO_SIGNING_SQL} AS codes FROM question_set_co_signing_ministry cs GROUP BY cs.question_set_id)`,
      'cosign',
      'cosign.question_set_id = qs.id',
    )
    .leftJoin('(SELECT p.question_set_id, count(*) AS n FROM postponement p GROUP BY p.question_set_id)', 'pp', 'pp.question_set_id = qs.id')
    .addSelect(`coalesce(sub.names, '')`, 'submitters')
    .addSelect(`coalesce(cosign.codes, '')`, 'coSigningMinistries')
    .addSelect('coalesce(pp.n, 0)::int', 'postponements');
  return withStanding(qb, deadlineStandingSql('(pp.n IS NOT NULL)'));
}

function withStanding(qb: SelectQueryBuilder<QuestionSet>, standing: ReturnType<typeof deadlineStandingSql>): SelectQueryBuilder<QuestionSet> {
  // A set without a deadline is not overdue (SQL's comparison gives null there).
  return qb
    .addSelect(`coalesce(${standing.overdue}, false)`, 'overdue')
    .addSelect(`coalesce(${standing.postponementMissing}, false)`, 'postponementMissing')
    .addSelect(`coalesce(${standing.daysOverdue}, 0)`, 'daysOverdue');
}

/**
 * Reads every set a list would show — the same visibility, filter and order (`QuestionSetQueries`),
 * without paging — as flat rows streamed from PostgreSQL through a cursor, one batch at a time.
 */
@Injectable()
export class QuestionSetRows {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: QuestionSetQueries,
    private readonly clock: Clock,
  ) {}

  async *rows(viewer: Viewer, filter: QuestionSetRowFilter, limit?: number): AsyncGenerator<QuestionSetRow> {
    const today = this.clock.today();
    const filtered = this.queries.filtered(viewer, filter, today);
    const expected = Math.min(limit ?? Infinity, await this.queries.estimate(filtered));
    const qb = filtered
      .leftJoin('qs.leadMinistry', 'lm')
      .leftJoin('qs.assignee', 'au')
      .select('qs.id', 'id')
      .addSelect('qs.reference', 'reference')
      .addSelect('qs.appendix_number', 'appendixNumber')
      .addSelect('qs.chamber', 'chamber')
      .addSelect('qs.subject', 'subject')
      .addSelect(date('qs.submitted_on'), 'submittedOn')
      .addSelect(`array_to_string(qs.addressees, ', ')`, 'addressees')
      .addSelect('qs.lead_ministry_code', 'leadMinistryCode')
      .addSelect('lm.name', 'leadMinistryName')
      .addSelect('qs.status', 'status')
      .addSelect('qs.assignee_id', 'assigneeId')
      .addSelect('au.name', 'assigneeName')
      .addSelect(date('qs.statutory_deadline'), 'statutoryDeadline')
      .addSelect(date('qs.deadline'), 'deadline')
      .addSelect(date('qs.answered_on'), 'answeredOn')
      .addSelect('qs.answered_by', 'answeredBy')
      .addSelect(date('qs.draft_deadline'), 'draftDeadline')
      .addSelect(date('qs.review_deadline'), 'reviewDeadline')
      .addSelect(date('qs.co_signing_deadline'), 'coSigningDeadline');
    withRelatedCounts(qb, expected > AGGREGATE_JOINS_ABOVE);
    this.queries.ordered(qb, filter);
    if (limit !== undefined) qb.limit(limit);
    const [sql, parameters] = qb.getQueryAndParameters();

    // TypeORM's postgres runner can give its connection back to the pool as broken (not reused).
    const runner = this.dataSource.createQueryRunner('slave') as ReturnType<DataSource['createQueryRunner']> & {
      releasePostgresConnection(error?: Error): Promise<void>;
    };
    const client = (await runner.connect()) as PoolClient;
    let finished = false;
    try {
      // One snapshot for the whole read. No JIT: compiling this plan took seconds (8 of 18 s at
      // 100,000 rows) and the cursor reads it once; the sort of a large export fits in memory.
      await client.query('BEGIN READ ONLY');
      await client.query(`SET LOCAL jit = off`);
      await client.query(`SET LOCAL work_mem = '32MB'`);
      const stream = client.query(new QueryStream(sql, parameters, { batchSize: ROW_BATCH_SIZE, highWaterMark: ROW_BATCH_SIZE }));
      yield* stream as AsyncIterable<QuestionSetRow>;
      await client.query('COMMIT');
      finished = true;
    } finally {
      // Stopped half-way (the download was cancelled): the connection may still hold the open cursor and transaction, so it is not reused.
      await runner.releasePostgresConnection(finished ? undefined : new Error('export stopped before its end'));
    }
  }
}
