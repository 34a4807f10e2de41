import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { User } from '@question-desk/accounts';
import type { Chamber } from '@question-desk/deadlines';
import { Ministry } from '@question-desk/ministries';
import { Answer } from './answer.entity';
import { CoSignature } from './co-signature.entity';
import { Postponement } from './postponement.entity';
import { Question } from './question.entity';
import { QuestionSetSubmitter } from './question-set-submitter.entity';
import type { QuestionSetStatus } from './statuses';

/** One parliamentary document of written questions and everything that happens to it until it is answered. */
@Entity('question_set')
export class QuestionSet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Zaaknummer ("2020Z25656"). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  reference: string | null;

  /** Aanhangsel Handelingen number ("2290"). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  appendixNumber: string | null;

  @Column({ type: 'char', length: 2, default: 'TK' })
  chamber: Chamber;

  /** Null only for a set made from an answer document that does not repeat the subject. */
  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'date', nullable: true })
  submittedOn: string | null;

  @OneToMany(() => QuestionSetSubmitter, (s) => s.questionSet, { cascade: ['insert'] })
  submitters: Relation<QuestionSetSubmitter>[];

  @Column({ type: 'text', array: true, default: '{}' })
  addressees: string[];

  @Column({ type: 'varchar', length: 8, nullable: true })
  leadMinistryCode: string | null;

  @ManyToOne(() => Ministry, { nullable: true })
  leadMinistry: Ministry | null;

  @ManyToMany(() => Ministry)
  @JoinTable({
    name: 'question_set_co_signing_ministry',
    joinColumn: { name: 'question_set_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'ministry_code', referencedColumnName: 'code' },
  })
  coSigningMinistries: Ministry[];

  @Column({ type: 'text', nullable: true })
  explanatoryNote: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  relatedReferences: string[];

  @OneToMany(() => Question, (q) => q.questionSet)
  questions: Relation<Question>[];

  @OneToMany(() => Answer, (a) => a.questionSet)
  answers: Relation<Answer>[];

  @OneToMany(() => Postponement, (p) => p.questionSet)
  postponements: Relation<Postponement>[];

  @OneToMany(() => CoSignature, (c) => c.questionSet)
  coSignatures: Relation<CoSignature>[];

  @Column({ type: 'varchar', length: 16, default: 'received' })
  status: QuestionSetStatus;

  @Column({ type: 'date', nullable: true })
  statutoryDeadline: string | null;

  /** The deadline in force: the last postponement's date, else the statutory one. */
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'date', nullable: true })
  answeredOn: string | null;

  /** Surname of the office holder who answered ("Blok"). */
  @Column({ type: 'text', nullable: true })
  answeredBy: string | null;

  @Column({ type: 'text', nullable: true })
  answeredByPost: string | null;

  /** Internal deadlines of the lead ministry: draft ready, review done, co-signatures in. */
  @Column({ type: 'date', nullable: true })
  draftDeadline: string | null;

  @Column({ type: 'date', nullable: true })
  reviewDeadline: string | null;

  @Column({ type: 'date', nullable: true })
  coSigningDeadline: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { nullable: true })
  assignee: User | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** The latest assignment or review step (`LAST_STEP_ACTIONS`), written by the workflow with the step. */
  @Column({ type: 'text', nullable: true })
  lastStep: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastStepAt: Date | null;

  /** The reason or comment the person gave with that step. */
  @Column({ type: 'text', nullable: true })
  lastStepNote: string | null;

  /** How many questions the set holds: read with the set by `QuestionSetQueries`, not a column. */
  questionCount?: number;
}
