import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MINISTRY_CODE_PATTERN } from '@question-desk/ministries';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../http/is-calendar-date';
import { booleanWord } from '../http/page-query.dto';
import { IsNotBlank, IsOmittable } from '../http/presence';
import { VersionField } from '../http/version-field';

const CODE_MESSAGE = 'code must be 1 to 8 letters, such as KGG or AenM';
/** "valid" dates may be null (open-ended) where the DTO says so. */
const nullableDate = (description: string) => ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2024-07-01', description });

export class MinistryDetailsDto {
  @ApiProperty({ example: 'KGG' })
  code: string;

  @ApiProperty({ example: 'Klimaat en Groene Groei' })
  name: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2024-07-02', description: 'First day; null: since before the desk’s records' })
  validFrom: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'Last day; null: it still exists' })
  validUntil: string | null;

  @ApiProperty({ description: 'Whether it exists today; only current ministries take new work' })
  current: boolean;

  @ApiProperty({ example: 1, description: 'Send it back when changing the ministry; a stale one answers 409' })
  version: number;
}

export class MinistryPostDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Minister voor Buitenlandse Handel en Ontwikkelingshulp' })
  title: string;

  @ApiProperty({ example: 'BZ', description: 'The ministry the post falls under' })
  ministry: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2024-07-02' })
  validFrom: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null })
  validUntil: string | null;

  @ApiProperty({ description: 'Whether the post exists today' })
  current: boolean;

  @ApiProperty({ example: 1 })
  version: number;
}

export class MinistryWithPostsDto extends MinistryDetailsDto {
  @ApiProperty({ type: MinistryPostDto, isArray: true, description: 'Every post that falls or fell under it, ended ones too, by title' })
  posts: MinistryPostDto[];
}

export class ListMinistriesQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: ended (and future) ministries too' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'all must be true or false' })
  all?: boolean;
}

export class CreateMinistryDto {
  @ApiProperty({ pattern: MINISTRY_CODE_PATTERN.source, example: 'KGG', description: 'Never reused: a code stays with its ministry after it ends' })
  @IsString({ message: CODE_MESSAGE })
  @Matches(MINISTRY_CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Klimaat en Groene Groei', description: 'As written after "Minister van …"' })
  @IsString()
  @IsNotBlank({ message: 'name is required: the ministry’s name as written after "Minister van …"' })
  @MaxLength(200)
  name: string;

  @nullableDate('First day; default: today')
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;
}

export class UpdateMinistryDto {
  @VersionField('ministry')
  version: number;

  @ApiPropertyOptional({
    example: 'Economische Zaken',
    description: 'A new name from today; the old one stays a post that ended yesterday, so earlier documents still point here',
  })
  @IsOmittable()
  @IsString()
  @IsNotBlank({ message: 'name must not be empty or only spaces' })
  @MaxLength(200)
  name?: string;

  @nullableDate('The last day: ends the ministry and its posts on that day (its sets stay its own). null reopens it.')
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string | null;
}

export class CreatePostDto {
  @ApiProperty({ example: 'Minister voor Buitenlandse Handel en Ontwikkelingshulp', description: 'As documents write it' })
  @IsString()
  @IsNotBlank({ message: 'title is required: the post as documents write it, such as "Minister voor Medische Zorg"' })
  @MaxLength(300)
  title: string;

  @nullableDate('First day; null: since before the desk’s records')
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @nullableDate('Last day; null: it still exists')
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string | null;
}

export class UpdatePostDto {
  @VersionField('post')
  version: number;

  @ApiPropertyOptional({ example: 'Minister voor Medische Zorg en Sport' })
  @IsOmittable()
  @IsString()
  @IsNotBlank({ message: 'title must not be empty or only spaces' })
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ pattern: MINISTRY_CODE_PATTERN.source, example: 'KGG', description: 'Move the post to another ministry' })
  @IsOmittable()
  @IsString({ message: CODE_MESSAGE })
  @Matches(MINISTRY_CODE_PATTERN, { message: CODE_MESSAGE })
  ministry?: string;

  @nullableDate('First day; null: since before the desk’s records')
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @nullableDate('Last day; null: it still exists')
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string | null;
}
