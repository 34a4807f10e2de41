import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditTrail, SYSTEM_ACTOR } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { Clock, type WorkingDays } from '@question-desk/deadlines';
import type { DataSource, EntityManager } from 'typeorm';
import { Mailer, PermanentMailFailure, type OutgoingMail } from './mailer';
import { NotificationMailStore } from './notification-mail.store';
import { ReminderLedgerStore, type LedgerRow, type RecipientRow } from './reminder-ledger.store';
import { reminderMessage } from './reminder-message';
import { reasonToCancel, ruleFor, type CancelReason, type ReminderKind, type ReminderPolicy } from './reminder-policy';
import { REMINDER_POLICY, WORKING_DAYS } from './reminders.tokens';

/** What became of one delivery job. */
export type DeliveryOutcome = 'sent' | 'cancelled' | 'skipped';

export interface DeliveryAttempt {
  /** 1-based. */
  attempt: number;
  of: number;
}

type Recipient = RecipientRow;

type Claim =
  | { outcome: 'claimed'; reminder: LedgerRow; recipient: Recipient; mail: OutgoingMail; claim: number; emailOff: boolean }
  | { outcome: 'cancelled' | 'skipped' };

/**
 * Delivers one reminder of the ledger, at most once: check that the state still calls for it
 * (else cancel it), claim it with a lease and create the in-app notification in one transaction,
 * send the email, mark it sent. A worker killed in between leaves the claim to expire; the sweep
 * then hands the reminder to a new job. The only window for a repeat is between the mail server's
 * acceptance and "mark sent"; the Message-ID is the same every time, so mail clients can tell.
 */
@Injectable()
export class ReminderDelivery {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: DeskConfigService,
    private readonly mailer: Mailer,
    private readonly audit: AuditTrail,
    private readonly ledger: ReminderLedgerStore,
    private readonly settings: NotificationMailStore,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(WORKING_DAYS) private readonly calendar: WorkingDays,
  ) {}

  async deliver(reminderId: string, attempt: DeliveryAttempt): Promise<DeliveryOutcome> {
    const claimed = await this.dataSource.transaction((manager) => this.claim(manager, reminderId));
    if (claimed.outcome !== 'claimed') return claimed.outcome;
    if (!this.mailer.sendsEmail || claimed.emailOff) {
      await this.markSent(claimed, claimed.emailOff ? 'in the app only: email is off in their settings' : 'in the app only: email is off');
      return 'sent';
    }
    try {
      await this.mailer.send(claimed.mail);
    } catch (error) {
      const permanent = error instanceof PermanentMailFailure;
      const last = permanent || attempt.attempt >= attempt.of;
      const message = (error as Error).message;
      await this.release(claimed, message, last);
      // Logged here, with what to check; the processor logs every other kind of failure.
      const what = `Email for reminder ${reminderId} (${claimed.reminder.kind}) to user ${claimed.recipient.id} failed on attempt ${attempt.attempt} of ${attempt.of}: ${message}`;
      if (last) this.logger.error(`${what} Giving up; it is listed under GET /api/reminders/failed. The in-app notification is there.`);
      else this.logger.warn(`${what} Trying again later.`);
      throw error;
    }
    await this.markSent(claimed, this.mailer.channel === 'log' ? 'email written to the log: SMTP_URL is not set' : null);
    return 'sent';
  }

  private async claim(manager: EntityManager, reminderId: string): Promise<Claim> {
    const reminder = await this.ledger.forDelivery(manager, reminderId);
    if (!reminder || !this.ledger.allows('claim', reminder.status)) return { outcome: 'skipped' };
    // Another delivery holds it; when that worker died, the sweep hands it on once the lease ends.
    if (reminder.leased) return { outcome: 'skipped' };
    const today = this.clock.today();
    const recipient = await this.ledger.recipient(manager, reminder.recipientId);
    if (!recipient) return { outcome: 'skipped' }; // accounts are deactivated, never deleted
    const set = reminder.questionSetId ? await this.ledger.setFacts(manager, reminder.questionSetId) : null;
    const overdue =
      ruleFor(this.policy, reminder.kind)?.about === 'digestDay'
        ? await this.ledger.overdueSets(manager, recipient.ministryCode, today)
        : { sets: [], total: 0 };
    const reason = reasonToCancel(this.policy, reminder, { set, person: recipient, overdueSets: overdue.total }, today, this.calendar);
    if (reason) {
      await this.cancel(manager, reminder, recipient, reason);
      return { outcome: 'cancelled' };
    }
    const { publicUrl, reminders, mail } = this.config.values;
    const message = reminderMessage({
      deskName: mail.fromName,
      kind: reminder.kind as ReminderKind,
      recipientName: recipient.name,
      refersTo: reminder.refersTo,
      today,
      publicUrl,
      set: set ?? undefined,
      overdue: overdue.sets,
      overdueTotal: overdue.total,
    });
    const attempts = await this.ledger.claim(manager, reminder.id, reminders.leaseMs);
    await this.ledger.notify(manager, {
      reminderId: reminder.id,
      recipientId: recipient.id,
      questionSetId: reminder.questionSetId,
      kind: reminder.kind,
      message: message.subject,
      at: this.clock.now(),
    });
    return {
      outcome: 'claimed',
      reminder,
      recipient,
      claim: attempts,
      emailOff: (await this.settings.emailOff(manager, recipient.id)).has(reminder.kind),
      mail: {
        to: { name: recipient.name, address: recipient.email },
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<reminder-${reminder.id}@${new URL(publicUrl).hostname}>`,
      },
    };
  }

  private async cancel(manager: EntityManager, reminder: LedgerRow, recipient: Recipient, reason: CancelReason): Promise<void> {
    await this.ledger.cancel(manager, reminder.id, reason);
    await this.record(manager, 'reminder-cancelled', reminder, recipient, { reason });
  }

  private async markSent(claimed: Extract<Claim, { outcome: 'claimed' }>, detail: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.ledger.markSent(manager, claimed.reminder.id, claimed.claim, this.clock.now(), detail))) {
        // Our lease ran out while the mail server took its time, and another job took over.
        this.logger.warn(`Reminder ${claimed.reminder.id} was sent, but another delivery had taken it over; it may arrive twice`);
        return;
      }
      await this.record(manager, 'reminder-sent', claimed.reminder, claimed.recipient, {
        channels: detail ? ['app'] : ['app', 'email'],
        ...(detail ? { note: detail } : {}),
      });
    });
  }

  /** After a failed email: back to pending for the job's next try, or failed after the last one. */
  private async release(claimed: Extract<Claim, { outcome: 'claimed' }>, error: string, last: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const released = await this.ledger.release(manager, claimed.reminder.id, claimed.claim, error, last);
      if (released && last) await this.record(manager, 'reminder-failed', claimed.reminder, claimed.recipient, { error: error.slice(0, 300) });
    });
  }

  private record(manager: EntityManager, type: string, reminder: LedgerRow, recipient: Recipient, details: Record<string, unknown>): Promise<void> {
    return this.audit.record(manager, {
      questionSetId: reminder.questionSetId,
      actor: SYSTEM_ACTOR,
      type,
      details: {
        reminderId: reminder.id,
        kind: reminder.kind,
        refersTo: reminder.refersTo,
        recipient: { id: recipient.id, name: recipient.name },
        ...details,
      },
    });
  }
}
