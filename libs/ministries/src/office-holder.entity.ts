import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Ministry } from './ministry.entity';

/** A post ("Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking") and who held it when answering. */
@Entity('office_holder')
export class OfficeHolder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  post: string;

  /** Surname as signed ("Kaag"); null when only the post is known. */
  @Column({ type: 'text', nullable: true })
  person: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  ministryCode: string | null;

  @ManyToOne(() => Ministry, { nullable: true })
  ministry: Ministry | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
