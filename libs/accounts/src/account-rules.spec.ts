import { accountProblems, lockoutProblems, normaliseEmail, passwordProblems, type AdminStanding } from './account-rules';

describe('account rules', () => {
  it('compares emails lower-case and without surrounding spaces', () => {
    expect(normaliseEmail('  Ana.de.Vries@Example.ORG ')).toBe('ana.de.vries@example.org');
  });

  it.each([
    ['elevenchars', false],
    ['twelve chars', true],
    ['ééééééééééé', false],
    ['éééééééééééé', true],
    ['x'.repeat(200), true],
    ['x'.repeat(201), false],
  ])('accepts a password of 12 to 200 characters (%s)', (password, ok) => {
    expect(passwordProblems(password)).toEqual(ok ? [] : [expect.stringMatching(/^password must be 12 to 200 characters long.*\(this one has \d+\)\.$/)]);
  });

  it('needs at least one role, and a ministry for a drafter', () => {
    expect(accountProblems({ roles: [], ministryCode: null })).toEqual(['roles must name at least one of desk, drafter, coordinator, admin.']);
    expect(accountProblems({ roles: ['drafter'], ministryCode: null })).toEqual([
      expect.stringMatching(/^A drafter works only on the sets of their own ministry/),
    ]);
    expect(accountProblems({ roles: ['drafter'], ministryCode: 'BZ' })).toEqual([]);
    expect(accountProblems({ roles: ['desk', 'coordinator', 'admin'], ministryCode: null })).toEqual([]);
  });

  describe('keeping an active administrator', () => {
    const admin = (id: string, change: Partial<AdminStanding> = {}): AdminStanding => ({ id, roles: ['admin'], active: true, ...change });

    it.each([
      ['deactivate themselves', { active: false }, /^You cannot deactivate your own account: ask another administrator/],
      ['drop their own admin role', { roles: ['desk'] as AdminStanding['roles'] }, /^You cannot remove your own admin role: ask another administrator/],
    ])('refuses an admin who would %s, however many admins there are', (_case, change, message) => {
      expect(lockoutProblems('me', admin('me'), admin('me', change), 5)).toEqual([expect.stringMatching(message)]);
    });

    it('lets an admin change their own name, ministry or other roles', () => {
      expect(lockoutProblems('me', admin('me'), admin('me', { roles: ['admin', 'desk'] }), 0)).toEqual([]);
    });

    it('refuses to take away the last active admin, and allows it when another remains', () => {
      expect(lockoutProblems('me', admin('other'), admin('other', { active: false }), 0)).toEqual([
        expect.stringMatching(/^This change would leave the desk without an active administrator/),
      ]);
      expect(lockoutProblems('me', admin('other'), admin('other', { active: false }), 1)).toEqual([]);
    });

    it('does not concern accounts that were no active admin before', () => {
      expect(lockoutProblems('me', admin('other', { active: false }), admin('other', { active: false, roles: ['desk'] }), 0)).toEqual([]);
      expect(lockoutProblems('me', admin('x', { roles: ['desk'] }), admin('x', { roles: ['desk'], active: false }), 0)).toEqual([]);
    });
  });
});
