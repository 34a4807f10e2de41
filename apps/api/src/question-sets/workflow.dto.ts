import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MINISTRY_CODE_PATTERN } from '@question-desk/ministries';
import { LIMITS, TRANSITION_ACTIONS, type TransitionAction } from '@question-desk/question-sets';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../http/is-calendar-date';
import { IsNotBlank } from '../http/presence';
import { VersionField } from '../http/version-field';

/** Every workflow call carries the version of the set the client last saw. */
export class VersionedDto {
  @VersionField('set')
  version: number;
}

export class AssignDto extends VersionedDto {
  @ApiPropertyOptional({ example: 'BZ', description: 'Default: the lead ministry the set has' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  leadMinistry?: string;

  @ApiPropertyOptional({ example: ['JenV'], type: String, isArray: true, description: 'Default: as proposed from the addressees' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @IsNotBlank({ each: true, message: 'coSigningMinistries must be ministry codes such as JenV (GET /api/ministries)' })
  @MaxLength(8, { each: true })
  coSigningMinistries?: string[];

  @ApiProperty({ format: 'uuid', description: 'A drafter of the lead ministry' })
  @IsUUID('4', { message: 'assigneeId must be the id of a drafter (see GET /api/users)' })
  assigneeId: string;

  @ApiPropertyOptional({ format: 'date', description: 'Draft deadline; default: counted back from the deadline by the policy' })
  @IsOptional()
  @IsCalendarDate()
  internalDeadline?: string;
}

export class ReasonDto extends VersionedDto {
  @ApiProperty({ example: 'Dit onderwerp hoort bij JenV.' })
  @IsString()
  @IsNotBlank({ message: 'reason must say why' })
  @MaxLength(LIMITS.reason)
  reason: string;
}

export class TransferDto extends ReasonDto {
  @ApiProperty({ pattern: MINISTRY_CODE_PATTERN.source, example: 'JenV', description: 'A current ministry (GET /api/ministries)' })
  @IsString()
  @IsNotBlank({ message: 'toMinistry must be a ministry code such as JenV' })
  @MaxLength(8)
  toMinistry: string;
}

export class DraftAnswerDto {
  @ApiProperty({ example: [3, 4, 5], type: Number, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'each answer must name the question(s) it answers' })
  @ArrayMaxSize(LIMITS.questionsPerSet)
  @IsInt({ each: true, message: 'questionNumbers must be whole numbers' })
  @Min(1, { each: true, message: 'question numbers start at 1' })
  @Max(LIMITS.questionNumber, { each: true, message: `question numbers run from 1 to ${LIMITS.questionNumber}` })
  questionNumbers: number[];

  @ApiProperty({ example: 'Het kabinet kan de berichtgeving niet bevestigen.' })
  @IsString()
  @IsNotBlank({ message: 'each answer needs its text' })
  @MaxLength(LIMITS.answerText, { message: `each answer may hold at most ${LIMITS.answerText} characters` })
  text: string;
}

export class SaveDraftDto extends VersionedDto {
  @ApiProperty({ type: DraftAnswerDto, isArray: true })
  @IsArray()
  @ArrayMaxSize(LIMITS.answersPerSet)
  @IsObject({ each: true, message: 'each answer must be an object such as {"questionNumbers": [1], "text": "…"}' })
  @ValidateNested({ each: true })
  @Type(() => DraftAnswerDto)
  answers: DraftAnswerDto[];
}

export class TransitionDto extends VersionedDto {
  @ApiProperty({ enum: TRANSITION_ACTIONS })
  @IsIn(TRANSITION_ACTIONS, { message: `action must be one of ${TRANSITION_ACTIONS.join(', ')}` })
  action: TransitionAction;

  @ApiPropertyOptional({ description: 'request-changes: what must change' })
  @ValidateIf((o: TransitionDto) => o.action === 'request-changes' || o.comment !== undefined)
  @IsString()
  @IsNotBlank({ message: 'comment must say what must change' })
  @MaxLength(LIMITS.reason)
  comment?: string;

  @ApiPropertyOptional({ format: 'date', description: 'mark-answered: the date the answer was sent' })
  @ValidateIf((o: TransitionDto) => o.action === 'mark-answered' || o.answeredOn !== undefined)
  @IsCalendarDate()
  answeredOn?: string;

  @ApiPropertyOptional({ example: 'Blok', description: 'mark-answered: the office holder who answered' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.memberName)
  answeredBy?: string;

  @ApiPropertyOptional({ example: 'JenV', description: 'co-sign: the ministry signing (default: your own)' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  ministry?: string;

  @ApiPropertyOptional({ description: 'withdraw: why' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.reason)
  reason?: string;
}

export class PostponeDto extends VersionedDto {
  @ApiProperty({ format: 'date', example: '2021-01-11', description: 'The date the uitstelbericht was sent' })
  @IsCalendarDate()
  sentOn: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default: the deadline in force plus three weeks (POSTPONEMENT_WEEKS)' })
  @IsOptional()
  @IsCalendarDate()
  newDeadline?: string;

  @ApiProperty({ example: 'Voor de beantwoording is afstemming met andere departementen nodig.' })
  @IsString()
  @IsNotBlank({ message: 'reason must give the reason stated in the notice' })
  @MaxLength(LIMITS.reason)
  reason: string;
}

export class RevisionDto {
  @ApiProperty({ example: 2 })
  number: number;

  @ApiProperty({ format: 'date-time' })
  savedAt: string;

  @ApiProperty({ example: 'Bregje Buitenland' })
  savedBy: string;

  @ApiProperty({ type: DraftAnswerDto, isArray: true })
  answers: DraftAnswerDto[];

  @ApiProperty({ type: Number, isArray: true, description: 'Questions whose answer changed since the revision before' })
  changedQuestionNumbers: number[];
}
