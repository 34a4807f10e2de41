import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditTrail, SYSTEM_ACTOR } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { Clock, type CalendarDate, type WorkingDays } from '@question-desk/deadlines';
import { CLOSED_STATUSES, type QuestionSetStatus } from '@question-desk/question-sets';
import type { DataSource, EntityManager } from 'typeorm';
import { Mailer, PermanentMailFailure, type OutgoingMail } from './mailer';
import { DIGEST_LIMIT, reminderMessage, type SetSummary } from './reminder-message';
import { reasonToCancel, ruleFor, type CancelReason, type PersonFacts, type ReminderKind, type ReminderPolicy, type SetFacts } from './reminder-policy';
import { REMINDER_POLICY, WORKING_DAYS } from './reminders.tokens';

/** What became of one delivery job. */
export type DeliveryOutcome = 'sent' | 'cancelled' | 'skipped';

export interface DeliveryAttempt {
  /** 1-based. */
  attempt: number;
  of: number;
}

interface LedgerRow {
  id: string;
  kind: string;
  questionSetId: string | null;
  refersTo: CalendarDate;
  recipientId: string;
  status: string;
  leased: boolean;
}


interface Recipient extends PersonFacts {
  email: string;
  name: string;
}

type Claim = { outcome: 'claimed'; reminder: LedgerRow; recipient: Recipient; mail: OutgoingMail; claim: number } | { outcome: 'cancelled' | 'skipped' };

const SET_COLUMNS = `qs.id, qs.status, qs.reference, qs.appendix_number AS "appendixNumber", qs.subject,
  qs.statutory_deadline::text AS "statutoryDeadline", qs.deadline::text AS deadline, qs.draft_deadline::text AS "draftDeadline",
  qs.assignee_id AS "assigneeId", qs.lead_ministry_code AS "leadMinistryCode"`;
