import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REMINDER_KINDS } from '@question-desk/reminders';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class NotificationDto {
  @ApiProperty({ format: 'uuid', description: "The reminder's id" })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for the weekly digest, which is about several sets' })
  questionSetId: string | null;

  @ApiProperty({ enum: REMINDER_KINDS, example: 'postponement-due' })
  kind: string;

  @ApiProperty({ example: 'Uitstelbericht nodig: 2019Z15244 is over de termijn', description: 'One line in Dutch (the email subject)' })
  message: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: Date | null;
}

export class ListNotificationsQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only the unread ones' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500, description: 'At most this many, newest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 500' })
  @Min(1, { message: 'limit must be a whole number from 1 to 500' })
  @Max(500, { message: 'limit must be a whole number from 1 to 500' })
  limit?: number;
}

export class MarkedReadDto {
  @ApiProperty({ example: 3, description: 'How many were unread and are now read' })
  marked: number;
}
