import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import type { CalendarDate, Chamber } from '@question-desk/deadlines';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { QuestionSet } from './question-set.entity';
import { CLOSED_STATUSES, type QuestionSetStatus } from './statuses';
import { SEARCH_QUERY_SQL } from './search-query';

export const SORT_KEYS = ['deadline', '-deadline', 'submittedOn', '-submittedOn', 'daysOverdue', '-daysOverdue'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface QuestionSetFilter {
  status?: QuestionSetStatus[];
  overdue?: boolean;
  /** Full text over subject, questions and answers, with Dutch stemming. */
  q?: string;
  reference?: string;
  ministry?: string;
  /** Part of a submitting member's name. */
  submitter?: string;
  /** Deadline strictly before this date. */
  deadlineBefore?: CalendarDate;
  /** Deadline strictly after this date. */
  deadlineAfter?: CalendarDate;
  chamber?: Chamber;
  /** Open, past the statutory deadline, and no postponement registered (the list item's `postponementMissing`). */
  postponementMissing?: boolean;
  /** Whether an uitstelbericht has been registered. */
  postponed?: boolean;
  /** Assigned to this user (id). */
  assigneeId?: string;
  /** The latest assignment step was a rejection (the set is back at the desk). */
  assignmentRejected?: boolean;
  /** Sets whose drafter must make changes the reviewer asked for before all others; then by internal draft deadline. */
  changesRequestedFirst?: boolean;
  page: number;
  pageSize: number;
  sort?: SortKey;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const CLOSED = `('${CLOSED_STATUSES.join("', '")}')`;

/**
 * The SQL twins of `deadlineStanding` (libs/deadlines), for filtering and sorting in the database.
 * `:today` is the Amsterdam date. The e2e tests check that both agree.
 */
const OVERDUE_SQL = `(qs.status NOT IN ${CLOSED} AND qs.deadline < CAST(:today AS date))`;
const DAYS_OVERDUE_SQL = `(CASE
  WHEN qs.status = 'withdrawn' OR qs.deadline IS NULL THEN 0
  WHEN qs.status = 'answered' THEN GREATEST(0, qs.answered_on - qs.deadline)
  ELSE GREATEST(0, CAST(:today AS date) - qs.deadline) END)`;

const POSTPONED_SQL = 'EXISTS (SELECT 1 FROM postponement p WHERE p.question_set_id = qs.id)';
/** `postponementMissing` of `deadlineStanding`. */
const POSTPONEMENT_MISSING_SQL = `(qs.status NOT IN ${CLOSED} AND qs.statutory_deadline < CAST(:today AS date) AND NOT ${POSTPONED_SQL})`;

const REJECTED_SQL = `(qs.status = 'received' AND coalesce(qs.last_step, '') = 'reject')`;
const CHANGES_REQUESTED_SQL = `(qs.status = 'drafting' AND coalesce(qs.last_step, '') = 'request-changes')`;

const ORDER: Record<SortKey, [string, 'ASC' | 'DESC']> = {
  deadline: ['qs.deadline', 'ASC'],
  '-deadline': ['qs.deadline', 'DESC'],
  submittedOn: ['qs.submitted_on', 'ASC'],
  '-submittedOn': ['qs.submitted_on', 'DESC'],
  daysOverdue: [DAYS_OVERDUE_SQL, 'ASC'],
  '-daysOverdue': [DAYS_OVERDUE_SQL, 'DESC'],
};

/** Reads question sets. Visibility is part of every query: a viewer with a ministry sees only its sets. */
@Injectable()
export class QuestionSetQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The sets `viewer` may see, as `qs`: the start of every query that reads sets (also suggestions.queries.ts). */
  visible(viewer: Viewer, manager?: EntityManager): SelectQueryBuilder<QuestionSet> {
    const qb = (manager ?? this.dataSource.manager).createQueryBuilder(QuestionSet, 'qs');
    if (viewer.ministry) {
      qb.andWhere(
        `(qs.lead_ministry_code = :viewerMinistry OR EXISTS (
          SELECT 1 FROM question_set_co_signing_ministry cs
          WHERE cs.question_set_id = qs.id AND cs.ministry_code = :viewerMinistry))`,
        { viewerMinistry: viewer.ministry.code },
      );
    }
    return qb;
  }

  async list(viewer: Viewer, filter: QuestionSetFilter, today: CalendarDate): Promise<Page<QuestionSet>> {
    const qb = this.visible(viewer).setParameter('today', today);
    if (filter.status?.length) qb.andWhere('qs.status IN (:...statuses)', { statuses: filter.status });
    if (filter.overdue !== undefined) qb.andWhere(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    if (filter.reference) qb.andWhere('qs.reference = :reference', { reference: filter.reference.toUpperCase() });
    if (filter.ministry) qb.andWhere('qs.lead_ministry_code = :ministry', { ministry: filter.ministry });
    if (filter.deadlineBefore) qb.andWhere('qs.deadline < :deadlineBefore', { deadlineBefore: filter.deadlineBefore });
    if (filter.deadlineAfter) qb.andWhere('qs.deadline > :deadlineAfter', { deadlineAfter: filter.deadlineAfter });
    if (filter.chamber) qb.andWhere('qs.chamber = :chamber', { chamber: filter.chamber });
    if (filter.postponementMissing !== undefined) qb.andWhere(filter.postponementMissing ? POSTPONEMENT_MISSING_SQL : `NOT ${POSTPONEMENT_MISSING_SQL}`);
    if (filter.postponed !== undefined) qb.andWhere(filter.postponed ? POSTPONED_SQL : `NOT ${POSTPONED_SQL}`);
    if (filter.assigneeId) qb.andWhere('qs.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.assignmentRejected !== undefined) qb.andWhere(filter.assignmentRejected ? REJECTED_SQL : `NOT ${REJECTED_SQL}`);
    if (filter.submitter) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM question_set_submitter s JOIN member m ON m.id = s.member_id
          WHERE s.question_set_id = qs.id AND m.name ILIKE :submitter ESCAPE '\\')`,
        { submitter: `%${filter.submitter.replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
      );
    }
    qb.select('qs.id', 'id').addSelect('count(*) OVER ()', 'total');
    if (filter.q) {
      qb.andWhere(`qs.search_vector @@ ${SEARCH_QUERY_SQL}`, { q: filter.q });
      if (!filter.sort) qb.addSelect(`ts_rank(qs.search_vector, ${SEARCH_QUERY_SQL})`, 'rank').orderBy('rank', 'DESC');
    }
    if (filter.changesRequestedFirst) {
      qb.addOrderBy(CHANGES_REQUESTED_SQL, 'DESC').addOrderBy('qs.draft_deadline', 'ASC', 'NULLS LAST');
    }
    const [expression, direction] = ORDER[filter.sort ?? 'deadline'];
    qb.addOrderBy(expression, direction, direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST').addOrderBy('qs.id', 'ASC');
    const rows: { id: string; total: string }[] = await qb
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .getRawMany();
    const total = rows.length > 0 ? Number(rows[0].total) : await this.countBeyondLastPage(qb);
    const loaded = await this.load(
      rows.map((r) => r.id),
      false,
    );
    const byId = new Map(loaded.map((set) => [set.id, set]));
    return { items: rows.map((r) => byId.get(r.id)!), total, page: filter.page, pageSize: filter.pageSize };
  }

  private async countBeyondLastPage(qb: SelectQueryBuilder<QuestionSet>): Promise<number> {
    const [{ count }] = await qb.clone().select('count(*)', 'count').orderBy().offset(undefined).limit(undefined).getRawMany<{ count: string }>();
    return Number(count);
  }

  /** Whether the set exists and the viewer may see it. */
  async isVisible(viewer: Viewer, id: string, manager?: EntityManager): Promise<boolean> {
    return !!(await this.visible(viewer, manager).select('qs.id', 'id').andWhere('qs.id = :id', { id }).getRawOne());
  }

  /** One set with everything, or null when it does not exist or the viewer may not see it. */
  async findVisible(viewer: Viewer, id: string, manager?: EntityManager): Promise<QuestionSet | null> {
    if (!(await this.isVisible(viewer, id, manager))) return null;
    const [set] = await this.load([id], true, manager);
    return set ?? null;
  }

  /** Sets with their relations; questions and answers only when `withContent`. */
  async load(ids: string[], withContent: boolean, manager?: EntityManager): Promise<QuestionSet[]> {
    if (ids.length === 0) return [];
    return this.loadSets(manager ?? this.dataSource.manager, ids, withContent);
  }

  private loadSets(db: EntityManager, ids: string[], withContent: boolean): Promise<QuestionSet[]> {
    return db.find(QuestionSet, {
      where: { id: In(ids) },
      relations: {
        submitters: { member: true },
        leadMinistry: true,
        coSigningMinistries: true,
        postponements: true,
        coSignatures: true,
        assignee: true,
        questions: withContent,
        answers: withContent,
      },
    });
  }
}
