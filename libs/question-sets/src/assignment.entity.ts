import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { QuestionSet } from './question-set.entity';

export type AssignmentState = 'pending' | 'accepted' | 'rejected' | 'transferred' | 'ended';

/** A set given to a ministry and a drafter; a set keeps the history of its assignments. */
@Entity('assignment')
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionSetId: string;

  @ManyToOne(() => QuestionSet, { onDelete: 'CASCADE' })
  questionSet: Relation<QuestionSet>;

  @Column({ type: 'varchar', length: 8 })
  ministryCode: string;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  state: AssignmentState;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'date', nullable: true })
  internalDeadline: string | null;

  @Column({ type: 'uuid', nullable: true })
  assignedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
