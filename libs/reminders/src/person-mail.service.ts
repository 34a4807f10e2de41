import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditTrail, SYSTEM_ACTOR } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { Clock, type WorkingDays } from '@question-desk/deadlines';
import type { DataSource, EntityManager } from 'typeorm';
import { FOLDED_LIST_LIMIT, foldedMessage, type FoldedLine } from './folded-message';
import { Mailer, PermanentMailFailure } from './mailer';
import { NotificationMailStore, type ClaimedRow } from './notification-mail.store';
import { ReminderLedgerStore, type RecipientRow } from './reminder-ledger.store';
import { reminderMessage } from './reminder-message';
import { REMINDER_KINDS, reasonToCancel, ruleFor, type ReminderKind, type ReminderPolicy } from './reminder-policy';
import { REMINDER_POLICY, WORKING_DAYS } from './reminders.tokens';
import { WORKFLOW_NOTIFICATION_KINDS } from './workflow-notifications';
import type { DeliveryAttempt } from './reminder-delivery.service';

/** What one person's delivery did: emails sent, and the notifications they carried. */
export interface PersonMailOutcome {
  emails: number;
  notifications: number;
  cancelled: number;
}

type Fold = 'workflow' | 'reminders';

const KINDS: Record<Fold, readonly string[]> = { workflow: WORKFLOW_NOTIFICATION_KINDS, reminders: REMINDER_KINDS };

/**
 * Delivers what waits for one person as one email per fold, with the ledger's exactly-once claim:
 * - workflow events, once the oldest has waited the window (NOTIFICATION_WINDOW): every event of
 *   that person so far in one email;
 * - reminders, when more than REMINDER_DIGEST_ABOVE wait: one digest email; the app keeps each.
 * It claims in batches of REMINDER_SWEEP_BATCH (FOR UPDATE SKIP LOCKED, a lease, one batch id), so
 * it never holds more than a batch, and two deliverers never take the same entry. After the mail
 * server took the email, every entry of the batch id is marked sent in one statement.
 */
