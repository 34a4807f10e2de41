/** Wrong email or password, or an account that is deactivated: the same answer, so nothing leaks. */
export class InvalidCredentials extends Error {
  constructor() {
    super('The email address or password is not right. Check both and try again.');
    this.name = 'InvalidCredentials';
  }
}

export class InvalidToken extends Error {
  constructor(reason: string, whatToDo = 'Sign in again at POST /api/auth/login.') {
    super(`${reason} ${whatToDo}`);
    this.name = 'InvalidToken';
  }
}

export class TooManyLoginAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many failed sign-ins for this account, or from this address. Wait ${Math.ceil(retryAfterSeconds / 60)} minute(s) and try again, or ask an administrator to reset the password.`,
    );
    this.name = 'TooManyLoginAttempts';
  }
}

export class EmailTaken extends Error {
  constructor(email: string) {
    super(
      `There is already an account for ${email} (email addresses are compared without regard to capitals). Change that account instead, or reactivate it if it was deactivated.`,
    );
    this.name = 'EmailTaken';
  }
}

/** No account with this id. */
export class UserNotFound extends Error {
  constructor(id: string) {
    super(`There is no account ${id}. Check the id, or find the person with GET /api/users?q=<name or email>.`);
    this.name = 'UserNotFound';
  }
}

/** The administrator edited an older version of the account than the one stored. */
export class StaleUserVersion extends Error {
  constructor(
    readonly currentVersion: number,
    givenVersion: number,
  ) {
    super(
      `Someone changed this account since you loaded it (you sent version ${givenVersion}, it is now at version ${currentVersion}). Reload it, check their change and try again.`,
    );
    this.name = 'StaleUserVersion';
  }
}

/** A well-formed change that breaks a rule of the desk's accounts (policy, ministry, lock-out). */
export class AccountRuleViolation extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'AccountRuleViolation';
  }
}
