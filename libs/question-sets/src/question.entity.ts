import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Footnote } from './footnote';
import { QuestionSet } from './question-set.entity';

@Entity('question')
export class Question {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionSetId: string;

  @ManyToOne(() => QuestionSet, (set) => set.questions, { onDelete: 'CASCADE' })
  questionSet: Relation<QuestionSet>;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb', default: [] })
  footnotes: Footnote[];
}
