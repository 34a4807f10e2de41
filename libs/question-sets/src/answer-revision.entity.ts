import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Footnote } from './footnote';

export interface RevisedAnswer {
  questionNumbers: number[];
  text: string;
  footnotes: Footnote[];
}

/** A saved draft of the answers, numbered per set: who saved what, when. */
@Entity('answer_revision')
export class AnswerRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionSetId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'jsonb' })
  answers: RevisedAnswer[];

  @Column({ type: 'uuid', nullable: true })
  savedById: string | null;

  @Column({ type: 'text' })
  savedByName: string;

  @CreateDateColumn({ type: 'timestamptz' })
  savedAt: Date;
}
