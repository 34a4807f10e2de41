import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHAMBERS } from '@question-desk/deadlines';
import { MINISTRY_CODE_PATTERN } from '@question-desk/ministries';
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
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from '@question-desk/question-sets';
import { IsCalendarDate } from '../http/is-calendar-date';
import { IsNotBlank } from '../http/presence';

const REFERENCE = /^\d{4}Z\d{5}$/;
const REFERENCE_MESSAGE = 'must be a zaaknummer: four digits, Z, five digits (such as 2020Z25656)';

export class IntakeMemberDto {
  @ApiProperty({ example: 'Van Helvert' })
  @IsString()
  @IsNotBlank({ message: 'each submitter needs a name' })
  @MaxLength(LIMITS.memberName)
  name: string;

  @ApiPropertyOptional({ example: 'CDA', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.party)
  party?: string | null;
}

export class IntakeQuestionDto {
  @ApiProperty({ example: 1 })
  @IsInt({ message: 'each question needs a whole number from 1' })
  @Min(1, { message: 'question numbers start at 1' })
  @Max(LIMITS.questionNumber, { message: `question numbers run from 1 to ${LIMITS.questionNumber}` })
  number: number;

  @ApiProperty({ example: 'Bent u bekend met het bericht …?' })
  @IsString()
  @IsNotBlank({ message: 'each question needs its text' })
  @MaxLength(LIMITS.questionText)
  text: string;
}

/** What a desk officer knows of a set that arrived on paper or by mail. */
export class IntakeDto {
  @ApiPropertyOptional({ example: '2020Z25656' })
  @IsOptional()
  @Matches(REFERENCE, { message: `reference ${REFERENCE_MESSAGE}` })
  reference?: string;

  @ApiPropertyOptional({ example: '2290' })
  @IsOptional()
  @Matches(/^\d{1,8}$/, { message: 'appendixNumber must be the number of the Aanhangsel Handelingen, digits only (such as 2290)' })
  appendixNumber?: string;

  @ApiPropertyOptional({ enum: CHAMBERS, default: 'TK' })
  @IsOptional()
  @IsIn(CHAMBERS, { message: 'chamber must be TK (Tweede Kamer) or EK (Eerste Kamer)' })
  chamber?: 'TK' | 'EK';

  @ApiProperty({ example: 'Chinese surveillanceapparatuur' })
  @IsString()
  @IsNotBlank({ message: 'subject must not be empty' })
  @MaxLength(LIMITS.subject)
  subject: string;

  @ApiProperty({ example: '2020-12-22', format: 'date', description: 'The "ingezonden" date' })
  @IsCalendarDate()
  submittedOn: string;

  @ApiProperty({ type: IntakeMemberDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'submitters must name at least one member' })
  @ArrayMaxSize(LIMITS.submitters)
  @IsObject({ each: true, message: 'each submitter must be an object such as {"name": "Van Helvert", "party": "CDA"}' })
  @ValidateNested({ each: true })
  @Type(() => IntakeMemberDto)
  submitters: IntakeMemberDto[];

  @ApiProperty({ example: ['Minister van Buitenlandse Zaken'], type: String, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'addressees must name at least one minister or state secretary' })
  @ArrayMaxSize(LIMITS.addressees)
  @IsString({ each: true })
  @IsNotBlank({ each: true, message: 'each addressee must name a minister or state secretary' })
  @MaxLength(LIMITS.addressee, { each: true })
  addressees: string[];

  @ApiPropertyOptional({
    pattern: MINISTRY_CODE_PATTERN.source,
    example: 'BZ',
    description: 'A ministry code (GET /api/ministries); default: the ministry of the first addressee, by the posts valid on submittedOn',
  })
  @IsOptional()
  @Matches(MINISTRY_CODE_PATTERN, { message: 'leadMinistry must be a ministry code such as BZ or JenV (GET /api/ministries lists them)' })
  leadMinistry?: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    pattern: MINISTRY_CODE_PATTERN.source,
    description: 'Ministry codes; default: the ministries of the other addressees, by the posts valid on submittedOn',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(MINISTRY_CODE_PATTERN, { each: true, message: 'coSigningMinistries must be ministry codes such as JenV (GET /api/ministries lists them)' })
  coSigningMinistries?: string[];

  @ApiPropertyOptional({ description: 'The Toelichting' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.explanatoryNote)
  explanatoryNote?: string;

  @ApiPropertyOptional({ example: ['2019Z15131'], type: String, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.relatedReferences)
  @Matches(REFERENCE, { each: true, message: `each relatedReferences entry ${REFERENCE_MESSAGE}` })
  relatedReferences?: string[];

  @ApiProperty({ type: IntakeQuestionDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'questions must hold at least one question' })
  @ArrayMaxSize(LIMITS.questionsPerSet, { message: `questions may hold at most ${LIMITS.questionsPerSet} questions` })
  @IsObject({ each: true, message: 'each question must be an object such as {"number": 1, "text": "…"}' })
  @ValidateNested({ each: true })
  @Type(() => IntakeQuestionDto)
  questions: IntakeQuestionDto[];
}
