import { Column, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Member } from './member.entity';
import { QuestionSet } from './question-set.entity';

/** A member who submitted the set, in the order the document names them. */
@Entity('question_set_submitter')
export class QuestionSetSubmitter {
  @PrimaryColumn({ type: 'uuid' })
  questionSetId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => QuestionSet, (set) => set.submitters, { onDelete: 'CASCADE' })
  questionSet: Relation<QuestionSet>;

  @ManyToOne(() => Member, { eager: true })
  member: Member;

  @Column({ type: 'integer' })
  position: number;
}
