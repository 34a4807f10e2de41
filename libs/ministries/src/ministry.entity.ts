import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('ministry')
export class Ministry {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'text' })
  name: string;
}
