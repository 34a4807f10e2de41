import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeskConfigService } from '@question-desk/config';
import { Clock, type CalendarDate, type WorkingDays } from '@question-desk/deadlines';
import type { DataSource } from 'typeorm';
import { stuckAfterMs, type DeliveryRef } from './reminder-jobs';
import { NotificationMailStore } from './notification-mail.store';
import { ReminderLedgerStore } from './reminder-ledger.store';
import {
  BEFORE_REVIEW_STATUSES,
  DRAFTING_STATUSES,
  REMINDER_KINDS,
  dueWindow,
  type Condition,
  type ReminderKind,
  type ReminderPolicy,
  type ReminderRule,
  type Recipients,
  type ReferenceDate,
} from './reminder-policy';
import { REMINDER_POLICY, WORKING_DAYS } from './reminders.tokens';

export interface SweepResult {
  today: CalendarDate;
  /** New reminders per kind. */
  created: Partial<Record<ReminderKind, number>>;
  /** Reminders given a new round because their lease expired or they were stuck. */
  recovered: number;
  /** Deliveries offered to the queue: one job per reminder, and one per person whose mail folds. */
  offered: { reminders: number; people: number };
}

/** What the sweep hands to the queue, a batch at a time. */
export interface SweepOffer {
  /** Reminders delivered one by one (their person has no more than the digest threshold waiting). */
  reminders: DeliveryRef[];
  /** People whose waiting notifications go out folded: workflow events past their window, or reminders above the threshold. */
  people: string[];
}

/** Where a rule's next batch of sets starts: after this reference date and set id. */
export interface SweepCursor {
  on: CalendarDate;
  id: string;
}

const NO_ONE = '00000000-0000-0000-0000-000000000000';
/** Sets per batch when no configuration says (the SQL check of the statements). */
const DEFAULT_BATCH = 1000;
/** The advisory lock key of the sweep (any constant; "sweep" in ASCII). */
const SWEEP_LOCK = 0x7377656570;

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
// Sets and people come through the views their libraries own: question_set_facts and desk_person.
const OPEN = 'qs.open';

/** The SQL reading of the policy's vocabulary (reminder-policy.ts); `remindersDue` is its in-memory twin. */
const DATE_COLUMN: Record<Exclude<ReferenceDate, 'digestDay'>, string> = {
  draftDeadline: 'qs.draft_deadline',
  deadline: 'qs.deadline',
  statutoryDeadline: 'qs.statutory_deadline',
};
const CONDITION: Record<Condition, string> = {
  drafting: `qs.status IN (${sqlList(DRAFTING_STATUSES)})`,
  'before-review': `qs.status IN (${sqlList(BEFORE_REVIEW_STATUSES)})`,
  open: OPEN,
  'open-without-postponement': `${OPEN} AND NOT qs.has_postponement`,
  overdue: `${OPEN} AND qs.deadline < $today`,
};
const COVERS = '(u.ministry_code IS NULL OR u.ministry_code = qs.lead_ministry_code)';
const RECIPIENT: Record<Recipients, string> = {
  assignee: 'u.id = qs.assignee_id',
  'desk-and-coordinators': `u.roles && ARRAY['desk', 'coordinator']::text[] AND ${COVERS}`,
  coordinators: `'coordinator' = ANY (u.roles) AND ${COVERS}`,
};

/**
 * Records the reminders now due in the ledger and says which need a delivery job. Safe to run in
 * several workers at once and as often as wanted: the ledger's unique key lets each reminder
 * exist once (INSERT … ON CONFLICT DO NOTHING), and every query reads indexed ranges.
 */
