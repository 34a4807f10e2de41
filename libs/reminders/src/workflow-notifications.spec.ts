import type { WorkflowStepTaken } from '@question-desk/question-sets';
import { foldedMessage, FOLDED_LIST_LIMIT } from './folded-message';
import { eventsOf, WORKFLOW_NOTIFICATION_KINDS, workflowLine } from './workflow-notifications';

function aStep(action: WorkflowStepTaken['action'], after: Partial<WorkflowStepTaken['after']> = {}): WorkflowStepTaken {
  return {
    action,
    questionSetId: 'set',
    actor: { id: 'actor', name: 'Anne Actor' },
    at: new Date('2026-12-01T10:00:00Z'),
    before: { status: 'in_review', leadMinistryCode: 'BZ', assigneeId: 'drafter' },
    after: { status: 'in_review', leadMinistryCode: 'BZ', assigneeId: 'drafter', ...after },
    unsignedCoSigners: [],
    details: {},
  };
}

describe('which workflow steps make which event', () => {
  it.each([
    ['assign', {}, ['assigned']],
    ['accept', {}, []],
    ['reject', {}, ['assignment-rejected']],
    ['transfer', {}, ['transferred']],
    ['save-draft', {}, []],
    ['submit-for-review', {}, ['review-requested']],
    ['request-changes', {}, ['changes-requested']],
    ['approve', { status: 'co_signing' }, ['co-signing-requested']],
    ['approve', { status: 'approved' }, ['approved']],
    ['co-sign', { status: 'co_signing' }, []],
    ['co-sign', { status: 'approved' }, ['approved']],
    ['mark-answered', { status: 'answered' }, ['answered']],
    ['withdraw', { status: 'withdrawn' }, ['withdrawn']],
    ['postpone', {}, []],
  ] as const)('%s (after: %j) → %j', (action, after, kinds) => {
    expect(eventsOf(aStep(action, after as Partial<WorkflowStepTaken['after']>)).map((rule) => rule.kind)).toEqual(kinds);
  });

  it('has a Dutch line for every kind', () => {
    for (const kind of WORKFLOW_NOTIFICATION_KINDS) {
      expect(workflowLine(kind, { set: '2019Z15244', actor: 'Anne Actor', ministries: ['JenV'] })).toMatch(/2019Z15244/);
    }
  });
});

describe('a folded email', () => {
  const base = { recipientName: 'Bea Behandelaar', publicUrl: 'https://vragen.example.org/' };

  it('one workflow event reads as that event', () => {
    const message = foldedMessage({
      ...base,
      kind: 'workflow',
      total: 1,
      lines: [{ text: 'Anne heeft de Kamervragen 2019Z15244 aan u toegewezen', questionSetId: 'abc' }],
    });
    expect(message.subject).toBe('Anne heeft de Kamervragen 2019Z15244 aan u toegewezen');
    expect(message.text).toContain('https://vragen.example.org/vragensets/abc');
  });

  it('many reminders: counted in the subject, the first ones listed, the rest counted, the app named', () => {
    const lines = Array.from({ length: FOLDED_LIST_LIMIT }, (_, i) => ({ text: `Uitstelbericht nodig: 2025Z${10000 + i}`, questionSetId: `set-${i}` }));
    const message = foldedMessage({ ...base, kind: 'reminders', total: 2000, lines });
    expect(message.subject).toBe('2000 herinneringen over Kamervragen');
    expect(message.text.match(/^- Uitstelbericht/gm)).toHaveLength(FOLDED_LIST_LIMIT);
    expect(message.text).toContain(`- … en nog ${2000 - FOLDED_LIST_LIMIT}`);
    expect(message.text).toContain('https://vragen.example.org/meldingen');
    expect(message.html).toContain('<ul>');
  });
});
