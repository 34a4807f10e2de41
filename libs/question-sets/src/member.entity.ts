import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A member of parliament, as named on the documents ("Van Helvert", CDA). */
@Entity('member')
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  party: string | null;
}
