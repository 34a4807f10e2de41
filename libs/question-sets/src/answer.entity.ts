import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Footnote } from './footnote';
import { QuestionSet } from './question-set.entity';

/** One answer; it may cover several questions ("Antwoord op vraag 3, 4 en 5"). */
@Entity('answer')
export class Answer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionSetId: string;

  @ManyToOne(() => QuestionSet, (set) => set.answers, { onDelete: 'CASCADE' })
  questionSet: Relation<QuestionSet>;

  /** Order within the document. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'integer', array: true })
  questionNumbers: number[];

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb', default: [] })
  footnotes: Footnote[];
}
