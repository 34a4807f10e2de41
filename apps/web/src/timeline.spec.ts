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

  it('says in Dutch what the desk itself did: registering a set, and sending or not sending a reminder, and to whom', () => {
    const sent = describeEvent({
      at: '2026-12-01T10:00:00Z',
      actor: 'system',
      type: 'reminder-sent',
      details: { kind: 'postponement-due', recipient: { id: 'u1', name: 'Dirk de Desk' }, channels: ['app', 'email'] },
    });
    expect(sent).toEqual({ sentence: 'De Vragendesk stuurde een herinnering', changes: [], notes: ['Aan: Dirk de Desk'] });
    const cancelled = describeEvent({
      at: '2026-12-01T10:00:00Z',
      actor: 'system',
      type: 'reminder-cancelled',
      details: { recipient: { id: 'u1', name: 'Dirk de Desk' }, reason: 'set-closed' },
    });
    expect(cancelled.sentence).toBe('De Vragendesk stuurde een herinnering toch niet');
    expect(cancelled.notes).toEqual(['Aan: Dirk de Desk', 'Reden: de vragenset is afgehandeld']);
    expect(describeEvent({ at: '2026-12-01T10:00:00Z', actor: 'system', type: 'registered', details: {} }).sentence).toBe(
      'De Vragendesk registreerde de vragenset',
    );
    // A person's own reason stays as they wrote it.
    expect(describeEvent({ at: '2026-12-01T10:00:00Z', actor: 'Bregje Buitenland', type: 'reject', details: { reason: 'set-closed' } }).notes).toEqual([
      'Reden: set-closed',
    ]);
  });

  it('keeps an unknown event type readable', () => {
    expect(describeEvent({ at: '2026-12-01T10:00:00Z', actor: 'X', type: 'something-new', details: {} }).sentence).toBe('X deed: something-new');
  });
});
