import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeskConfigService } from '@question-desk/config';
import { Clock, type CalendarDate, type WorkingDays } from '@question-desk/deadlines';
import type { DataSource } from 'typeorm';
import { stuckAfterMs, type DeliveryRef } from './reminder-jobs';
import { ReminderLedgerStore } from './reminder-ledger.store';
import {
  BEFORE_REVIEW_STATUSES,
  DRAFTING_STATUSES,
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
  /** Every reminder that needs a delivery job (new, recovered, and pending ones whose job may be lost). */
  deliveries: DeliveryRef[];
}

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: DeskConfigService,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(WORKING_DAYS) private readonly calendar: WorkingDays,
    private readonly ledger: ReminderLedgerStore,
  ) {}

  async sweep(): Promise<SweepResult> {
    const today = this.clock.today();
    const now = this.clock.now();
    const created: SweepResult['created'] = {};
    const deliveries = new Map<string, DeliveryRef>();
    for (const rule of this.policy) {
      const rows = await this.record(rule, today, now);
      if (rows.length) created[rule.kind] = rows.length;
      for (const row of rows) deliveries.set(row.id, row);
    }
    const recovered = await this.recover();
    for (const row of recovered) deliveries.set(row.id, row);
    for (const row of await this.pending()) if (!deliveries.has(row.id)) deliveries.set(row.id, row);
    if (Object.keys(created).length || recovered.length) {
      this.logger.log({ msg: `Reminder sweep for ${today}`, created, recovered: recovered.length, toDeliver: deliveries.size });
    }
    return { today, created, recovered: recovered.length, deliveries: [...deliveries.values()] };
  }

  /** The SQL that records `rule`'s reminders due today; exposed for EXPLAIN in the benchmark. */
  statementFor(rule: ReminderRule, today: CalendarDate, now: Date): { sql: string; parameters: unknown[] } {
    const window = dueWindow(rule, today, this.calendar);
    const parameters: unknown[] = [rule.kind, now];
    // $1 is the kind (varchar), $2 the creation time.
    const param = (value: unknown) => `$${parameters.push(value)}::date`;
    const condition = CONDITION[rule.while].includes('$today') ? CONDITION[rule.while].replaceAll('$today', param(window.conditionOn)) : CONDITION[rule.while];
    if (rule.about === 'digestDay') {
      const day = param(window.to);
      return {
        parameters,
        sql: `
          INSERT INTO reminder (question_set_id, kind, refers_to, recipient_id, created_at)
          SELECT NULL, $1::varchar, ${day}, u.id, $2::timestamptz
            FROM desk_person u
           WHERE u.active
             AND EXISTS (SELECT 1 FROM question_set_facts qs WHERE ${condition} AND ${RECIPIENT[rule.to]})
             AND NOT EXISTS (SELECT 1 FROM reminder r WHERE r.question_set_id IS NULL AND r.kind = $1::varchar AND r.refers_to = ${day} AND r.recipient_id = u.id)
          ON CONFLICT ON CONSTRAINT reminder_key DO NOTHING
          RETURNING id, round`,
      };
    }
    const column = DATE_COLUMN[rule.about];
    const range = [window.from === null ? null : `${column} >= ${param(window.from)}`, `${column} <= ${param(window.to)}`].filter(Boolean).join(' AND ');
    // A reminder caught up without end ("uitstelbericht due") is recorded once per set and date, for
    // everyone it concerns at that moment: someone who joins the desk later is not told about every
    // old set, and the sweep checks one ledger entry per set instead of one per set and person.
    const recorded = window.from === null ? '' : ' AND r.recipient_id = u.id';
    return {
      parameters,
      sql: `
        INSERT INTO reminder (question_set_id, kind, refers_to, recipient_id, created_at)
        SELECT qs.id, $1::varchar, ${column}, u.id, $2::timestamptz
          FROM question_set_facts qs
          JOIN desk_person u ON u.active AND ${RECIPIENT[rule.to]}
         WHERE ${range} AND ${condition}
           AND NOT EXISTS (SELECT 1 FROM reminder r WHERE r.question_set_id = qs.id AND r.kind = $1::varchar AND r.refers_to = ${column}${recorded})
        ON CONFLICT ON CONSTRAINT reminder_key DO NOTHING
        RETURNING id, round`,
    };
  }

  private async record(rule: ReminderRule, today: CalendarDate, now: Date): Promise<DeliveryRef[]> {
    const { sql, parameters } = this.statementFor(rule, today, now);
    return this.dataSource.query<DeliveryRef[]>(sql, parameters);
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

  /** Pending reminders, oldest first: their job is added again in case Redis lost it (a no-op when it is there). */
  private pending(): Promise<DeliveryRef[]> {
    return this.ledger.pending(this.dataSource.manager);
  }
}
