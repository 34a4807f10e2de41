import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@question-desk/deadlines';
import type { EntityManager } from 'typeorm';
import type { DeliveryRef } from './reminder-jobs';
import { DIGEST_LIMIT, type SetSummary } from './reminder-message';
import type { PersonFacts, SetFacts } from './reminder-policy';
import type { ReminderStatus } from './reminder.entity';

/**
 * The life of a reminder in the ledger, as one table (like the workflow's): each step, the
 * statuses it may start from, and where it leads. Every change of status goes through `move`.
 */
export const REMINDER_STEPS = {
  /** A worker takes it, holding a lease (a lapsed holder's too; the sweep gives the stuck ones a new round). */
  claim: { from: ['pending', 'sending', 'failed'], to: 'sending' },
  /** The state no longer calls for it. */
  cancel: { from: ['pending', 'sending', 'failed'], to: 'cancelled' },
  /** The mail server took it (or email is off: the notification is in the app). */
  'mark-sent': { from: ['sending'], to: 'sent' },
  /** The email failed; the job tries again. */
  release: { from: ['sending'], to: 'pending' },
  /** The email failed for the last time. */
  'give-up': { from: ['sending'], to: 'failed' },
  /** Its delivery died (lease run out, job lost): a new round, hence a new job. */
  recover: { from: ['pending', 'sending'], to: 'pending' },
  /** An admin tries a failed one again. */
  retry: { from: ['failed'], to: 'pending' },
} as const satisfies Record<string, { from: readonly ReminderStatus[]; to: ReminderStatus }>;
export type ReminderStep = keyof typeof REMINDER_STEPS;

/** Stuck reminders the sweep gives a new round at most per run. */
export const REQUEUE_LIMIT = 5000;

// The other capabilities' data comes through the views they own: question_set_facts
// (libs/question-sets) and desk_person (libs/accounts).
const SET_COLUMNS = `qs.id, qs.status, qs.reference, qs.appendix_number AS "appendixNumber", qs.subject,
  qs.statutory_deadline::text AS "statutoryDeadline", qs.deadline::text AS deadline, qs.draft_deadline::text AS "draftDeadline",
  qs.assignee_id AS "assigneeId", qs.lead_ministry_code AS "leadMinistryCode"`;

/**
 * Every SQL statement of the ledger but the sweep's (built per rule in reminder-sweep.service.ts),
 * by name; test/sql-boundary.e2e-spec.ts prepares each against the migrated schema.
 */
export const REMINDER_SQL = {
  forDelivery: `SELECT id, kind, question_set_id AS "questionSetId", refers_to::text AS "refersTo", recipient_id AS "recipientId", status,
              (lease_until IS NOT NULL AND lease_until > now()) AS leased
         FROM reminder WHERE id = $1 FOR UPDATE`,
  recipient: `SELECT id, email, name, roles, ministry_code AS "ministryCode", active FROM desk_person WHERE id = $1`,
  setFacts: `SELECT ${SET_COLUMNS}, qs.has_postponement AS "hasPostponement" FROM question_set_facts qs WHERE qs.id = $1`,
  overdueSets: `SELECT ${SET_COLUMNS}, count(*) OVER ()::int AS total FROM question_set_facts qs
        WHERE qs.open AND qs.deadline < $1::date AND ($2::text IS NULL OR qs.lead_ministry_code = $2::text)
        ORDER BY qs.deadline, qs.id LIMIT ${DIGEST_LIMIT}`,
  claim: `UPDATE reminder SET status = $3, lease_until = now() + $4::interval, attempts = attempts + 1, updated_at = now()
        WHERE id = $1 AND status = ANY($2::varchar[]) RETURNING attempts`,
  notify: `INSERT INTO notification (reminder_id, recipient_id, question_set_id, kind, message, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (reminder_id) DO NOTHING`,
  cancel: `UPDATE reminder SET status = $3, detail = $4, lease_until = NULL, updated_at = now()
        WHERE id = $1 AND status = ANY($2::varchar[]) RETURNING id`,
  markSent: `UPDATE reminder SET status = $3, sent_at = $5, detail = $6, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND status = ANY($2::varchar[]) AND attempts = $4 RETURNING id`,
  release: `UPDATE reminder SET status = $3, detail = $5, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND status = ANY($2::varchar[]) AND attempts = $4 RETURNING id`,
  recover: `UPDATE reminder SET round = round + 1, status = $2, lease_until = NULL, updated_at = now()
        WHERE id IN (SELECT id FROM reminder
                      WHERE status = ANY($3::varchar[])
                        AND ((status = 'sending' AND lease_until < now()) OR (status = 'pending' AND updated_at < now() - $1::interval))
                      ORDER BY updated_at LIMIT ${REQUEUE_LIMIT}
                      FOR UPDATE SKIP LOCKED)
        RETURNING id, round`,
  failed: `SELECT r.id, r.kind, r.question_set_id AS "questionSetId", qs.reference, r.refers_to::text AS "refersTo",
              u.id AS "recipientId", u.name AS "recipientName", u.email AS "recipientEmail",
              r.attempts, r.detail AS error, r.created_at AS "createdAt", r.updated_at AS "failedAt"
         FROM reminder r
         JOIN desk_person u ON u.id = r.recipient_id
         LEFT JOIN question_set_facts qs ON qs.id = r.question_set_id
        WHERE r.status = 'failed'
        ORDER BY r.updated_at DESC LIMIT $1`,
  forRetry: 'SELECT status, question_set_id AS "questionSetId", kind FROM reminder WHERE id = $1 FOR UPDATE',
  retry: `UPDATE reminder SET status = $3, round = round + 1, updated_at = now() WHERE id = $1 AND status = ANY($2::varchar[]) RETURNING id`,
} as const;

