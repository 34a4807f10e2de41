import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import { AuditTrail } from '@question-desk/audit';
import type { DataSource } from 'typeorm';
import type { ReminderKind } from './reminder-policy';
import { ReminderNotFound, ReminderNotRetryable } from './reminders.errors';

/** A reminder whose email failed after the last try, for admins. */
export interface FailedReminderView {
  id: string;
  kind: ReminderKind;
  questionSetId: string | null;
  reference: string | null;
  refersTo: string;
  recipient: { id: string; name: string; email: string };
  attempts: number;
  error: string | null;
  createdAt: Date;
  failedAt: Date;
}

/** The ledger as admins see it: what failed, and trying it again. */
@Injectable()
export class ReminderLedger {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** Most recent failure first. */
  async failed(limit: number): Promise<FailedReminderView[]> {
    const rows = await this.dataSource.query(
      `SELECT r.id, r.kind, r.question_set_id AS "questionSetId", qs.reference, r.refers_to::text AS "refersTo",
              u.id AS "recipientId", u.name AS "recipientName", u.email AS "recipientEmail",
              r.attempts, r.detail AS error, r.created_at AS "createdAt", r.updated_at AS "failedAt"
         FROM reminder r
         JOIN app_user u ON u.id = r.recipient_id
         LEFT JOIN question_set qs ON qs.id = r.question_set_id
        WHERE r.status = 'failed'
        ORDER BY r.updated_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map(({ recipientId, recipientName, recipientEmail, ...row }: Record<string, unknown>) => ({
      ...row,
      recipient: { id: recipientId, name: recipientName, email: recipientEmail },
    })) as FailedReminderView[];
  }

  /**
   * Puts a failed reminder back in the ledger as pending with a new round; the next sweep gives it
   * a delivery job. It is checked again against the state of then, as any delivery is.
   */
  async retry(id: string, admin: Viewer): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [current]: { status: string; questionSetId: string | null; kind: string }[] = await manager.query(
        'SELECT status, question_set_id AS "questionSetId", kind FROM reminder WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!current) throw new ReminderNotFound(id);
      if (current.status !== 'failed') throw new ReminderNotRetryable(id, current.status);
      await manager.query(`UPDATE reminder SET status = 'pending', round = round + 1, updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(manager, {
        questionSetId: current.questionSetId,
        actor: { id: admin.id, name: admin.name },
        type: 'reminder-retried',
        details: { reminderId: id, kind: current.kind },
      });
    });
  }
}
