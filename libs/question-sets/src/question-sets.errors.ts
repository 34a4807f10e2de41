import { DeskError, questionsNamed } from '@question-desk/errors';

export { RuleViolation, StaleVersion } from '@question-desk/errors';

/** The set does not exist, or the viewer may not see it: the same answer for both. */
export class QuestionSetNotFound extends DeskError {
  readonly kind = 'not-found';

  constructor(id: string) {
    super(`There is no question set ${id} that you can see. Check the id, or ask the desk whether it was assigned to your ministry.`);
  }
}

export class DuplicateReference extends DeskError {
  readonly kind = 'conflict';

  constructor(
    readonly reference: string,
    readonly existingId: string | null,
  ) {
    super(
      existingId
        ? `A question set with reference ${reference} is already registered.`
        : `A question set with reference ${reference} was registered just now by someone else.`,
      {
        details: { existingId },
        see: existingId ? { to: 'question-set', id: existingId } : { to: 'question-set-by-reference', reference },
      },
    );
  }
}

/** A document of answers or a postponement notice that names no set the desk knows. */
export class NoMatchingQuestionSet extends DeskError {
  readonly kind = 'rule-violation';

  constructor(what: string) {
    super(
      `${what} cannot be matched to a question set: it names no reference, members and submission date, or question text that the desk knows. Import the questions first, or add the reference (zaaknummer) to the document.`,
    );
  }
}

/** The set's status does not allow the action; says which actions it does allow. */
export class TransitionNotAllowed extends DeskError {
  readonly kind = 'conflict';

  constructor(
    readonly action: string,
    readonly currentStatus: string,
    readonly allowedActions: string[],
  ) {
    super(
      `This question set is ${currentStatus.replace('_', ' ')}, so "${action}" is not possible now. From ${currentStatus} the desk can: ${allowedActions.join(', ') || 'nothing (the set is closed)'}.`,
      { details: { currentStatus, allowedActions } },
    );
  }
}

/** The viewer may see the set, but this action is not theirs to take. */
export class ActionNotPermitted extends DeskError {
  readonly kind = 'forbidden';
}

/** The set has no question with this number (the set itself is visible). */
export class QuestionNotFound extends DeskError {
  readonly kind = 'not-found';

  constructor(questionSetId: string, number: number) {
    super(`Question set ${questionSetId} has no question ${number}.`, { see: { to: 'question-set', id: questionSetId } });
  }
}

/** A corrected questions document for a set whose answers are already being written. */
export class QuestionsAlreadyInWork extends DeskError {
  readonly kind = 'conflict';

  constructor(
    readonly questionSetId: string,
    readonly currentStatus: string,
    readonly changedQuestionNumbers: number[],
  ) {
    super(
      `This document changes ${questionsNamed(changedQuestionNumbers)} of set ${questionSetId}, which is ${currentStatus.replace('_', ' ')}: its answers are being written to the questions as registered, so the desk does not replace them. Ask the drafter to take the correction into account, or withdraw the set and import the corrected document as a new one.`,
      { details: { currentStatus, changedQuestionNumbers } },
    );
  }
}
