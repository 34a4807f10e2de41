import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Ministry } from '@question-desk/ministries';
import type { Role } from './roles';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  /** The ministry whose sets this user works on; null: every ministry. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  ministryCode: string | null;

  @ManyToOne(() => Ministry, { nullable: true, eager: true })
  ministry: Ministry | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Goes up with every password reset; tokens issued before it stop working. */
  @Column({ type: 'integer', default: 0 })
  sessionGeneration: number;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
