/** The set does not exist, or the viewer may not see it: the same answer for both. */
export class QuestionSetNotFound extends Error {
  constructor(id: string) {
    super(`There is no question set ${id} that you can see. Check the id, or ask the desk whether it was assigned to your ministry.`);
    this.name = 'QuestionSetNotFound';
  }
}

export class DuplicateReference extends Error {
  constructor(
    readonly reference: string,
    readonly existingId: string | null,
  ) {
    super(
      existingId
        ? `A question set with reference ${reference} is already registered: /api/question-sets/${existingId}.`
        : `A question set with reference ${reference} was registered just now by someone else; find it with GET /api/question-sets?reference=${reference}.`,
    );
    this.name = 'DuplicateReference';
  }
}

/** The client edited an older version than the one stored. */
export class StaleVersion extends Error {
  constructor(
    readonly currentVersion: number,
    givenVersion: number,
  ) {
    super(
      `Someone changed this question set since you loaded it (you sent version ${givenVersion}, it is now at version ${currentVersion}). Reload it, check their change and try again.`,
    );
    this.name = 'StaleVersion';
  }
}

/** Input that is well-formed but breaks a rule of the desk (unknown ministry, impossible order of dates …). */
export class RuleViolation extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'RuleViolation';
  }
}

/** A document of answers or a postponement notice that names no set the desk knows. */
export class NoMatchingQuestionSet extends Error {
  constructor(what: string) {
    super(
      `${what} cannot be matched to a question set: it names no reference, members and submission date, or question text that the desk knows. Import the questions first, or add the reference (zaaknummer) to the document.`,
    );
    this.name = 'NoMatchingQuestionSet';
  }
}

/** The set's status does not allow the action; says which actions it does allow. */
export class TransitionNotAllowed extends Error {
  constructor(
    readonly action: string,
    readonly currentStatus: string,
    readonly allowedActions: string[],
  ) {
    super(
      `This question set is ${currentStatus.replace('_', ' ')}, so "${action}" is not possible now. From ${currentStatus} the desk can: ${allowedActions.join(', ') || 'nothing (the set is closed)'}.`,
    );
    this.name = 'TransitionNotAllowed';
  }
}

/** The viewer may see the set, but this action is not theirs to take. */
export class ActionNotPermitted extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionNotPermitted';
  }
}

/** The set has no question with this number (the set itself is visible). */
export class QuestionNotFound extends Error {
  constructor(questionSetId: string, number: number) {
    super(`Question set ${questionSetId} has no question ${number}. See GET /api/question-sets/${questionSetId} for its questions.`);
    this.name = 'QuestionNotFound';
  }
}

/** A corrected questions document for a set whose answers are already being written. */
export class QuestionsAlreadyInWork extends Error {
  constructor(
    readonly questionSetId: string,
    readonly currentStatus: string,
    readonly changedQuestionNumbers: number[],
  ) {
    super(
      `This document changes question ${changedQuestionNumbers.join(', ')} of set ${questionSetId}, which is ${currentStatus.replace('_', ' ')}: its answers are being written to the questions as registered, so the desk does not replace them. Ask the drafter to take the correction into account, or withdraw the set and import the corrected document as a new one.`,
    );
    this.name = 'QuestionsAlreadyInWork';
  }
}
