import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { QuestionSet } from './question-set.entity';

/** A postponement notice (uitstelbericht): the answer comes later, by `newDeadline`. */
@Entity('postponement')
export class Postponement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionSetId: string;

  @ManyToOne(() => QuestionSet, (set) => set.postponements, { onDelete: 'CASCADE' })
  questionSet: Relation<QuestionSet>;

  @Column({ type: 'date' })
  sentOn: string;

  @Column({ type: 'date' })
  newDeadline: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  registeredById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
