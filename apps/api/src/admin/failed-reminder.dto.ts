import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REMINDER_KINDS } from '@question-desk/reminders';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

class RecipientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Dirk de Desk' })
  name: string;

  @ApiProperty({ example: 'desk@example.org' })
  email: string;
}

export class FailedReminderDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: REMINDER_KINDS })
  kind: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  questionSetId: string | null;

  @ApiProperty({ nullable: true, example: '2019Z15244' })
  reference: string | null;

  @ApiProperty({ format: 'date', description: 'The deadline (or digest day) it is about' })
  refersTo: string;

  @ApiProperty({ type: RecipientDto })
  recipient: RecipientDto;

  @ApiProperty({ example: 10, description: 'Delivery attempts made' })
  attempts: number;

  @ApiProperty({ nullable: true, description: 'The last error' })
  error: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  failedAt: Date;
}

export class ListFailedRemindersQuery {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1, { message: 'limit must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'limit must be a whole number from 1 to 1000' })
  limit?: number;
}

export class RetriedReminderDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'pending', description: 'It goes out with the next sweep, checked against the state of then' })
  status: 'pending';
}
