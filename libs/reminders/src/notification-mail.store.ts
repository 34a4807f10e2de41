import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SetRow } from './reminder-ledger.store';

/**
 * The SQL of workflow notifications, notification settings, the sweep's offers and the folded
 * (per-person) delivery, by name; test/sql-boundary.e2e-spec.ts prepares each against the schema.
 * Sets and people come through the views their libraries own: question_set_facts and desk_person.
 */
export const NOTIFICATION_MAIL_SQL = {
  /** Desk officers (`desk`) or coordinators (`coordinator`) who cover a ministry. */
  covering: `SELECT id FROM desk_person WHERE active AND $1::text = ANY (roles) AND (ministry_code IS NULL OR ministry_code = $2::text)`,
  /** Drafters and coordinators of the given ministries. */
  ofMinistries: `SELECT id FROM desk_person WHERE active AND roles && ARRAY['drafter', 'coordinator']::text[] AND ministry_code = ANY ($1::text[])`,
  activeAmong: 'SELECT id FROM desk_person WHERE active AND id = ANY ($1::uuid[])',
  setName: `SELECT id, reference, appendix_number AS "appendixNumber", subject FROM question_set_facts WHERE id = $1`,
  /**
   * One workflow event for each recipient: the ledger entry (pending when they want email of this
   * kind, else already done) and the in-app notification, in the step's transaction.
   */
  recordEvent: `
    WITH new AS (
      INSERT INTO reminder (question_set_id, kind, refers_to, recipient_id, event_id, status, sent_at, detail, created_at, updated_at)
      SELECT $1::uuid, $2::varchar, $3::date, p.id, $4::uuid,
             CASE WHEN coalesce(s.email, true) THEN 'pending' ELSE 'sent' END,
             CASE WHEN coalesce(s.email, true) THEN NULL ELSE $5::timestamptz END,
             CASE WHEN coalesce(s.email, true) THEN NULL ELSE 'in the app only: email is off in their settings' END,
             $5::timestamptz, $5::timestamptz
        FROM unnest($6::uuid[]) p(id)
        LEFT JOIN notification_setting s ON s.person_id = p.id AND s.kind = $2::varchar
      ON CONFLICT ON CONSTRAINT reminder_key DO NOTHING
      RETURNING id, recipient_id)
    INSERT INTO notification (reminder_id, recipient_id, question_set_id, kind, message, created_at)
    SELECT id, recipient_id, $1::uuid, $2::varchar, $7::text, $5::timestamptz FROM new`,
  settings: 'SELECT kind, email FROM notification_setting WHERE person_id = $1',
  saveSetting: `INSERT INTO notification_setting (person_id, kind, email, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (person_id, kind) DO UPDATE SET email = excluded.email, updated_at = now()`,
  emailOff: 'SELECT kind FROM notification_setting WHERE person_id = $1 AND NOT email',
  /**
   * People with something pending, in keyset pages by id: how many reminders of the sweep wait for
   * them, and since when their oldest workflow event waits.
   */
  offers: `SELECT recipient_id AS "recipientId",
                  count(*) FILTER (WHERE kind = ANY ($2::varchar[]))::int AS reminders,
                  min(created_at) FILTER (WHERE NOT kind = ANY ($2::varchar[])) AS "oldestEvent"
             FROM reminder
            WHERE status = 'pending' AND recipient_id > $1::uuid
            GROUP BY recipient_id ORDER BY recipient_id LIMIT $3`,
  /** The pending reminders (one delivery each) of people at or below the digest threshold. */
  pendingOf: `SELECT id, round FROM reminder WHERE status = 'pending' AND recipient_id = ANY ($1::uuid[]) AND kind = ANY ($2::varchar[]) ORDER BY id`,
  oldestPending: `SELECT min(created_at) AS oldest, count(*)::int AS count FROM reminder WHERE recipient_id = $1 AND status = 'pending' AND kind = ANY ($2::varchar[])`,
  /** Takes up to $5 of a person's pending entries of these kinds, created at or before $6, for one folded delivery ($3). */
  claimBatch: `
    UPDATE reminder SET status = 'sending', batch_id = $3::uuid, lease_until = now() + $4::interval, attempts = attempts + 1, updated_at = now()
     WHERE id IN (SELECT id FROM reminder
                   WHERE recipient_id = $1 AND kind = ANY ($2::varchar[]) AND status = 'pending' AND created_at <= $6::timestamptz
                   ORDER BY created_at, id LIMIT $5
                   FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, question_set_id AS "questionSetId", refers_to::text AS "refersTo", created_at AS "createdAt"`,
  setsAmong: `SELECT qs.id, qs.status, qs.reference, qs.appendix_number AS "appendixNumber", qs.subject,
         qs.statutory_deadline::text AS "statutoryDeadline", qs.deadline::text AS deadline, qs.draft_deadline::text AS "draftDeadline",
         qs.assignee_id AS "assigneeId", qs.lead_ministry_code AS "leadMinistryCode", qs.has_postponement AS "hasPostponement"
    FROM question_set_facts qs WHERE qs.id = ANY ($1::uuid[])`,
  messagesOf: 'SELECT reminder_id AS id, message FROM notification WHERE reminder_id = ANY ($1::uuid[])',
  notifyMany: `INSERT INTO notification (reminder_id, recipient_id, question_set_id, kind, message, created_at)
    SELECT id, $2::uuid, set_id, kind, message, $3::timestamptz
      FROM unnest($1::uuid[], $4::uuid[], $5::varchar[], $6::text[]) AS n(id, set_id, kind, message)
    ON CONFLICT (reminder_id) DO NOTHING`,
  cancelMany: `UPDATE reminder SET status = 'cancelled', detail = d.reason, lease_until = NULL, batch_id = NULL, updated_at = now()
      FROM unnest($1::uuid[], $2::text[]) AS d(id, reason)
     WHERE reminder.id = d.id AND reminder.batch_id = $3::uuid AND reminder.status = 'sending'`,
  inAppOnly: `UPDATE reminder SET status = 'sent', sent_at = $3::timestamptz, detail = $4, lease_until = NULL, batch_id = NULL, updated_at = now()
     WHERE id = ANY ($1::uuid[]) AND batch_id = $2::uuid AND status = 'sending'`,
  markBatchSent: `WITH done AS (
      UPDATE reminder SET status = 'sent', sent_at = $2::timestamptz, detail = $3, lease_until = NULL, updated_at = now()
       WHERE batch_id = $1::uuid AND status = 'sending' RETURNING 1)
    SELECT count(*)::int AS count FROM done`,
  releaseBatch: `WITH back AS (
      UPDATE reminder SET status = CASE WHEN attempts >= $2 THEN 'failed' ELSE 'pending' END, detail = $3, lease_until = NULL, batch_id = NULL, updated_at = now()
       WHERE batch_id = $1::uuid AND status = 'sending' RETURNING status)
    SELECT count(*) FILTER (WHERE status = 'failed')::int AS failed, count(*)::int AS count FROM back`,
} as const;

