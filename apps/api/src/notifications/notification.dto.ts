import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from '@question-desk/reminders';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

export class NotificationDto {
  @ApiProperty({ format: 'uuid', description: "The notification's id (its entry in the reminders' ledger)" })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for the weekly digest, which is about several sets' })
  questionSetId: string | null;

  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    example: 'postponement-due',
    description: 'A workflow event (assigned, review-requested, …) or a reminder (postponement-due, …)',
  })
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

export class NotificationSettingDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'assigned' })
  kind: string;

  @ApiProperty({ example: 'Vragen aan mij toegewezen', description: 'The kind in Dutch' })
  label: string;

  @ApiProperty({ example: true, description: 'Also by email (default), or in the app only' })
  email: boolean;

  @ApiProperty({ enum: [true], description: 'Always true: every notification appears in the app' })
  inApp: true;
}

export class NotificationSettingsDto {
  @ApiProperty({ type: NotificationSettingDto, isArray: true })
  settings: NotificationSettingDto[];
}

export class NotificationSettingChange {
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'assigned' })
  @IsIn(NOTIFICATION_KINDS as string[], { message: `kind must be one of ${NOTIFICATION_KINDS.join(', ')}` })
  kind: string;

  @ApiProperty({ example: false, description: 'true: also by email; false: in the app only' })
  @IsBoolean({ message: 'email must be true or false' })
  email: boolean;
}

export class UpdateNotificationSettings {
  @ApiProperty({ type: NotificationSettingChange, isArray: true, description: 'The kinds to change; the others stay as they are' })
  @IsArray({ message: 'settings must be a list of { kind, email }' })
  @ArrayMaxSize(NOTIFICATION_KINDS.length * 2, { message: `settings may name at most ${NOTIFICATION_KINDS.length * 2} kinds` })
  @ValidateNested({ each: true })
  @Type(() => NotificationSettingChange)
  settings: NotificationSettingChange[];
}
