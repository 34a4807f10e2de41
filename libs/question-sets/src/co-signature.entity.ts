import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { QuestionSet } from './question-set.entity';

/** A co-signing ministry's signature on the approved answers ("mede namens"). */
@Entity('co_signature')
export class CoSignature {
  @PrimaryColumn({ type: 'uuid' })
  questionSetId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  ministryCode: string;

  @ManyToOne(() => QuestionSet, (set) => set.coSignatures, { onDelete: 'CASCADE' })
  questionSet: Relation<QuestionSet>;

  @Column({ type: 'uuid', nullable: true })
  signedById: string | null;

  @Column({ type: 'text' })
  signedByName: string;

  @CreateDateColumn({ type: 'timestamptz' })
  signedAt: Date;
}
