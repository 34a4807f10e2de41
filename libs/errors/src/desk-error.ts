/**
 * What went wrong, in the desk's terms; the API turns each kind into its status code
 * (apps/api/src/http/domain-error.filter.ts), the CLI and the worker into a line of log.
 */
export type ErrorKind =
  /** The thing does not exist, or the viewer may not see it: the same answer for both. */
  | 'not-found'
  /** The viewer may see it, but this is not theirs to do. */
  | 'forbidden'
  /** The request clashes with the state stored now (a newer version, a status, a duplicate). */
  | 'conflict'
  /** Well-formed input that breaks a rule of the desk; `problems` says which. */
  | 'rule-violation'
  /** Not signed in, or not any more. */
  | 'unauthenticated'
  /** Too many tries; `retryAfterSeconds` says how long to wait. */
  | 'too-many-attempts';

/**
 * A place where the person can look next. Libraries know nothing of HTTP: they name the place, the
 * API words it as a route.
 */
export type RouteHint =
  | { to: 'ministries' }
  | { to: 'users' }
  | { to: 'user-search' }
  | { to: 'question-set'; id: string }
  | { to: 'question-set-by-reference'; reference: string }
  | { to: 'sign-in' }
  | { to: 'notifications' }
  | { to: 'failed-reminders' };

/** One thing wrong with a request, and where to look to put it right. */
export interface HintedProblem {
  text: string;
  see?: RouteHint;
}
export type Problem = string | HintedProblem;

export interface DeskErrorOptions {
  /** Fields the client gets beside the message (`currentVersion`, `allowedActions` …). */
  details?: Record<string, unknown>;
  /** Where to look next, for the whole error. */
  see?: RouteHint;
  retryAfterSeconds?: number;
}

/** The base of every error the desk's libraries throw on purpose. */
export abstract class DeskError extends Error {
  abstract readonly kind: ErrorKind;
  readonly details: Record<string, unknown>;
  readonly see: RouteHint | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** Set when the error lists several problems; the client gets them as a list. */
  readonly problemList: readonly HintedProblem[] | null;

  constructor(what: string | readonly Problem[], options: DeskErrorOptions = {}) {
    const problems = typeof what === 'string' ? null : what.map((p) => (typeof p === 'string' ? { text: p } : p));
    super(problems ? problems.map((p) => p.text).join(' ') : (what as string));
    this.name = new.target.name;
    this.problemList = problems;
    this.details = options.details ?? {};
    this.see = options.see;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Input that is well-formed but breaks a rule of the desk (unknown ministry, impossible order of dates …). */
export class RuleViolation extends DeskError {
  readonly kind = 'rule-violation';

  /** The problems' texts, as the message lists them. */
  readonly problems: string[];

  constructor(problems: readonly Problem[]) {
    super(problems);
    this.problems = (this.problemList ?? []).map((p) => p.text);
  }
}

/**
 * The client sent a version other than the one stored: an older one (someone changed it since; 0
 * is as old as it gets), or one the thing never had (higher than the current one).
 */
export class StaleVersion extends DeskError {
  readonly kind = 'conflict';

  constructor(
    readonly currentVersion: number,
    givenVersion: number,
    what = 'question set',
  ) {
    super(
      givenVersion > currentVersion
        ? `This ${what} has no version ${givenVersion} yet: it is at version ${currentVersion}. Send the version you loaded it with (reload it to get the current one).`
        : `Someone changed this ${what} since you loaded it (you sent version ${givenVersion}, it is now at version ${currentVersion}). Reload it, check their change and try again.`,
      { details: { currentVersion } },
    );
  }
}
