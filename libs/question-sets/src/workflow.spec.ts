import {
  ACTIONS,
  PERSON_ACTIONS,
  actionsFrom,
  allowedActions,
  allowsFrom,
  check,
  coverage,
  nextStatus,
  roleRefusal,
  rolesFor,
  TRANSITION_ACTIONS,
  WORKFLOW,
  type Participant,
  type WorkflowFacts,
} from './workflow';
import { CLOSED_STATUSES, OPEN_STATUSES, STATUSES } from './statuses';

const desk: Participant = { id: 'desk', roles: ['desk'], ministryCode: null };
const drafterBZ: Participant = { id: 'drafter-bz', roles: ['drafter'], ministryCode: 'BZ' };
const drafterJenV: Participant = { id: 'drafter-jenv', roles: ['drafter'], ministryCode: 'JenV' };
const coordinator: Participant = { id: 'coordinator', roles: ['coordinator'], ministryCode: null };
const coordinatorJenV: Participant = { id: 'coordinator-jenv', roles: ['coordinator'], ministryCode: 'JenV' };

const set = (facts: Partial<WorkflowFacts>): WorkflowFacts => ({
  status: 'received',
  leadMinistryCode: 'BZ',
  assigneeId: 'drafter-bz',
  unsignedCoSigners: [],
  ...facts,
});