@Injectable()
export class PersonMail {
  private readonly logger = new Logger('Notifications');
  private readonly store = new NotificationMailStore();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: DeskConfigService,
    private readonly mailer: Mailer,
    private readonly audit: AuditTrail,
    private readonly ledger: ReminderLedgerStore,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(WORKING_DAYS) private readonly calendar: WorkingDays,
  ) {}

  async deliver(recipientId: string, attempt: DeliveryAttempt = { attempt: 1, of: 1 }): Promise<PersonMailOutcome> {
    const outcome: PersonMailOutcome = { emails: 0, notifications: 0, cancelled: 0 };
    const recipient = await this.ledger.recipient(this.dataSource.manager, recipientId);
    if (!recipient) return outcome;
    const now = this.clock.now();
    const { windowMs, digestAbove } = this.config.values.notifications;
    const manager = this.dataSource.manager;
    const events = await this.store.oldestPending(manager, recipientId, KINDS.workflow);
    if (events.oldest && new Date(events.oldest).getTime() <= now.getTime() - windowMs) await this.fold('workflow', recipient, now, attempt, outcome);
    const reminders = await this.store.oldestPending(manager, recipientId, KINDS.reminders);
    if (reminders.count > digestAbove) await this.fold('reminders', recipient, now, attempt, outcome);
    return outcome;
  }

  private async fold(fold: Fold, recipient: RecipientRow, upTo: Date, attempt: DeliveryAttempt, outcome: PersonMailOutcome): Promise<void> {
    const { batch } = this.config.values.notifications;
    const { publicUrl, reminders } = this.config.values;
    const batchId = randomUUID();
    const emailOff = await this.store.emailOff(this.dataSource.manager, recipient.id);
    const lines: FoldedLine[] = [];
    let total = 0;
    for (;;) {
      const claimed = await this.dataSource.transaction(async (manager) => {
        const rows = await this.store.claimBatch(manager, {
          personId: recipient.id,
          kinds: KINDS[fold],
          batchId,
          leaseMs: reminders.leaseMs,
          limit: batch,
          createdUpTo: upTo,
        });
        if (!rows.length) return 0;
        const kept = fold === 'reminders' ? await this.checkReminders(manager, recipient, rows, batchId, outcome) : await this.workflowLines(manager, rows);
        const inAppOnly = kept.filter((item) => emailOff.has(item.kind) || !recipient.active);
        await this.store.inAppOnly(
          manager,
          batchId,
          inAppOnly.map((item) => item.id),
          this.clock.now(),
          'in the app only: email is off in their settings',
        );
        for (const item of kept) {
          if (emailOff.has(item.kind) || !recipient.active) continue;
          total += 1;
          if (lines.length < FOLDED_LIST_LIMIT) lines.push({ text: item.message, questionSetId: item.questionSetId });
        }
        outcome.notifications += kept.length;
        return rows.length;
      });
      if (claimed < batch) break;
    }
    if (total === 0) return;
    if (!this.mailer.sendsEmail) {
      await this.markSent(batchId, recipient, fold, total, 'in the app only: email is off');
      return;
    }
    const message = foldedMessage({ kind: fold, recipientName: recipient.name, publicUrl, lines, total });
    try {
      await this.mailer.send({
        to: { name: recipient.name, address: recipient.email },
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<mail-${batchId}@${new URL(publicUrl).hostname}>`,
      });
    } catch (error) {
      const text = (error as Error).message;
      const maxAttempts = error instanceof PermanentMailFailure ? 0 : Math.min(reminders.attempts, attempt.of);
      const released = await this.dataSource.transaction((manager) => this.store.releaseBatch(manager, batchId, maxAttempts, text));
      const what = `Email of ${total} ${fold === 'workflow' ? 'notifications' : 'reminders'} to user ${recipient.id} failed on attempt ${attempt.attempt} of ${attempt.of}: ${text}`;
      if (released.failed) this.logger.error(`${what} ${released.failed} gave up; listed under GET /api/reminders/failed. The in-app notifications are there.`);
      else this.logger.warn(`${what} Trying again later.`);
      throw error;
    }
    await this.markSent(batchId, recipient, fold, total, this.mailer.channel === 'log' ? 'email written to the log: SMTP_URL is not set' : null);
    outcome.emails += 1;
  }

  private async markSent(batchId: string, recipient: RecipientRow, fold: Fold, total: number, detail: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sent = await this.store.markBatchSent(manager, batchId, this.clock.now(), detail);
      if (sent < total) this.logger.warn(`Folded email ${batchId} was sent, but ${total - sent} of its ${total} entries had been taken over meanwhile`);
      await this.audit.record(manager, {
        questionSetId: null,
        actor: SYSTEM_ACTOR,
        type: 'notification-mail-sent',
        details: { batchId, fold, count: sent, recipient: { id: recipient.id, name: recipient.name }, channels: detail ? ['app'] : ['app', 'email'] },
      });
    });
  }

  /** Workflow events: their in-app notification was written with the step; its line is the email's. */
  private async workflowLines(manager: EntityManager, rows: ClaimedRow[]) {
    const messages = await this.store.messagesOf(
      manager,
      rows.map((r) => r.id),
    );
    return rows.map((row) => ({ id: row.id, kind: row.kind, questionSetId: row.questionSetId, message: messages.get(row.id) ?? row.kind }));
  }

  /** Reminders: checked against the state of now like any delivery (cancelled when it no longer calls for them), then in the app. */
  private async checkReminders(manager: EntityManager, recipient: RecipientRow, rows: ClaimedRow[], batchId: string, outcome: PersonMailOutcome) {
    const today = this.clock.today();
    const sets = await this.store.setsAmong(manager, [...new Set(rows.flatMap((r) => (r.questionSetId ? [r.questionSetId] : [])))]);
    const digests = rows.some((r) => ruleFor(this.policy, r.kind)?.about === 'digestDay');
    const overdue = digests ? await this.ledger.overdueSets(manager, recipient.ministryCode, today) : { sets: [], total: 0 };
    const cancelled: { id: string; reason: string }[] = [];
    const kept: { id: string; kind: string; questionSetId: string | null; message: string }[] = [];
    for (const row of rows) {
      const set = row.questionSetId ? (sets.get(row.questionSetId) ?? null) : null;
      const reason = reasonToCancel(this.policy, row, { set, person: recipient, overdueSets: overdue.total }, today, this.calendar);
      if (reason) {
        cancelled.push({ id: row.id, reason });
        continue;
      }
      const message = reminderMessage({
        kind: row.kind as ReminderKind,
        recipientName: recipient.name,
        refersTo: row.refersTo,
        today,
        publicUrl: this.config.values.publicUrl,
        set: set ?? undefined,
        overdue: overdue.sets,
        overdueTotal: overdue.total,
      });
      kept.push({ id: row.id, kind: row.kind, questionSetId: row.questionSetId, message: message.subject });
    }
    await this.store.cancelMany(manager, batchId, cancelled);
    await this.store.notifyMany(manager, recipient.id, this.clock.now(), kept);
    outcome.cancelled += cancelled.length;
    return kept;
  }
}
