import { counted, DeskError, RuleViolation, StaleVersion } from '@question-desk/errors';

/** Wrong email or password, or an account that is deactivated: the same answer, so nothing leaks. */
export class InvalidCredentials extends DeskError {
  readonly kind = 'unauthenticated';

  constructor() {
    super('The email address or password is not right. Check both and try again.');
  }
}

/** A token that does not (or no longer) sign anyone in; without `whatToDo`, the API points to signing in again. */
export class InvalidToken extends DeskError {
  readonly kind = 'unauthenticated';

  constructor(reason: string, whatToDo?: string) {
    super(whatToDo ? `${reason} ${whatToDo}` : reason, { see: whatToDo ? undefined : { to: 'sign-in' } });
  }
}

/** "1 minute", "15 minutes". */
function minutes(seconds: number): string {
  const count = Math.ceil(seconds / 60);
  return `${count} ${counted(count, 'minute', 'minutes')}`;
}

export class TooManyLoginAttempts extends DeskError {
  readonly kind = 'too-many-attempts';

  constructor(override readonly retryAfterSeconds: number) {
    super(
      `Too many failed sign-ins for this account, or from this address. Wait ${minutes(retryAfterSeconds)} and try again, or ask an administrator to reset the password.`,
      { retryAfterSeconds },
    );
  }
}

export class EmailTaken extends DeskError {
  readonly kind = 'conflict';

  constructor(email: string) {
    super(
      `There is already an account for ${email} (email addresses are compared without regard to capitals). Change that account instead, or reactivate it if it was deactivated.`,
    );
  }
}

/** No account with this id. */
export class UserNotFound extends DeskError {
  readonly kind = 'not-found';

  constructor(id: string) {
    super(`There is no account ${id}. Check the id, or find the person by name or email.`, { see: { to: 'user-search' } });
  }
}

/** The administrator edited an older version of the account than the one stored (the one `StaleVersion`, about an account). */
export class StaleUserVersion extends StaleVersion {
  constructor(currentVersion: number, givenVersion: number) {
    super(currentVersion, givenVersion, 'account');
  }
}

/** A `RuleViolation` of the desk's accounts (policy, ministry, lock-out); named so in the logs. */
export class AccountRuleViolation extends RuleViolation {}