const SQL = NOTIFICATION_MAIL_SQL;

export interface ClaimedRow {
  id: string;
  kind: string;
  questionSetId: string | null;
  refersTo: string;
  createdAt: Date;
}

export interface Offer {
  recipientId: string;
  reminders: number;
  oldestEvent: Date | null;
}

type Returning<T> = [T[], number];

/** Data access of workflow notifications, settings and folded deliveries. */
@Injectable()
export class NotificationMailStore {
  async covering(manager: EntityManager, role: 'desk' | 'coordinator', ministry: string | null): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(SQL.covering, [role, ministry]);
    return rows.map((r) => r.id);
  }

  async ofMinistries(manager: EntityManager, ministries: string[]): Promise<string[]> {
    if (!ministries.length) return [];
    return (await manager.query<{ id: string }[]>(SQL.ofMinistries, [ministries])).map((r) => r.id);
  }

  async activeAmong(manager: EntityManager, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await manager.query<{ id: string }[]>(SQL.activeAmong, [ids])).map((r) => r.id);
  }

  async setName(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; reference: string | null; appendixNumber: string | null; subject: string | null } | undefined> {
    return (await manager.query<{ id: string; reference: string | null; appendixNumber: string | null; subject: string | null }[]>(SQL.setName, [id]))[0];
  }

  async recordEvent(
    manager: EntityManager,
    event: { questionSetId: string; kind: string; on: string; eventId: string; at: Date; recipients: string[]; message: string },
  ): Promise<void> {
    await manager.query(SQL.recordEvent, [event.questionSetId, event.kind, event.on, event.eventId, event.at, event.recipients, event.message]);
  }

  settings(manager: EntityManager, personId: string): Promise<{ kind: string; email: boolean }[]> {
    return manager.query(SQL.settings, [personId]);
  }

  async saveSetting(manager: EntityManager, personId: string, kind: string, email: boolean): Promise<void> {
    await manager.query(SQL.saveSetting, [personId, kind, email]);
  }

  async emailOff(manager: EntityManager, personId: string): Promise<Set<string>> {
    return new Set((await manager.query<{ kind: string }[]>(SQL.emailOff, [personId])).map((r) => r.kind));
  }

  offers(manager: EntityManager, after: string, reminderKinds: readonly string[], limit: number): Promise<Offer[]> {
    return manager.query<Offer[]>(SQL.offers, [after, reminderKinds, limit]);
  }

  pendingOf(manager: EntityManager, people: string[], reminderKinds: readonly string[]): Promise<{ id: string; round: number }[]> {
    return manager.query(SQL.pendingOf, [people, reminderKinds]);
  }

  async oldestPending(manager: EntityManager, personId: string, kinds: readonly string[]): Promise<{ oldest: Date | null; count: number }> {
    const [row] = await manager.query<{ oldest: Date | null; count: number }[]>(SQL.oldestPending, [personId, kinds]);
    return row;
  }

  async claimBatch(
    manager: EntityManager,
    claim: { personId: string; kinds: readonly string[]; batchId: string; leaseMs: number; limit: number; createdUpTo: Date },
  ): Promise<ClaimedRow[]> {
    const [rows] = await manager.query<Returning<ClaimedRow>>(SQL.claimBatch, [
      claim.personId,
      claim.kinds,
      claim.batchId,
      `${claim.leaseMs} milliseconds`,
      claim.limit,
      claim.createdUpTo,
    ]);
    return rows;
  }

  async setsAmong(manager: EntityManager, ids: string[]): Promise<Map<string, SetRow>> {
    if (!ids.length) return new Map();
    const rows = await manager.query<SetRow[]>(SQL.setsAmong, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  async messagesOf(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await manager.query<{ id: string; message: string }[]>(SQL.messagesOf, [ids]);
    return new Map(rows.map((row) => [row.id, row.message]));
  }

  async notifyMany(
    manager: EntityManager,
    personId: string,
    at: Date,
    items: { id: string; questionSetId: string | null; kind: string; message: string }[],
  ): Promise<void> {
    if (!items.length) return;
    await manager.query(SQL.notifyMany, [
      items.map((i) => i.id),
      personId,
      at,
      items.map((i) => i.questionSetId),
      items.map((i) => i.kind),
      items.map((i) => i.message),
    ]);
  }

  async cancelMany(manager: EntityManager, batchId: string, items: { id: string; reason: string }[]): Promise<void> {
    if (!items.length) return;
    await manager.query(SQL.cancelMany, [items.map((i) => i.id), items.map((i) => i.reason), batchId]);
  }

  async inAppOnly(manager: EntityManager, batchId: string, ids: string[], at: Date, detail: string): Promise<void> {
    if (!ids.length) return;
    await manager.query(SQL.inAppOnly, [ids, batchId, at, detail]);
  }

  async markBatchSent(manager: EntityManager, batchId: string, at: Date, detail: string | null): Promise<number> {
    const [row] = await manager.query<{ count: number }[]>(SQL.markBatchSent, [batchId, at, detail]);
    return row.count;
  }

  async releaseBatch(manager: EntityManager, batchId: string, maxAttempts: number, error: string): Promise<{ failed: number; count: number }> {
    const [row] = await manager.query<{ failed: number; count: number }[]>(SQL.releaseBatch, [batchId, maxAttempts, error.slice(0, 1000)]);
    return row;
  }
}
