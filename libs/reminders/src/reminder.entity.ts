import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReminderKind } from './reminder-policy';

export const REMINDER_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
/**
 * `pending` until a worker claims it; `sending` while one holds its lease; then `sent`, `failed`
 * (email failed after the last try; the in-app notification is there) or `cancelled` (the state no
 * longer called for it by the time it was delivered).
 */
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** One reminder the policy called for: the ledger that makes each go out once. */
@Entity('reminder')
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for a digest. */
  @Column({ type: 'uuid', nullable: true })
  questionSetId: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind: ReminderKind;

  /** The date it is about (a deadline, or the digest's week day). */
  @Column({ type: 'date' })
  refersTo: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'varchar', length: 16 })
  status: ReminderStatus;

  /** Why it was cancelled, or the last delivery error. */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'integer' })
  attempts: number;

  /** Raised when the sweep hands it to a new delivery job (a lease expired, a job was lost). */
  @Column({ type: 'integer' })
  round: number;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
