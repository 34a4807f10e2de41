import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** A department. It is never deleted: one that ended keeps its code, its name and its sets. */
@Entity('ministry')
export class Ministry {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** First day (Europe/Amsterdam); null: since before the desk's records. */
  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  /** Last day; null: it still exists. */
  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
