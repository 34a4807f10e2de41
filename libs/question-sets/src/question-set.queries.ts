import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import { directQuery, preparedQuery } from '@question-desk/database';
import { DeskError } from '@question-desk/errors';
import type { CalendarDate, Chamber } from '@question-desk/deadlines';
import type { QueryResultRow } from 'pg';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Answer } from './answer.entity';
import { QuestionSet } from './question-set.entity';
import type { Question } from './question.entity';
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
  /** Keyset paging: the `nextCursor` of the page before; `page` is then ignored. */
  after?: string;
}

/** What the list filters on, without paging or order: the one filter of every list of sets (list route, worklist, exports). */
export type QuestionSetListFilter = Omit<QuestionSetFilter, 'page' | 'pageSize' | 'sort' | 'after' | 'changesRequestedFirst'>;

/** A list's total: exact up to TOTAL_EXACT_UP_TO matching sets, else estimated. */
interface Totals {
  total: number;
  totalExact: boolean;
}

export interface Page<T> {
  items: T[];
  /** Exact up to TOTAL_EXACT_UP_TO matching sets; beyond that the planner's estimate (then `totalExact` is false). */
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  /** Keyset paging: pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Totals are counted exactly up to this many matching sets; beyond that they are estimated (`totalExact: false`). */
export const TOTAL_EXACT_UP_TO = 10_000;
/** Above this many expected matches the planner's estimate is the total, without counting (see `total`). */
const ESTIMATE_ONLY_ABOVE = 3 * TOTAL_EXACT_UP_TO;
/** How long the planner's estimate for a filter is used again, and for how many filters at most. */
const ESTIMATE_KEPT_MS = 10_000;
const ESTIMATES_KEPT = 1_000;

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
/** `postponementMissing` of `deadlineStanding`, given SQL that tells whether the set has a postponement. */
const postponementMissingSql = (postponed: string) => `(qs.status NOT IN ${CLOSED} AND qs.statutory_deadline < CAST(:today AS date) AND NOT ${postponed})`;
const POSTPONEMENT_MISSING_SQL = postponementMissingSql(POSTPONED_SQL);

/**
 * `deadlineStanding` of each set as SQL columns (`:today` is a parameter of `filtered`), so a stream
 * of many rows need not compute it per row in JavaScript (calendar arithmetic per row was most of
 * an export's CPU). `postponed` is SQL for "has a postponement" when the query already knows it.
 */
export const deadlineStandingSql = (postponed = POSTPONED_SQL) => ({
  overdue: OVERDUE_SQL,
  postponementMissing: postponementMissingSql(postponed),
  daysOverdue: `${DAYS_OVERDUE_SQL}::int`,
});

const REJECTED_SQL = `(qs.status = 'received' AND coalesce(qs.last_step, '') = 'reject')`;
const CHANGES_REQUESTED_SQL = `(qs.status = 'drafting' AND coalesce(qs.last_step, '') = 'request-changes')`;

/** An ORDER BY column: the expression, its direction, and how a keyset cursor reads it back. */
interface OrderColumn {
  sql: string;
  direction: 'ASC' | 'DESC';
}

/**
 * The order of a list, ending in `qs.id` in the same direction so one B-tree index scan serves it
 * (question_set_deadline, question_set_open_deadline, question_set_submitted_on). Days overdue of an
 * open set grows as its deadline recedes, so over open sets only (overdue=true, or open statuses)
 * it orders as the deadline does and uses the index; over answered sets too it is computed.
 */
export function orderOf(filter: Pick<QuestionSetFilter, 'sort' | 'overdue' | 'status'>): OrderColumn {
  const onlyOpen = filter.overdue === true || (!!filter.status?.length && filter.status.every((s) => !CLOSED_STATUSES.includes(s)));
  switch (filter.sort ?? 'deadline') {
    case 'deadline':
      return { sql: 'qs.deadline', direction: 'ASC' };
    case '-deadline':
      return { sql: 'qs.deadline', direction: 'DESC' };
    case 'submittedOn':
      return { sql: 'qs.submitted_on', direction: 'ASC' };
    case '-submittedOn':
      return { sql: 'qs.submitted_on', direction: 'DESC' };
    case 'daysOverdue':
      return onlyOpen ? { sql: 'qs.deadline', direction: 'DESC' } : { sql: DAYS_OVERDUE_SQL, direction: 'ASC' };
    case '-daysOverdue':
      return onlyOpen ? { sql: 'qs.deadline', direction: 'ASC' } : { sql: DAYS_OVERDUE_SQL, direction: 'DESC' };
  }
}

interface OrderKey {
  sql: string;
  direction: 'ASC' | 'DESC';
  nulls?: 'NULLS FIRST' | 'NULLS LAST';
}

/** The ORDER BY of a list: `order` (best match first when `ranked`; sets whose changes were requested first when asked), ending in the id so the order is total. */
function orderKeys(order: OrderColumn, ranked: boolean, changesRequestedFirst?: boolean): OrderKey[] {
  return [
    ...(ranked ? [{ sql: `ts_rank(qs.search_vector, ${SEARCH_QUERY_SQL})`, direction: 'DESC' as const }] : []),
    ...(changesRequestedFirst
      ? [
          { sql: CHANGES_REQUESTED_SQL, direction: 'DESC' as const },
          { sql: 'qs.draft_deadline', direction: 'ASC' as const, nulls: 'NULLS LAST' as const },
        ]
      : []),
    { sql: order.sql, direction: order.direction, nulls: order.direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST' },
    { sql: 'qs.id', direction: order.direction },
  ];
}

/** Orders `qb` as `orderKeys` says. */
function orderBy(qb: SelectQueryBuilder<QuestionSet>, order: OrderColumn, ranked: boolean, changesRequestedFirst?: boolean): SelectQueryBuilder<QuestionSet> {
  for (const key of orderKeys(order, ranked, changesRequestedFirst)) qb.addOrderBy(key.sql, key.direction, key.nulls);
  return qb;
}

/** A row of a page as read: the set's id and its sort value as text (what a cursor keeps). */
interface ListRow {
  id: string;
  sort_value: string | null;
}

/** A keyset cursor: the last row's sort value and id, base64url JSON. */
interface Cursor {
  value: string | number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

/** The cursor in `after`, or null when it is not one this API made. */
export function decodeCursor(after: string): Cursor | null {
  try {
    const [value, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const okValue =
      value === null || (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
    return okValue && typeof id === 'string' && uuid.test(id) ? { value: value, id } : null;
  } catch {
    return null;
  }
}

/** `after` is not a cursor this API made (the route's validation refuses it first). */
export class InvalidCursor extends DeskError {
  readonly kind = 'rule-violation';

  constructor() {
    super('after must be the nextCursor of an earlier page of the same list');
  }
}

/**
 * Whether a viewer of the ministry in SQL `ministry` may see the set `qs`: one it leads or co-signs.
 * `involved_ministries` is kept by the database (migration AddInvolvedMinistries1733800001000), so
 * the condition is one the lists' indexes, the search index and the planner's estimates serve.
 */
const involvesSql = (ministry: string) => `qs.involved_ministries @> ARRAY[CAST(${ministry} AS text)]`;

const isoDate = (column: string, alias: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${alias}"`;
const related = (sql: string, alias: string) => `coalesce((${sql}), '[]') AS "${alias}"`;

/**
 * Every column of `qs` as the `QuestionSet` entity names it, calendar dates as `YYYY-MM-DD`: the start
 * of `loadSql` and of the store's reads of one set (question-set.store.ts).
 */
export const SET_COLUMNS = `qs.id, qs.reference, qs.appendix_number AS "appendixNumber", qs.chamber, qs.subject, ${isoDate('qs.submitted_on', 'submittedOn')},
       qs.addressees, qs.lead_ministry_code AS "leadMinistryCode", qs.explanatory_note AS "explanatoryNote",
       qs.related_references AS "relatedReferences", qs.status, ${isoDate('qs.statutory_deadline', 'statutoryDeadline')}, ${isoDate('qs.deadline', 'deadline')},
       ${isoDate('qs.answered_on', 'answeredOn')}, qs.answered_by AS "answeredBy", qs.answered_by_post AS "answeredByPost",
       ${isoDate('qs.draft_deadline', 'draftDeadline')}, ${isoDate('qs.review_deadline', 'reviewDeadline')}, ${isoDate('qs.co_signing_deadline', 'coSigningDeadline')},
       qs.assignee_id AS "assigneeId", qs.version, qs.created_at AS "createdAt", qs.updated_at AS "updatedAt",
       qs.last_step AS "lastStep", qs.last_step_at AS "lastStepAt", qs.last_step_note AS "lastStepNote"`;

/**
 * The sets `$1` (uuid[]) with everything a list item shows, of those a viewer of ministry `$2` may
 * see (all when null); `content` adds their questions and answers.
 */
function loadSql(content: boolean): string {
  return `SELECT ${SET_COLUMNS}, lm.name AS "leadMinistryName", au.name AS "assigneeName",
       (SELECT count(*) FROM question q WHERE q.question_set_id = qs.id)::int AS "questionCount",
       ${related(
         `SELECT json_agg(json_build_object('position', s.position, 'name', m.name, 'party', m.party) ORDER BY s.position)
                  FROM question_set_submitter s JOIN member m ON m.id = s.member_id WHERE s.question_set_id = qs.id`,
         'submitters',
       )},
       ${related(
         `SELECT json_agg(json_build_object('code', cs.ministry_code, 'name', mn.name) ORDER BY cs.ministry_code)
                  FROM question_set_co_signing_ministry cs JOIN ministry_name mn ON mn.code = cs.ministry_code WHERE cs.question_set_id = qs.id`,
         'coSigningMinistries',
       )},
       ${related(
         `SELECT json_agg(json_build_object('sentOn', p.sent_on, 'newDeadline', p.new_deadline, 'reason', p.reason, 'createdAt', p.created_at) ORDER BY p.created_at)
                  FROM postponement p WHERE p.question_set_id = qs.id`,
         'postponements',
       )},
       ${related(
         `SELECT json_agg(json_build_object('ministryCode', c.ministry_code, 'signedByName', c.signed_by_name, 'signedAt', c.signed_at) ORDER BY c.ministry_code)
                  FROM co_signature c WHERE c.question_set_id = qs.id`,
         'coSignatures',
       )}${
         content
           ? `,
       ${related(
         `SELECT json_agg(json_build_object('number', q.number, 'text', q.text, 'footnotes', q.footnotes) ORDER BY q.number)
                  FROM question q WHERE q.question_set_id = qs.id`,
         'questions',
       )},
       ${related(
         `SELECT json_agg(json_build_object('position', a.position, 'questionNumbers', a.question_numbers, 'text', a.text, 'footnotes', a.footnotes) ORDER BY a.position)
                  FROM answer a WHERE a.question_set_id = qs.id`,
         'answers',
       )}`
           : ''
       }
  FROM question_set qs
  LEFT JOIN ministry_name lm ON lm.code = qs.lead_ministry_code
  LEFT JOIN desk_person au ON au.id = qs.assignee_id
 WHERE qs.id = ANY($1::uuid[]) AND ($2::text IS NULL OR ${involvesSql('$2')})`;
}

/** The SQL of this file that is not built by TypeORM (test/sql-boundary.e2e-spec.ts prepares each). */
export const QUESTION_SET_READ_SQL = {
  load: loadSql(false),
  loadWithContent: loadSql(true),
  /**
   * For a workflow step: set $1 if a viewer of ministry $2 (all when null) may see it, locked for the
   * rest of the transaction, with what the workflow's rules read besides its columns.
   */
  lockForStep: `SELECT ${SET_COLUMNS},
       ARRAY(SELECT cs.ministry_code FROM question_set_co_signing_ministry cs WHERE cs.question_set_id = qs.id ORDER BY 1) AS "coSigningCodes",
       ARRAY(SELECT c.ministry_code FROM co_signature c WHERE c.question_set_id = qs.id ORDER BY 1) AS "signedCodes",
       ARRAY(SELECT q.number FROM question q WHERE q.question_set_id = qs.id ORDER BY 1) AS "questionNumbers"
  FROM question_set qs
 WHERE qs.id = $1 AND ($2::text IS NULL OR ${involvesSql('$2')})
   FOR UPDATE`,
} as const;

/** Reads question sets. Visibility is part of every query: a viewer with a ministry sees only its sets. */
@Injectable()
export class QuestionSetQueries {
  /** The planner's estimates of recent filters (`estimate`), oldest first. */
  private readonly estimates = new Map<string, { rows: number; until: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The sets `viewer` may see, as `qs`: the start of every query that reads sets (also suggestions.queries.ts).
   * A viewer of a ministry sees the sets it leads or co-signs (`involvesSql`).
   */
  visible(viewer: Viewer, manager?: EntityManager): SelectQueryBuilder<QuestionSet> {
    const qb = (manager ?? this.dataSource.manager).createQueryBuilder(QuestionSet, 'qs');
    if (viewer.ministry) qb.andWhere(involvesSql(':viewerMinistry'), { viewerMinistry: viewer.ministry.code });
    return qb;
  }

  /**
   * The sets `viewer` may see that match `filter`, as `qs`, without order or paging: the one filter
   * builder of every list of sets (the list route, the worklist, the CSV/XLSX exports).
   */
  filtered(viewer: Viewer, filter: QuestionSetListFilter, today: CalendarDate, manager?: EntityManager): SelectQueryBuilder<QuestionSet> {
    const qb = this.visible(viewer, manager).setParameter('today', today);
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
    if (filter.q) qb.andWhere(`qs.search_vector @@ ${SEARCH_QUERY_SQL}`, { q: filter.q });
    return qb;
  }

  /** The list's order for reading every matching set at once (the exports): best match first for a search without a sort. */
  ordered(
    qb: SelectQueryBuilder<QuestionSet>,
    filter: Pick<QuestionSetFilter, 'q' | 'sort' | 'overdue' | 'status' | 'changesRequestedFirst'>,
  ): SelectQueryBuilder<QuestionSet> {
    return orderBy(qb, orderOf(filter), !!filter.q && !filter.sort, filter.changesRequestedFirst);
  }

  /**
   * One page of the list. Costs do not grow with history: the total is counted only up to
   * TOTAL_EXACT_UP_TO matches (beyond, the planner's estimate, `totalExact: false`), the page is read
   * along an index in the order of `orderOf`, and `after` (keyset) reaches any depth as cheaply as
   * the first page. With `q` and no sort the best matches come first (`bestMatches`); when more than
   * TOTAL_EXACT_UP_TO sets match, ranking all of them would cost a read of each, so they come
   * newest first instead.
   */
  async list(viewer: Viewer, filter: QuestionSetFilter, today: CalendarDate): Promise<Page<QuestionSet>> {
    const cursor = filter.after ? decodeCursor(filter.after) : undefined;
    if (cursor === null) throw new InvalidCursor();
    const base = this.filtered(viewer, filter, today);
    let totals: Promise<Totals> | undefined;
    let order = orderOf(filter);
    if (filter.q && !filter.sort) {
      // A cursor is only ever handed out for the newest-first order of a search too wide to rank.
      if (!cursor) {
        const best = await this.bestMatches(base, filter);
        if (best.ids) return this.pageOf(best.ids, best.totals, filter, null);
        totals = Promise.resolve(best.totals);
      }
      order = orderOf({ sort: '-submittedOn' });
    }
    totals ??= this.total(base);
    const qb = base.clone().select('qs.id', 'id').addSelect(`CAST(${order.sql} AS text)`, 'sort_value');
    orderBy(qb, order, false, filter.changesRequestedFirst);
    const keyset = !!cursor && !filter.changesRequestedFirst;
    let rows: ListRow[];
    if (keyset) {
      rows = await this.afterCursor(qb, order, cursor, filter.pageSize);
    } else {
      rows = await rawRowsOf<ListRow>(qb.offset((filter.page - 1) * filter.pageSize).limit(filter.pageSize));
    }
    const { total, totalExact } = await totals;
    const last = rows[rows.length - 1];
    const more = keyset || filter.page * filter.pageSize < total || !totalExact;
    const nextCursor =
      last && rows.length === filter.pageSize && more && !filter.changesRequestedFirst
        ? encodeCursor({ value: cursorValue(last.sort_value), id: last.id })
        : null;
    return this.pageOf(
      rows.map((r) => r.id),
      { total, totalExact },
      filter,
      nextCursor,
    );
  }

  /** The page of sets `ids`, in that order, with everything a list item shows. */
  private async pageOf(ids: string[], totals: Totals, filter: QuestionSetFilter, nextCursor: string | null): Promise<Page<QuestionSet>> {
    const byId = new Map((await this.load(ids, false)).map((set) => [set.id, set]));
    return { items: ids.map((id) => byId.get(id)!), ...totals, page: filter.page, pageSize: filter.pageSize, nextCursor };
  }

  /**
   * A search without a sort, best match first: ranking reads every matching set, so it is done only
   * when at most TOTAL_EXACT_UP_TO sets match, and in one pass that also counts them (a count and then
   * a ranking would read each match twice). `ids` is the page, or absent when more sets match (or the
   * planner expects more than ESTIMATE_ONLY_ABOVE, as in `total`); `totals` is the total either way.
   */
  private async bestMatches(base: SelectQueryBuilder<QuestionSet>, filter: QuestionSetFilter): Promise<{ ids?: string[]; totals: Totals }> {
    const estimate = await this.estimate(base);
    if (estimate > ESTIMATE_ONLY_ABOVE) return { totals: { total: estimate, totalExact: false } };
    const keys = orderKeys(orderOf(filter), true, filter.changesRequestedFirst);
    const matches = base.clone().select('qs.id', 'id');
    keys.forEach((key, i) => matches.addSelect(key.sql, `k${i}`));
    const [query, parameters] = matches.limit(TOTAL_EXACT_UP_TO + 1).getQueryAndParameters() as [string, unknown[]];
    const order = keys.map((key, i) => `k${i} ${key.direction} ${key.nulls ?? ''}`).join(', ');
    // Words are asked of the GIN index as exact lexemes (desk_search_query), so its bitmap stays exact in the default
    // work_mem: at 1M sets the drafter's search of bench:scale reads 4,324 heap blocks, none lossy.
    const [{ n, ids }] = await directQuery<{ n: number; ids: string[] }>(
      base.connection.manager,
      `WITH matches AS MATERIALIZED (${query})
       SELECT (SELECT count(*)::int FROM matches) AS n,
              ARRAY(SELECT CAST(id AS text) FROM matches ORDER BY ${order} OFFSET $${parameters.length + 1} LIMIT $${parameters.length + 2}) AS ids`,
      [...parameters, (filter.page - 1) * filter.pageSize, filter.pageSize],
    );
    if (n > TOTAL_EXACT_UP_TO) return { totals: { total: Math.max(n, estimate), totalExact: false } };
    return { ids, totals: { total: n, totalExact: true } };
  }

  /** The rows after `cursor` in `order`: an index range scan from the cursor on, then the sets without a value (sorted last, or first when descending). */
  private async afterCursor(qb: SelectQueryBuilder<QuestionSet>, order: OrderColumn, cursor: Cursor, pageSize: number): Promise<ListRow[]> {
    const op = order.direction === 'ASC' ? '>' : '<';
    const page = (where: string, params: object, limit: number) => rawRowsOf<ListRow>(qb.clone().andWhere(where, params).limit(limit));
    if (order.direction === 'ASC') {
      if (cursor.value === null) return page(`${order.sql} IS NULL AND qs.id > :afterId`, { afterId: cursor.id }, pageSize);
      const rows = await page(`(${order.sql}, qs.id) > (:afterValue, :afterId)`, { afterValue: cursor.value, afterId: cursor.id }, pageSize);
      return rows.length < pageSize ? [...rows, ...(await page(`${order.sql} IS NULL`, {}, pageSize - rows.length))] : rows;
    }
    if (cursor.value !== null) return page(`(${order.sql}, qs.id) ${op} (:afterValue, :afterId)`, { afterValue: cursor.value, afterId: cursor.id }, pageSize);
    const rows = await page(`${order.sql} IS NULL AND qs.id < :afterId`, { afterId: cursor.id }, pageSize);
    return rows.length < pageSize ? [...rows, ...(await page(`${order.sql} IS NOT NULL`, {}, pageSize - rows.length))] : rows;
  }

  /**
   * How many sets match, never by a count over everything: when the planner expects more than
   * ESTIMATE_ONLY_ABOVE matches (three times the cap: its estimates for these filters are within a
   * few per cent at 1M sets, see bench:scale) its estimate is the answer (`totalExact: false`);
   * otherwise the sets are counted up to TOTAL_EXACT_UP_TO + 1 (the count stops there, along
   * whatever index the filter uses), and beyond that the estimate is given.
   */
  async total(filtered: SelectQueryBuilder<QuestionSet>): Promise<Totals> {
    const estimate = await this.estimate(filtered);
    if (estimate > ESTIMATE_ONLY_ABOVE) return { total: estimate, totalExact: false };
    const [query, parameters] = this.matching(filtered);
    const [{ n }] = await directQuery<{ n: number }>(
      filtered.connection.manager,
      `SELECT count(*)::int AS n FROM (${query} LIMIT ${TOTAL_EXACT_UP_TO + 1}) capped`,
      parameters,
    );
    if (n <= TOTAL_EXACT_UP_TO) return { total: n, totalExact: true };
    return { total: Math.max(n, estimate), totalExact: false };
  }

  /**
   * How many sets the planner expects `filtered` to match (no rows are read). Kept for
   * ESTIMATE_KEPT_MS per filter: the planner's statistics change only when the table is analysed,
   * and the same list asked again (the next page, another viewer of the same ministry) then costs
   * PostgreSQL no planning for it.
   */
  async estimate(filtered: SelectQueryBuilder<QuestionSet>): Promise<number> {
    const [query, parameters] = this.matching(filtered);
    const key = `${query}\u0000${JSON.stringify(parameters)}`;
    const now = Date.now();
    const kept = this.estimates.get(key);
    if (kept && kept.until > now) return kept.rows;
    const [{ 'QUERY PLAN': plan }] = await directQuery<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      filtered.connection.manager,
      `EXPLAIN (FORMAT JSON) ${query}`,
      parameters,
    );
    const rows = Math.round(plan[0].Plan['Plan Rows']);
    this.estimates.delete(key);
    if (this.estimates.size >= ESTIMATES_KEPT) this.estimates.delete(this.estimates.keys().next().value!);
    this.estimates.set(key, { rows, until: now + ESTIMATE_KEPT_MS });
    return rows;
  }

  /** The SQL of the sets `filtered` matches, without order or paging. */
  private matching(filtered: SelectQueryBuilder<QuestionSet>): [string, unknown[]] {
    return filtered.clone().select('1', 'one').orderBy().offset(undefined).limit(undefined).getQueryAndParameters();
  }

  /** Whether the set exists and the viewer may see it. */
  async isVisible(viewer: Viewer, id: string, manager?: EntityManager): Promise<boolean> {
    return !!(await this.visible(viewer, manager).select('qs.id', 'id').andWhere('qs.id = :id', { id }).getRawOne());
  }

  /**
   * For a workflow step: the set `viewer` may see, locked for the rest of the transaction, with the
   * codes of its co-signing ministries and of those that signed and the numbers of its questions, in
   * one prepared statement; null when it does not exist or they may not see it.
   */
  async lockVisible(
    viewer: Viewer,
    id: string,
    manager: EntityManager,
  ): Promise<{ set: QuestionSet; coSigningCodes: string[]; signedCodes: string[]; questionNumbers: number[] } | null> {
    const [row] = await preparedQuery<LockedRow>(manager, QUESTION_SET_READ_SQL.lockForStep, [id, viewer.ministry?.code ?? null]);
    if (!row) return null;
    const { coSigningCodes, signedCodes, questionNumbers, ...columns } = row;
    return { set: setOfColumns(columns), coSigningCodes, signedCodes, questionNumbers };
  }

  /** One set with everything, or null when it does not exist or the viewer may not see it. */
  async findVisible(viewer: Viewer, id: string, manager?: EntityManager): Promise<QuestionSet | null> {
    const [set] = await this.loadSets(manager ?? this.dataSource.manager, [id], true, viewer.ministry?.code ?? null);
    return set ?? null;
  }

  /** Sets with their relations; questions and answers only when `withContent`. */
  async load(ids: string[], withContent: boolean, manager?: EntityManager): Promise<QuestionSet[]> {
    if (ids.length === 0) return [];
    return this.loadSets(manager ?? this.dataSource.manager, ids, withContent, null);
  }

  /**
   * One prepared statement, each related table aggregated per set: TypeORM's `find` with these
   * relations joined all eight tables into one statement whose rows multiplied per relation, and
   * planning it and hydrating its rows cost more than reading the page (bench:scale). Prepared, the
   * plan is made once per connection: 2.8 instead of 4.5 ms for a page of 25 at 1M sets.
   */
  private async loadSets(db: EntityManager, ids: string[], withContent: boolean, visibleTo: string | null): Promise<QuestionSet[]> {
    const rows = await preparedQuery<LoadedRow>(db, withContent ? QUESTION_SET_READ_SQL.loadWithContent : QUESTION_SET_READ_SQL.load, [ids, visibleTo]);
    return rows.map(toLoadedSet);
  }
}

/** A set's own columns, as `SET_COLUMNS` reads them (the entity without its relations). */
export type SetColumnsRow = Omit<
  QuestionSet,
  'leadMinistry' | 'assignee' | 'submitters' | 'coSigningMinistries' | 'postponements' | 'coSignatures' | 'questions' | 'answers'
>;

/** The set whose columns `SET_COLUMNS` read as `row` (its relations not loaded). */
export function setOfColumns(row: SetColumnsRow): QuestionSet {
  return Object.assign(new QuestionSet(), row);
}

/** A set as `lockForStep` reads it: its columns and what the workflow's rules read. */
interface LockedRow extends SetColumnsRow {
  coSigningCodes: string[];
  signedCodes: string[];
  questionNumbers: number[];
}

/** A set as `loadSets` reads it: the set's columns, the names it refers to, and each relation as JSON. */
interface LoadedRow extends SetColumnsRow {
  leadMinistryName: string | null;
  assigneeName: string | null;
  submitters: { position: number; name: string; party: string | null }[];
  coSigningMinistries: { code: string; name: string }[];
  postponements: { sentOn: string; newDeadline: string; reason: string; createdAt: string }[];
  coSignatures: { ministryCode: string; signedByName: string; signedAt: string }[];
  questions?: { number: number; text: string; footnotes: Question['footnotes'] }[];
  answers?: { position: number; questionNumbers: number[]; text: string; footnotes: Answer['footnotes'] }[];
}

/**
 * The loaded row as the set entity `toView` and the workflow read: its related rows carry the
 * fields those read (a ministry its code and name, a person their id and name), not whole entities.
 */
function toLoadedSet(row: LoadedRow): QuestionSet {
  const { leadMinistryName, assigneeName, submitters, coSigningMinistries, postponements, coSignatures, questions, answers, ...columns } = row;
  const related = {
    leadMinistry: columns.leadMinistryCode && leadMinistryName !== null ? { code: columns.leadMinistryCode, name: leadMinistryName } : null,
    assignee: columns.assigneeId && assigneeName !== null ? { id: columns.assigneeId, name: assigneeName } : null,
    submitters: submitters.map(({ position, name, party }) => ({ position, member: { name, party } })),
    coSigningMinistries,
    postponements: postponements.map((p) => ({ ...p, createdAt: new Date(p.createdAt) })),
    coSignatures: coSignatures.map((c) => ({ ...c, signedAt: new Date(c.signedAt) })),
    ...(questions ? { questions } : {}),
    ...(answers ? { answers } : {}),
  };
  return Object.assign(new QuestionSet(), columns, related as unknown as Partial<QuestionSet>);
}

/** The raw rows of `qb` (made outside a transaction, as every list is), read by pg directly (`directQuery`). */
function rawRowsOf<T extends object>(qb: SelectQueryBuilder<QuestionSet>): Promise<T[]> {
  const [text, values] = qb.getQueryAndParameters() as [string, unknown[]];
  return directQuery<T & QueryResultRow>(qb.connection.manager, text, values);
}

/** A sort value (read as text) as a cursor keeps it: dates as YYYY-MM-DD, days as numbers. */
function cursorValue(value: string | null): string | number | null {
  return value !== null && /^-?\d+$/.test(value) ? Number(value) : value;
}
