import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import { Clock, type CalendarDate } from '@question-desk/deadlines';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { QuestionSetQueries, type QuestionSetFilter } from './question-set.queries';
import type { QuestionSetStatus } from './statuses';
import { standingOf } from './question-set.view';

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

type RawRow = Omit<QuestionSetRow, 'overdue' | 'postponementMissing' | 'daysOverdue' | 'postponements'> & { postponements: number };

/** How many rows PostgreSQL hands over per round trip: memory stays at one batch, whatever the total. */
export const ROW_BATCH_SIZE = 1000;

const date = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

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
    const qb = this.queries
      .filtered(viewer, filter, today)
      .leftJoin('qs.leadMinistry', 'lm')
      .leftJoin('qs.assignee', 'au')
      .select('qs.id', 'id')
      .addSelect('qs.reference', 'reference')
      .addSelect('qs.appendix_number', 'appendixNumber')
      .addSelect('qs.chamber', 'chamber')
      .addSelect('qs.subject', 'subject')
      .addSelect(date('qs.submitted_on'), 'submittedOn')
      .addSelect(
        `coalesce((SELECT string_agg(m.name || coalesce(' (' || m.party || ')', ''), ', ' ORDER BY s.position)
           FROM question_set_submitter s JOIN member m ON m.id = s.member_id WHERE s.question_set_id = qs.id), '')`,
        'submitters',
      )
      .addSelect(`array_to_string(qs.addressees, ', ')`, 'addressees')
      .addSelect('qs.lead_ministry_code', 'leadMinistryCode')
      .addSelect('lm.name', 'leadMinistryName')
      .addSelect(
        `coalesce((SELECT string_agg(cs.ministry_code, ', ' ORDER BY cs.ministry_code)
           FROM question_set_co_signing_ministry cs WHERE cs.question_set_id = qs.id), '')`,
        'coSigningMinistries',
      )
      .addSelect('qs.status', 'status')
      .addSelect('qs.assignee_id', 'assigneeId')
      .addSelect('au.name', 'assigneeName')
      .addSelect(date('qs.statutory_deadline'), 'statutoryDeadline')
      .addSelect(date('qs.deadline'), 'deadline')
      .addSelect('(SELECT count(*) FROM postponement p WHERE p.question_set_id = qs.id)::int', 'postponements')
      .addSelect(date('qs.answered_on'), 'answeredOn')
      .addSelect('qs.answered_by', 'answeredBy')
      .addSelect(date('qs.draft_deadline'), 'draftDeadline')
      .addSelect(date('qs.review_deadline'), 'reviewDeadline')
      .addSelect(date('qs.co_signing_deadline'), 'coSigningDeadline');
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
      const stream = client.query(new QueryStream(sql, parameters, { batchSize: ROW_BATCH_SIZE, highWaterMark: ROW_BATCH_SIZE }));
      for await (const raw of stream as AsyncIterable<RawRow & { rank?: number }>) {
        yield this.shaped(raw, today);
      }
      finished = true;
    } finally {
      // Stopped half-way (the download was cancelled): the connection may still hold the open cursor, so it is not reused.
      await runner.releasePostgresConnection(finished ? undefined : new Error('export stopped before its end'));
    }
  }

  private shaped({ rank: _rank, ...raw }: RawRow & { rank?: number }, today: CalendarDate): QuestionSetRow {
    return { ...raw, ...standingOf(raw, today) };
  }
}
