import { describeEvent } from './timeline';

describe('the audit trail in Dutch', () => {
  it('says who did what, what changed and why', () => {
    const entry = describeEvent({
      at: '2026-12-01T10:00:00Z',
      actor: 'Bregje Buitenland',
      type: 'reject',
      details: { reason: 'Dit hoort bij JenV.', before: { status: 'assigned', deadline: '2021-01-12' }, after: { status: 'received', deadline: '2021-01-12' } },
    });
    expect(entry.sentence).toBe('Bregje Buitenland weigerde de toewijzing');
    expect(entry.changes).toEqual(['status: Toegewezen → Ontvangen']);
    expect(entry.notes).toEqual(['Reden: Dit hoort bij JenV.']);
  });

  it('writes dates in changes as Dutch dates', () => {
    const entry = describeEvent({
      at: '2026-12-01T10:00:00Z',
      actor: 'Dirk de Desk',
      type: 'postpone',
      details: { newDeadline: '2021-02-02', before: { deadline: '2021-01-12' }, after: { deadline: '2021-02-02' } },
    });
    expect(entry.changes).toEqual(['termijn: 12 januari 2021 → 2 februari 2021']);
    expect(entry.notes).toContain('Nieuwe termijn: 2 februari 2021');
  });

  it('keeps an unknown event type readable', () => {
    expect(describeEvent({ at: '2026-12-01T10:00:00Z', actor: 'X', type: 'something-new', details: {} }).sentence).toBe('X deed: something-new');
  });
});
