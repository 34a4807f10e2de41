import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A document as it reached the desk, kept verbatim. Its hash makes a second import a no-op. */
@Entity('source_document')
export class SourceDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionSetId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'char', length: 64 })
  contentSha256: string;

  @Column({ type: 'uuid', nullable: true })
  importedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt: Date;
}
