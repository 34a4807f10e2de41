import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Ministry } from './ministry.entity';

/**
 * A post an office holder fills ("Minister voor Buitenlandse Handel en Ontwikkelingshulp"), the
 * ministry it falls under, and from when to when. The lead ministry proposed for a set is the one
 * whose posts (or name) its addressees name on the day it was submitted.
 */
@Entity('ministry_post')
export class MinistryPost {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'varchar', length: 8 })
  ministryCode: string;

  @ManyToOne(() => Ministry)
  ministry: Ministry;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
