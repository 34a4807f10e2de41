import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

const LIMITS = Array.from({ length: 20 }, (_, i) => i + 1);

export class SuggestionsQuery {
  @ApiPropertyOptional({ default: 5, minimum: 1, maximum: 20, description: 'How many earlier answers to give' })
  @IsOptional()
  @Type(() => Number)
  // One rule, so "veel" gets one message rather than one per bound.
  @IsIn(LIMITS, { message: 'limit must be a whole number from 1 to 20' })
  limit?: number;
}

export class SuggestedQuestionDto {
  @ApiProperty({ example: 3 })
  number: number;

  @ApiProperty({ example: 'Is dergelijke herkenningssoftware, gericht op een bepaalde bevolkingsgroep, volgens u in strijd met mensenrechten …?' })
  text: string;
}

export class SuggestedAnswerDto {
  @ApiProperty({ example: [3, 4, 5], type: Number, isArray: true, description: 'The questions this answer covers' })
  questionNumbers: number[];

  @ApiProperty({ example: 'Het gebruik van gezichtsherkenningssoftware is op zichzelf geen schending van internationale mensenrechten …' })
  text: string;
}

export class SuggestionDto {
  @ApiProperty({ format: 'uuid', description: 'The earlier, answered set' })
  questionSetId: string;

  @ApiProperty({ example: '2020Z25656', nullable: true, type: String })
  reference: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  appendixNumber: string | null;

  @ApiProperty({ example: 'Chinese surveillanceapparatuur', nullable: true, type: String })
  subject: string | null;

  @ApiProperty({ example: '2021-04-13', format: 'date', nullable: true, type: String })
  answeredOn: string | null;

  @ApiProperty({ type: SuggestedQuestionDto, description: 'The earlier question most like this one' })
  question: SuggestedQuestionDto;

  @ApiProperty({ type: SuggestedAnswerDto, description: 'Its answer, which may cover more questions' })
  answer: SuggestedAnswerDto;

  @ApiProperty({
    example: 0.302,
    minimum: 0,
    maximum: 1,
    description:
      "Similarity, 0 to 1 (1: the same question word for word): half pg_trgm trigram similarity of the two questions, half the share of this question's Dutch words (stemmed, without stop words) that the earlier question uses (counting fully) or its answer uses (counting half)",
  })
  score: number;
}
