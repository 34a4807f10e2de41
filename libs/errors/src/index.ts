export { DeskError, RuleViolation, StaleVersion } from './desk-error';
export type { DeskErrorOptions, ErrorKind, HintedProblem, Problem, RouteHint } from './desk-error';
export { capitalised, counted, listed, questionsNamed } from './wording';