const SQL = REMINDER_SQL;

/** A reminder as a delivery reads it. */
export interface LedgerRow {
  id: string;
  kind: string;
  questionSetId: string | null;
  refersTo: CalendarDate;
  recipientId: string;
  status: ReminderStatus;
  leased: boolean;
}

export interface RecipientRow extends PersonFacts {
  email: string;
  name: string;
}

export type SetRow = SetFacts & SetSummary;

export interface FailedRow {
  id: string;
  kind: string;
  questionSetId: string | null;
  reference: string | null;
  refersTo: string;
  recipientId: string;
  recipientName: string;
  recipientEmail: string;
  attempts: number;
  error: string | null;
  createdAt: Date;
  failedAt: Date;
}

// UPDATE … RETURNING comes back from TypeORM as [rows, count].
type Returning<T> = [T[], number];

/** The reminder ledger's data access: every SQL string and every change of status, in one place. */
@Injectable()
export class ReminderLedgerStore {
  forDelivery(manager: EntityManager, id: string): Promise<LedgerRow | undefined> {
    return first(manager.query<LedgerRow[]>(SQL.forDelivery, [id]));
  }

  recipient(manager: EntityManager, id: string): Promise<RecipientRow | undefined> {
    return first(manager.query<RecipientRow[]>(SQL.recipient, [id]));
  }

  async setFacts(manager: EntityManager, id: string): Promise<SetRow | null> {
    const [row] = await manager.query<SetRow[]>(SQL.setFacts, [id]);
    return row ?? null;
  }

  /** A person's overdue sets now (of their ministry, or all), oldest deadline first, as many as a digest lists, and how many there are. */
  async overdueSets(manager: EntityManager, ministryCode: string | null, today: CalendarDate): Promise<{ sets: SetSummary[]; total: number }> {
    const rows = await manager.query<(SetSummary & { total: number })[]>(SQL.overdueSets, [today, ministryCode]);
    return { sets: rows.map(({ total: _total, ...set }) => set), total: rows[0]?.total ?? 0 };
  }

  /** Takes the reminder with a lease; returns the claim's number (its attempts so far). */
  async claim(manager: EntityManager, id: string, leaseMs: number): Promise<number> {
    const step = REMINDER_STEPS.claim;
    const [[{ attempts }]] = await manager.query<Returning<{ attempts: number }>>(SQL.claim, [id, step.from, step.to, `${leaseMs} milliseconds`]);
    return attempts;
  }

  async notify(
    manager: EntityManager,
    notification: { reminderId: string; recipientId: string; questionSetId: string | null; kind: string; message: string; at: Date },
  ): Promise<void> {
    const { reminderId, recipientId, questionSetId, kind, message, at } = notification;
    await manager.query(SQL.notify, [reminderId, recipientId, questionSetId, kind, message, at]);
  }

  async cancel(manager: EntityManager, id: string, reason: string): Promise<void> {
    const step = REMINDER_STEPS.cancel;
    await manager.query(SQL.cancel, [id, step.from, step.to, reason]);
  }

  /** Marks the claim sent; false when another delivery had taken it over meanwhile. */
  async markSent(manager: EntityManager, id: string, claim: number, sentAt: Date, detail: string | null): Promise<boolean> {
    const step = REMINDER_STEPS['mark-sent'];
    const [rows] = await manager.query<Returning<{ id: string }>>(SQL.markSent, [id, step.from, step.to, claim, sentAt, detail]);
    return rows.length > 0;
  }

  /** After a failed email: back to pending, or failed after the last try; false when the claim was no longer ours. */
  async release(manager: EntityManager, id: string, claim: number, error: string, last: boolean): Promise<boolean> {
    const step = REMINDER_STEPS[last ? 'give-up' : 'release'];
    const [rows] = await manager.query<Returning<{ id: string }>>(SQL.release, [id, step.from, step.to, claim, error.slice(0, 1000)]);
    return rows.length > 0;
  }

  /** Reminders whose delivery died get a new round (see ReminderSweep). Leases run on the database's clock. */
  async recover(manager: EntityManager, stuckAfterMs: number): Promise<DeliveryRef[]> {
    const step = REMINDER_STEPS.recover;
    const [rows] = await manager.query<Returning<DeliveryRef>>(SQL.recover, [`${stuckAfterMs} milliseconds`, step.to, step.from]);
    return rows;
  }

  failed(manager: EntityManager, limit: number): Promise<FailedRow[]> {
    return manager.query<FailedRow[]>(SQL.failed, [limit]);
  }

  forRetry(manager: EntityManager, id: string): Promise<{ status: ReminderStatus; questionSetId: string | null; kind: string } | undefined> {
    return first(manager.query<{ status: ReminderStatus; questionSetId: string | null; kind: string }[]>(SQL.forRetry, [id]));
  }

  /** Whether the ledger lets `step` start from `status`. */
  allows(step: ReminderStep, status: ReminderStatus): boolean {
    return (REMINDER_STEPS[step].from as readonly ReminderStatus[]).includes(status);
  }

  async retry(manager: EntityManager, id: string): Promise<void> {
    const step = REMINDER_STEPS.retry;
    await manager.query(SQL.retry, [id, step.from, step.to]);
  }
}

async function first<T>(rows: Promise<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}
