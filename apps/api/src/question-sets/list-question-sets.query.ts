import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHAMBERS, type Chamber } from '@question-desk/deadlines';
import { MINISTRY_CODE_PATTERN } from '@question-desk/ministries';
import { decodeCursor, SORT_KEYS, STATUSES, type QuestionSetStatus, type SortKey } from '@question-desk/question-sets';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../http/is-calendar-date';
import { booleanWord, PageQueryDto } from '../http/page-query.dto';

const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

export class ListQuestionSetsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: `Comma list of statuses: ${STATUSES.join(', ')}`, example: 'received,assigned' })
  @IsOptional()
  @Transform(commaList)
  @IsIn(STATUSES, { each: true, message: `status must be a comma list of: ${STATUSES.join(', ')}` })
  status?: QuestionSetStatus[];

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only sets that are (not) overdue today' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    description: 'Full text over subject, questions and answers (Dutch stemming; "quotes", OR and -not work)',
    example: 'gezichtsherkenning',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: '2020Z25656' })
  @IsOptional()
  @Matches(/^\d{4}Z\d{5}$/i, { message: 'reference must be a zaaknummer such as 2020Z25656' })
  reference?: string;

  @ApiPropertyOptional({
    pattern: MINISTRY_CODE_PATTERN.source,
    example: 'BZ',
    description: 'Lead ministry code (GET /api/ministries?all=true lists them, ended ones too)',
  })
  @IsOptional()
  @Matches(MINISTRY_CODE_PATTERN, { message: 'ministry must be a ministry code such as BZ or JenV (GET /api/ministries?all=true lists them)' })
  ministry?: string;

  @ApiPropertyOptional({ description: "Part of a submitting member's name", example: 'Sjoerdsma' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  submitter?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Deadline strictly before this date' })
  @IsOptional()
  @IsCalendarDate()
  deadlineBefore?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Deadline strictly after this date' })
  @IsOptional()
  @IsCalendarDate()
  deadlineAfter?: string;

  @ApiPropertyOptional({ enum: CHAMBERS, description: 'TK = Tweede Kamer, EK = Eerste Kamer' })
  @IsOptional()
  @IsIn(CHAMBERS, { message: `chamber must be one of ${CHAMBERS.join(', ')}` })
  chamber?: Chamber;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only sets that are open, past the statutory deadline and have no postponement registered (or the others)',
  })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'postponementMissing must be true or false' })
  postponementMissing?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only sets with (true) or without (false) a registered uitstelbericht' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'postponed must be true or false' })
  postponed?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only sets back at the desk because their assignment was rejected (or the others)' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'assignmentRejected must be true or false' })
  assignmentRejected?: boolean;

  @ApiPropertyOptional({ description: '"me" or a user id: only sets assigned to that person', example: 'me' })
  @IsOptional()
  @ValidateIf((_query, value) => value !== 'me')
  @IsUUID('all', { message: 'assignee must be "me" or a user id' })
  assignee?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Sets whose drafter must make changes the reviewer asked for first, then by internal draft deadline, then by `sort`',
  })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'changesRequestedFirst must be true or false' })
  changesRequestedFirst?: boolean;

  @ApiPropertyOptional({
    enum: SORT_KEYS,
    default: 'deadline',
    description: 'With q and no sort: best match first (newest first when more than 10,000 sets match)',
  })
  @IsOptional()
  @IsIn(SORT_KEYS, { message: `sort must be one of ${SORT_KEYS.join(', ')}` })
  sort?: SortKey;

  @ApiPropertyOptional({ description: "Keyset paging: the previous page's nextCursor (then page is ignored)", example: 'WyIyMDIxLTAxLTEyIiwiLi4uIl0' })
  @IsOptional()
  @ValidateBy({
    name: 'isListCursor',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length <= 200 && decodeCursor(value) !== null,
      defaultMessage: () => 'after must be the nextCursor of an earlier page of the same list',
    },
  })
  after?: string;
}