const OPEN = `qs.status NOT IN (${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

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
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(WORKING_DAYS) private readonly calendar: WorkingDays,
  ) {}

  async deliver(reminderId: string, attempt: DeliveryAttempt): Promise<DeliveryOutcome> {
    const claimed = await this.dataSource.transaction((manager) => this.claim(manager, reminderId));
    if (claimed.outcome !== 'claimed') return claimed.outcome;
    if (!this.mailer.sendsEmail) {
      await this.markSent(claimed, 'in the app only: email is off');
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
    const [reminder]: LedgerRow[] = await manager.query(
      `SELECT id, kind, question_set_id AS "questionSetId", refers_to::text AS "refersTo", recipient_id AS "recipientId", status,
              (lease_until IS NOT NULL AND lease_until > now()) AS leased
         FROM reminder WHERE id = $1 FOR UPDATE`,
      [reminderId],
    );
    if (!reminder || reminder.status === 'sent' || reminder.status === 'cancelled') return { outcome: 'skipped' };
    // Another delivery holds it; when that worker died, the sweep hands it on once the lease ends.
    if (reminder.leased) return { outcome: 'skipped' };
    const today = this.clock.today();
    const [recipient]: Recipient[] = await manager.query(
      `SELECT id, email, name, roles, ministry_code AS "ministryCode", active FROM app_user WHERE id = $1`,
      [reminder.recipientId],
    );
    const set = reminder.questionSetId ? await this.setFacts(manager, reminder.questionSetId) : null;
    const overdue = ruleFor(this.policy, reminder.kind)?.about === 'digestDay' ? await this.overdueSets(manager, recipient, today) : { sets: [], total: 0 };
    const reason = reasonToCancel(this.policy, reminder, { set, person: recipient, overdueSets: overdue.total }, today, this.calendar);
    if (reason) {
      await this.cancel(manager, reminder, recipient, reason);
      return { outcome: 'cancelled' };
    }
    const { publicUrl, reminders } = this.config.values;
    const message = reminderMessage({
      kind: reminder.kind as ReminderKind,
      recipientName: recipient.name,
      refersTo: reminder.refersTo,
      today,
      publicUrl,
      set: set ?? undefined,
      overdue: overdue.sets,
      overdueTotal: overdue.total,
    });
    // UPDATE … RETURNING comes back from TypeORM as [rows, count].
    const [[{ attempts }]]: [[{ attempts: number }]] = await manager.query(
      `UPDATE reminder SET status = 'sending', lease_until = now() + $2::interval, attempts = attempts + 1, updated_at = now()
        WHERE id = $1 RETURNING attempts`,
      [reminder.id, `${reminders.leaseMs} milliseconds`],
    );
    await manager.query(
      `INSERT INTO notification (reminder_id, recipient_id, question_set_id, kind, message, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (reminder_id) DO NOTHING`,
      [reminder.id, recipient.id, reminder.questionSetId, reminder.kind, message.subject, this.clock.now()],
    );
    return {
      outcome: 'claimed',
      reminder,
      recipient,
      claim: attempts,
      mail: {
        to: { name: recipient.name, address: recipient.email },
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<reminder-${reminder.id}@${new URL(publicUrl).hostname}>`,
      },
    };
  }

  private async setFacts(manager: EntityManager, id: string): Promise<(SetFacts & SetSummary) | null> {
    const [row] = await manager.query(
      `SELECT ${SET_COLUMNS}, EXISTS (SELECT 1 FROM postponement p WHERE p.question_set_id = qs.id) AS "hasPostponement"
         FROM question_set qs WHERE qs.id = $1`,
      [id],
    );
    return row ? { ...row, status: row.status as QuestionSetStatus } : null;
  }

  /** A coordinator's overdue sets now, oldest deadline first (as many as a digest lists), and how many there are. */
  private async overdueSets(manager: EntityManager, person: Recipient, today: CalendarDate): Promise<{ sets: SetSummary[]; total: number }> {
    const rows: (SetSummary & { total: number })[] = await manager.query(
      `SELECT ${SET_COLUMNS}, count(*) OVER ()::int AS total FROM question_set qs
        WHERE ${OPEN} AND qs.deadline < $1::date AND ($2::text IS NULL OR qs.lead_ministry_code = $2::text)
        ORDER BY qs.deadline, qs.id LIMIT ${DIGEST_LIMIT}`,
      [today, person.ministryCode],
    );
    return { sets: rows.map(({ total: _total, ...set }) => set), total: rows[0]?.total ?? 0 };
  }

  private async cancel(manager: EntityManager, reminder: LedgerRow, recipient: Recipient, reason: CancelReason): Promise<void> {
    await manager.query(
      `UPDATE reminder SET status = 'cancelled', detail = $2, lease_until = NULL, updated_at = now() WHERE id = $1`,
      [reminder.id, reason],
    );
    await this.record(manager, 'reminder-cancelled', reminder, recipient, { reason });
  }

  private async markSent(claimed: Extract<Claim, { outcome: 'claimed' }>, detail: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE reminder SET status = 'sent', sent_at = $3, detail = $4, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id`,
        [claimed.reminder.id, claimed.claim, this.clock.now(), detail],
      );
      if (!rows.length) {
        // Our lease ran out while the mail server took its time, and another job took over.
        this.logger.warn(`Reminder ${claimed.reminder.id} was sent, but another delivery had taken it over; it may arrive twice`);
        return;
      }
      await this.record(manager, 'reminder-sent', claimed.reminder, claimed.recipient, { channels: detail ? ['app'] : ['app', 'email'], ...(detail ? { note: detail } : {}) });
    });
  }

  /** After a failed email: back to pending for the job's next try, or failed after the last one. */
  private async release(claimed: Extract<Claim, { outcome: 'claimed' }>, error: string, last: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE reminder SET status = $3, detail = $4, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id`,
        [claimed.reminder.id, claimed.claim, last ? 'failed' : 'pending', error.slice(0, 1000)],
      );
      if (rows.length && last) await this.record(manager, 'reminder-failed', claimed.reminder, claimed.recipient, { error: error.slice(0, 300) });
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