@Injectable()
export class ReminderSweep {
  private readonly logger = new Logger('Reminders');
  private readonly mail = new NotificationMailStore();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: DeskConfigService,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(WORKING_DAYS) private readonly calendar: WorkingDays,
    private readonly ledger: ReminderLedgerStore,
  ) {}

  /**
   * Records what is due and offers every delivery to `offer`, a batch at a time: whatever the
   * backlog, the sweep holds at most REMINDER_SWEEP_BATCH rows (the inserts return a count, the
   * offers are read in keyset pages by person). Without `offer` it only records.
   */
  async sweep(offer?: (batch: SweepOffer) => Promise<void>): Promise<SweepResult> {
    // One sweep at a time: in this process (a chain), and across workers (an advisory lock held by a
    // connection of its own). A first sweep over a large backlog can take longer than the schedule's
    // interval; overlapping sweeps would each wait on the others' rows and pile up.
    const offering = offer !== undefined;
    if (offering) this.offering += 1;
    const run = this.running.then(() => this.locked(() => this.sweepOnce(offer)));
    this.running = run.catch(() => undefined);
    try {
      return await run;
    } finally {
      if (offering) this.offering -= 1;
    }
  }

  /**
   * Whether a sweep that offers deliveries already waits behind the one running here: a further one
   * would add nothing (the waiting one sees everything recorded until it starts), so the scheduled
   * job skips instead of piling up behind a long first sweep.
   */
  get saturated(): boolean {
    return this.offering >= 2;
  }

  private running: Promise<unknown> = Promise.resolve();
  private offering = 0;

  private async locked<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.query('SELECT pg_advisory_lock($1)', [SWEEP_LOCK]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async sweepOnce(offer?: (batch: SweepOffer) => Promise<void>): Promise<SweepResult> {
    const today = this.clock.today();
    const now = this.clock.now();
    const created: SweepResult['created'] = {};
    for (const rule of this.policy) {
      const count = await this.record(rule, today, now);
      if (count) created[rule.kind] = count;
    }
    const recovered = (await this.recover()).length;
    const offered = offer ? await this.offer(now, offer) : { reminders: 0, people: 0 };
    if (Object.keys(created).length || recovered) {
      this.logger.log({ msg: `Reminder sweep for ${today}`, created, recovered, offered });
    }
    return { today, created, recovered, offered };
  }

  /**
   * Every pending entry, by person in keyset pages: a person with more reminders waiting than the
   * digest threshold gets one folded delivery, the others one delivery per reminder; a person whose
   * oldest workflow event has waited the window gets a folded delivery too.
   */
  private async offer(now: Date, offer: (batch: SweepOffer) => Promise<void>): Promise<{ reminders: number; people: number }> {
    const { batch, digestAbove, windowMs } = this.config.values.notifications;
    const pageSize = Math.max(1, Math.floor(batch / digestAbove));
    const offered = { reminders: 0, people: 0 };
    let after = NO_ONE;
    for (;;) {
      const page = await this.mail.offers(this.dataSource.manager, after, REMINDER_KINDS, pageSize);
      if (!page.length) break;
      after = page[page.length - 1].recipientId;
      const people = page
        .filter((p) => p.reminders > digestAbove || (p.oldestEvent && new Date(p.oldestEvent).getTime() <= now.getTime() - windowMs))
        .map((p) => p.recipientId);
      const oneByOne = page.filter((p) => p.reminders > 0 && p.reminders <= digestAbove).map((p) => p.recipientId);
      const reminders = oneByOne.length ? await this.mail.pendingOf(this.dataSource.manager, oneByOne, REMINDER_KINDS) : [];
      if (people.length || reminders.length) await offer({ reminders, people });
      offered.reminders += reminders.length;
      offered.people += people.length;
      if (page.length < pageSize) break;
    }
    return offered;
  }

  /**
   * The SQL that records `rule`'s reminders due today; exposed for EXPLAIN in the benchmark. A rule
   * about a set's date records one batch of `page.size` sets, by (reference date, id) after
   * `page.after`, and answers how many it recorded and where the batch ended; a digest (one per
   * person) records at once.
   */
  statementFor(
    rule: ReminderRule,
    today: CalendarDate,
    now: Date,
    page: { size: number; after: SweepCursor | null } = { size: DEFAULT_BATCH, after: null },
  ): { sql: string; parameters: unknown[] } {
    const window = dueWindow(rule, today, this.calendar);
    const parameters: unknown[] = [rule.kind, now];
    // $1 is the kind (varchar), $2 the creation time.
    const param = (value: unknown, type = 'date') => `$${parameters.push(value)}::${type}`;
    const condition = CONDITION[rule.while].includes('$today') ? CONDITION[rule.while].replaceAll('$today', param(window.conditionOn)) : CONDITION[rule.while];
    if (rule.about === 'digestDay') {
      const day = param(window.to);
      return {
        parameters,
        sql: `
          WITH recorded AS (
            INSERT INTO reminder (question_set_id, kind, refers_to, recipient_id, created_at)
            SELECT NULL, $1::varchar, ${day}, u.id, $2::timestamptz
              FROM desk_person u
             WHERE u.active
               AND EXISTS (SELECT 1 FROM question_set_facts qs WHERE ${condition} AND ${RECIPIENT[rule.to]})
               AND NOT EXISTS (SELECT 1 FROM reminder r WHERE r.question_set_id IS NULL AND r.kind = $1::varchar AND r.refers_to = ${day} AND r.recipient_id = u.id)
            ON CONFLICT ON CONSTRAINT reminder_key DO NOTHING
            RETURNING 1)
          SELECT count(*)::int AS count FROM recorded`,
      };
    }
    const column = DATE_COLUMN[rule.about];
    const range = [window.from === null ? null : `${column} >= ${param(window.from)}`, `${column} <= ${param(window.to)}`].filter(Boolean).join(' AND ');
    // The keyset: (reference date, id) after the last batch's, read from the partial index on both.
    const after = page.after ? ` AND (${column}, qs.id) > (${param(page.after.on)}, ${param(page.after.id, 'uuid')})` : '';
    // A reminder caught up without end ("uitstelbericht due") is recorded once per set and date, for
    // everyone it concerns at that moment: someone who joins the desk later is not told about every
    // old set, and the sweep checks one ledger entry per set instead of one per set and person.
    const recorded = window.from === null ? '' : ' AND r.recipient_id = u.id';
    // The batch is read before anything is inserted (MATERIALIZED): each statement's work is bounded
    // by the batch, whatever the backlog, and its check against the ledger never reads the rows it
    // is writing itself (one INSERT over a whole empty ledger did: quadratic, minutes at 100,000).
    return {
      parameters,
      sql: `
        WITH batch AS MATERIALIZED (
          SELECT qs.id, ${column}, qs.assignee_id, qs.lead_ministry_code
            FROM question_set_facts qs
           WHERE ${range} AND ${condition}${after}
           ORDER BY ${column}, qs.id
           LIMIT ${page.size}),
        recorded AS (
          INSERT INTO reminder (question_set_id, kind, refers_to, recipient_id, created_at)
          SELECT qs.id, $1::varchar, ${column}, u.id, $2::timestamptz
            FROM batch qs
            JOIN desk_person u ON u.active AND ${RECIPIENT[rule.to]}
           WHERE NOT EXISTS (SELECT 1 FROM reminder r WHERE r.question_set_id = qs.id AND r.kind = $1::varchar AND r.refers_to = ${column}${recorded})
          ON CONFLICT ON CONSTRAINT reminder_key DO NOTHING
          RETURNING 1)
        SELECT (SELECT count(*)::int FROM recorded) AS count, (SELECT count(*)::int FROM batch) AS sets, last."on" AS "lastOn", last.id AS "lastId"
          FROM (SELECT 1) one
          LEFT JOIN LATERAL (SELECT ${column}::text AS "on", qs.id FROM batch qs ORDER BY ${column} DESC, qs.id DESC LIMIT 1) last ON true`,
    };
  }

  /**
   * Records `rule`'s reminders due today, in keyset batches of REMINDER_SWEEP_BATCH sets; returns
   * how many (never the rows: a backlog may be huge).
   */
  private async record(rule: ReminderRule, today: CalendarDate, now: Date): Promise<number> {
    const size = this.config.values.notifications.batch;
    let total = 0;
    let after: SweepCursor | null = null;
    for (;;) {
      const { sql, parameters } = this.statementFor(rule, today, now, { size, after });
      const [row] = await this.dataSource.query<{ count: number; sets?: number; lastOn?: CalendarDate | null; lastId?: string | null }[]>(sql, parameters);
      total += row.count;
      if (row.sets === undefined || row.sets < size || !row.lastOn || !row.lastId) return total;
      after = { on: row.lastOn, id: row.lastId };
    }
  }

  /**
   * Reminders whose delivery died: held past their lease (the worker was killed), or pending and
   * untouched for longer than every retry of their job together (the job was lost). They get a new
   * round, hence a new job id. Leases run on the database's clock: they measure how long a process
   * holds a row, not a date of the desk.
   */
  private recover(): Promise<DeliveryRef[]> {
    return this.ledger.recover(this.dataSource.manager, stuckAfterMs(this.config.values.reminders));
  }
}