describe('the workflow table', () => {
  it('names every action once', () => {
    const actions = WORKFLOW.map((t) => t.action);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('leaves no open status without a way out, and lets nothing leave answered or withdrawn', () => {
    for (const status of STATUSES) {
      const ways = actionsFrom(status);
      if (status === 'answered' || status === 'withdrawn') expect({ status, ways }).toEqual({ status, ways: [] });
      else expect(ways).toContain('withdraw');
    }
  });

  it('walks a set from arrival to answer', () => {
    expect(allowedActions(desk, set({ status: 'received' }))).toEqual(['assign', 'transfer', 'withdraw', 'postpone']);
    expect(allowedActions(drafterBZ, set({ status: 'assigned' }))).toEqual(['accept', 'reject']);
    expect(allowedActions(drafterBZ, set({ status: 'drafting' }))).toEqual(['save-draft', 'submit-for-review']);
    expect(allowedActions(coordinator, set({ status: 'in_review' }))).toEqual(['request-changes', 'approve', 'postpone']);
    expect(allowedActions(drafterJenV, set({ status: 'co_signing', unsignedCoSigners: ['JenV'] }))).toEqual(['co-sign']);
    expect(allowedActions(desk, set({ status: 'approved' }))).toEqual(['mark-answered', 'withdraw', 'postpone']);
  });

  it('answers a status that does not allow the action with the actions it does allow', () => {
    expect(check('approve', coordinator, set({ status: 'drafting' }))).toEqual({
      reason: 'status',
      allowed: ['transfer', 'save-draft', 'submit-for-review', 'withdraw', 'postpone'],
    });
  });

  it('refuses a role the action is not for', () => {
    expect(check('approve', drafterBZ, set({ status: 'in_review' }))).toEqual({ reason: 'role', roles: ['coordinator'] });
    expect(check('assign', coordinator, set({}))).toEqual({ reason: 'role', roles: ['desk'] });
  });

  it('lets only the assigned drafter accept or reject', () => {
    expect(check('accept', { ...drafterBZ, id: 'another-bz-drafter' }, set({ status: 'assigned' }))).toEqual({ reason: 'scope', scope: 'assignee' });
  });

  it('lets only drafters of the lead ministry draft, and coordinators of it (or of all) review', () => {
    expect(check('save-draft', drafterJenV, set({ status: 'drafting' }))).toEqual({ reason: 'scope', scope: 'lead-ministry' });
    expect(check('approve', coordinatorJenV, set({ status: 'in_review' }))).toEqual({ reason: 'scope', scope: 'lead-ministry' });
    expect(check('approve', coordinator, set({ status: 'in_review' }))).toBeNull();
  });

  it('lets each co-signing ministry sign once, and no other', () => {
    const signing = set({ status: 'co_signing', unsignedCoSigners: ['JenV', 'EZK'] });
    expect(check('co-sign', drafterJenV, signing)).toBeNull();
    expect(check('co-sign', drafterBZ, signing)).toEqual({ reason: 'scope', scope: 'co-signing-ministry' });
    expect(check('co-sign', drafterJenV, set({ status: 'co_signing', unsignedCoSigners: ['EZK'] }))).toEqual({
      reason: 'scope',
      scope: 'co-signing-ministry',
    });
    expect(check('co-sign', coordinator, signing)).toBeNull();
  });

  it('approves straight away without co-signers, else waits for every signature', () => {
    expect(nextStatus('approve', { status: 'in_review', coSigners: 0, unsignedAfter: 0 })).toBe('approved');
    expect(nextStatus('approve', { status: 'in_review', coSigners: 2, unsignedAfter: 2 })).toBe('co_signing');
    expect(nextStatus('co-sign', { status: 'co_signing', coSigners: 2, unsignedAfter: 1 })).toBe('co_signing');
    expect(nextStatus('co-sign', { status: 'co_signing', coSigners: 2, unsignedAfter: 0 })).toBe('approved');
    expect(nextStatus('postpone', { status: 'drafting', coSigners: 0, unsignedAfter: 0 })).toBe('drafting');
    expect(nextStatus('reject', { status: 'assigned', coSigners: 0, unsignedAfter: 0 })).toBe('received');
  });
});

describe('coverage of the questions by the answers', () => {
  it('is complete when every question has exactly one answer, combined answers included', () => {
    expect(coverage([1, 2, 3, 4, 5], [{ questionNumbers: [1] }, { questionNumbers: [2] }, { questionNumbers: [3, 4, 5] }])).toEqual({
      uncovered: [],
      doublyCovered: [],
      unknown: [],
    });
  });

  it('names the questions left out, answered twice, or not in the set', () => {
    expect(coverage([1, 2, 3, 4], [{ questionNumbers: [1, 2] }, { questionNumbers: [2] }, { questionNumbers: [7] }])).toEqual({
      uncovered: [3, 4],
      doublyCovered: [2],
      unknown: [7],
    });
  });
});

describe('what is derived from the table', () => {
  it('calls open exactly the statuses a set can still leave', () => {
    expect(STATUSES.filter((status) => WORKFLOW.some((t) => t.from.includes(status)))).toEqual(OPEN_STATUSES);
    expect(STATUSES.filter((status) => !WORKFLOW.some((t) => t.from.includes(status)))).toEqual(CLOSED_STATUSES);
  });

  it('lets published answers land on an open set only, and makes it answered', () => {
    expect(STATUSES.filter((status) => allowsFrom('import-answers', status))).toEqual(OPEN_STATUSES);
    expect(nextStatus('import-answers', { status: 'drafting', coSigners: 1, unsignedAfter: 1 })).toBe('answered');
  });

  it('gives importing answers to nobody by hand', () => {
    expect(allowedActions(desk, set({ status: 'received' }))).not.toContain('import-answers');
    expect(actionsFrom('received')).not.toContain('import-answers');
    expect(PERSON_ACTIONS).toEqual(ACTIONS.filter((action) => !['import-answers', 'intake-postpone', 'intake-withdraw'].includes(action)));
  });

  it('asks of a route the roles of the steps it takes, and refuses others in one way', () => {
    expect(rolesFor(['assign'])).toEqual(['desk']);
    expect(rolesFor(['postpone'])).toEqual(['desk', 'coordinator']);
    expect(rolesFor(TRANSITION_ACTIONS).sort()).toEqual(['coordinator', 'desk', 'drafter']);
    const admin = { id: 'a', email: 'a@example.org', name: 'Ada', roles: ['admin' as const], ministry: null };
    expect(roleRefusal('mark-answered', admin)).toBe('Only desk may mark answered a question set; you are signed in as Ada (admin).');
  });
});
