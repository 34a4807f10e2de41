import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change, as it happened. Rows are only ever inserted: the database refuses updates and deletes. */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid', nullable: true })
  questionSetId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The person's name at the time, or "system" for the desk's own work. */
  @Column({ type: 'text' })
  actorName: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;
}
