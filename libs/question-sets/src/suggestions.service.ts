import { Injectable } from '@nestjs/common';
import type { Viewer } from '@question-desk/accounts';
import { QuestionNotFound } from './question-sets.errors';
import { QuestionSetsService } from './question-sets.service';
import { SuggestionQueries, type Suggestion } from './suggestions.queries';

/** Earlier answers a drafter can reuse: agreed wording for a question asked before. */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly questionSets: QuestionSetsService,
    private readonly suggestions: SuggestionQueries,
  ) {}

  /** Answers from other answered sets the viewer may see, best first (see SuggestionQueries for the score). */
  async forQuestion(viewer: Viewer, questionSetId: string, number: number, limit: number): Promise<Suggestion[]> {
    const set = await this.questionSets.get(viewer, questionSetId);
    const question = set.questions?.find((q) => q.number === number);
    if (!question) throw new QuestionNotFound(questionSetId, number);
    return this.suggestions.similarAnswers(viewer, { questionSetId, text: question.text }, limit);
  }
}
