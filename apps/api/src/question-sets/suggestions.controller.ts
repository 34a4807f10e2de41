import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, PipeTransform, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Viewer } from '@question-desk/accounts';
import { SuggestionsService } from '@question-desk/question-sets';
import { CurrentViewer } from '../http/current-viewer.decorator';
import { SuggestionDto, SuggestionsQuery } from './suggestions.dto';

const DEFAULT_LIMIT = 5;

/** The global validation pipe has already made the path segment a number (NaN for "drie"). */
class QuestionNumberPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    const number = Number(value);
    if (!Number.isSafeInteger(number) || number < 1) {
      throw new BadRequestException('The question number must be a positive whole number, such as 3.');
    }
    return number;
  }
}

@ApiTags('Question sets')
@ApiBearerAuth()
@Controller('question-sets/:id/questions/:number')
export class SuggestionsController {
  constructor(private readonly earlierAnswers: SuggestionsService) {}

  @Get('suggestions')
  @ApiOperation({
    summary: 'Earlier answers to similar questions, best first, to reuse agreed wording',
    description:
      "Answers from other answered sets you may see. An answer that covers several questions comes once, with the question most like this one. The score combines the trigram similarity of the two questions (pg_trgm) with the full-text rank of this question's Dutch words against the earlier question and its answer.",
  })
  @ApiParam({ name: 'number', type: Number, description: 'The question number in this set', example: 3 })
  @ApiOkResponse({ type: SuggestionDto, isArray: true })
  @ApiBadRequestResponse({ description: 'The question number is not a positive whole number, or limit is not 1 to 20' })
  @ApiNotFoundResponse({ description: 'Unknown set, not visible to you, or no question with this number' })
  suggestions(
    @CurrentViewer() viewer: Viewer,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Param('number', new QuestionNumberPipe()) number: number,
    @Query() query: SuggestionsQuery,
  ) {
    return this.earlierAnswers.forQuestion(viewer, id, number, query.limit ?? DEFAULT_LIMIT);
  }
}
