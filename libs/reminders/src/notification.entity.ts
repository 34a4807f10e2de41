import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReminderKind } from './reminder-policy';

/** A reminder as its recipient sees it in the app. Its id is the reminder's id. */
@Entity('notification')
export class Notification {
  @PrimaryColumn({ type: 'uuid' })
  reminderId: string;

  /** Order of creation, for a stable newest-first list. */
  @Column({ type: 'bigint', insert: false, update: false })
  position: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'uuid', nullable: true })
  questionSetId: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind: ReminderKind;

  /** One line, in Dutch: the email's subject. */
  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
