import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import { AuditTrail } from '@question-desk/audit';
import type { DataSource } from 'typeorm';
import { ReminderLedgerStore } from './reminder-ledger.store';
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
    private readonly store: ReminderLedgerStore,
  ) {}

  /** Most recent failure first. */
  async failed(limit: number): Promise<FailedReminderView[]> {
    const rows = await this.store.failed(this.dataSource.manager, limit);
    return rows.map(({ recipientId, recipientName, recipientEmail, ...row }) => ({
      ...row,
      kind: row.kind as ReminderKind,
      recipient: { id: recipientId, name: recipientName, email: recipientEmail },
    }));
  }

  /**
   * Puts a failed reminder back in the ledger as pending with a new round; the next sweep gives it
   * a delivery job. It is checked again against the state of then, as any delivery is.
   */
  async retry(id: string, admin: Viewer): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.store.forRetry(manager, id);
      if (!current) throw new ReminderNotFound(id);
      if (!this.store.allows('retry', current.status)) throw new ReminderNotRetryable(id, current.status);
      await this.store.retry(manager, id);
      await this.audit.record(manager, {
        questionSetId: current.questionSetId,
        actor: { id: admin.id, name: admin.name },
        type: 'reminder-retried',
        details: { reminderId: id, kind: current.kind },
      });
    });
  }
}
