import type { Role } from './roles';

/**
 * The rules an account must keep, as plain functions: the admin use cases and the HTTP validation
 * read them from here, so each rule is written once.
 */

/** Emails are compared and stored lower-case, so Ana@Example.org and ana@example.org are one account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const PASSWORD_POLICY = `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long; a few unrelated words make a good one`;

/** What is wrong with a password an administrator sets, if anything. */
export function passwordProblems(password: string): string[] {
  const length = [...password].length;
  return length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH ? [`${PASSWORD_POLICY} (this one has ${length}).`] : [];
}

/** What the desk needs to know of a person to give them work. */
export interface AccountShape {
  roles: readonly Role[];
  ministryCode: string | null;
}

/** Roles that work only on the sets of their own ministry, and so need one. */
const ROLES_NEEDING_A_MINISTRY: readonly Role[] = ['drafter'];

export function accountProblems(account: AccountShape): string[] {
  const problems: string[] = [];
  if (account.roles.length === 0) problems.push('roles must name at least one of desk, drafter, coordinator, admin.');
  for (const role of ROLES_NEEDING_A_MINISTRY) {
    if (account.roles.includes(role) && !account.ministryCode) {
      problems.push(`A ${role} works only on the sets of their own ministry: give a ministry code.`);
    }
  }
  return problems;
}

/** The parts of an account that decide whether it can administer the desk. */
export interface AdminStanding {
  id: string;
  roles: readonly Role[];
  active: boolean;
}

export function isActiveAdmin(account: Pick<AdminStanding, 'roles' | 'active'>): boolean {
  return account.active && account.roles.includes('admin');
}

/**
 * An administrator may not lock themselves out, and no change may leave the desk without an
 * active administrator (`otherActiveAdmins`: active admins other than the account changed).
 */
export function lockoutProblems(actorId: string, before: AdminStanding, after: AdminStanding, otherActiveAdmins: number): string[] {
  if (!isActiveAdmin(before) || isActiveAdmin(after)) return [];
  if (before.id === actorId) {
    return [
      after.active
        ? 'You cannot remove your own admin role: ask another administrator to do it.'
        : 'You cannot deactivate your own account: ask another administrator to do it.',
    ];
  }
  if (otherActiveAdmins === 0) {
    return ['This change would leave the desk without an active administrator. Make another person an administrator first.'];
  }
  return [];
}
