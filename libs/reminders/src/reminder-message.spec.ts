import { inDutch, reminderMessage, type SetSummary } from './reminder-message';

const set: SetSummary = {
  id: '6f1c2d7e-0000-4000-8000-000000000001',
  reference: '2019Z15244',
  appendixNumber: null,
  subject: 'Het bericht dat <Nederland> & België samenwerken',
  statutoryDeadline: '2019-08-08',
  deadline: '2019-08-08',
  draftDeadline: null,
};

describe('reminder messages', () => {
  it('writes dates the Dutch way', () => {
    expect(inDutch('2019-08-08')).toBe('donderdag 8 augustus 2019');
  });

  it('names reference, subject, deadline, days overdue and the link, in text and HTML', () => {
    const message = reminderMessage({
      kind: 'postponement-due',
      recipientName: 'Dirk de Desk',
      refersTo: '2019-08-08',
      today: '2026-11-23',
      publicUrl: 'https://vragen.example.org/',
      set,
    });
    expect(message.subject).toBe('Uitstelbericht nodig: 2019Z15244 is over de termijn');
    expect(message.text).toContain('Beste Dirk de Desk,');
    expect(message.text).toContain('Kenmerk: 2019Z15244');
    expect(message.text).toContain('Onderwerp: Het bericht dat <Nederland> & België samenwerken');
    expect(message.text).toContain('Termijn: donderdag 8 augustus 2019');
    expect(message.text).toContain('Dagen over de termijn: 2664');
    expect(message.text).toContain(`https://vragen.example.org/vragensets/${set.id}`);
    expect(message.html).toContain('Het bericht dat &lt;Nederland&gt; &amp; België samenwerken');
    expect(message.html).toContain(`<a href="https://vragen.example.org/vragensets/${set.id}">`);
    expect(message.html).not.toContain('<Nederland>');
  });

  it('names a set without a reference by its appendix number', () => {
    const message = reminderMessage({
      kind: 'deadline-due-soon',
      recipientName: 'Bregje',
      refersTo: '2021-02-05',
      today: '2021-02-02',
      publicUrl: 'http://localhost:3000',
      set: { ...set, reference: null, appendixNumber: '2290', deadline: '2021-02-05' },
    });
    expect(message.subject).toBe('Termijn Aanhangsel 2290 verloopt vrijdag 5 februari 2021');
    expect(message.text).toContain('Aanhangsel: 2290');
    expect(message.text).toContain('Dagen over de termijn: 0');
  });

  it('lists the first 100 of a long digest and counts them all', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...set, id: `s${i}`, reference: `2019Z${String(10000 + i)}`, deadline: '2019-01-10' }));
    const digest = reminderMessage({
      kind: 'overdue-digest',
      recipientName: 'C',
      refersTo: '2020-03-02',
      today: '2020-03-03',
      publicUrl: 'http://x',
      overdue: many.slice(0, 100),
      overdueTotal: 150,
    });
    expect(digest.subject).toBe('Overzicht: 150 vragensets over de termijn');
    expect(digest.text.split('\n').filter((l) => l.startsWith('- 2019Z'))).toHaveLength(100);
    expect(digest.text).toContain('- … en nog 50: http://x/vragen?overdue=true&sort=deadline');
  });

  it('lists a digest oldest first with days overdue, singular and plural', () => {
    const older = { ...set, id: 'a', reference: '2019Z00001', deadline: '2019-01-10' };
    const newer = { ...set, id: 'b', reference: '2020Z00002', deadline: '2020-03-01' };
    const digest = reminderMessage({
      kind: 'overdue-digest',
      recipientName: 'Carla',
      refersTo: '2020-03-02',
      today: '2020-03-03',
      publicUrl: 'http://localhost:3000',
      overdue: [older, newer],
    });
    expect(digest.subject).toBe('Overzicht: 2 vragensets over de termijn');
    expect(digest.text.indexOf('2019Z00001')).toBeLessThan(digest.text.indexOf('2020Z00002'));
    expect(digest.text).toContain('termijn zondag 1 maart 2020, 2 dagen over de termijn');
    expect(
      reminderMessage({ kind: 'overdue-digest', recipientName: 'C', refersTo: '2020-03-02', today: '2020-03-03', publicUrl: 'x', overdue: [newer] }).subject,
    ).toBe('Overzicht: 1 vragenset over de termijn');
  });

  it('says in one line how to register the uitstelbericht, with the link to the set, before and after the deadline', () => {
    const link = `https://vragen.example.org/vragensets/${set.id}`;
    for (const kind of ['postponement-due-soon', 'postponement-due'] as const) {
      const message = reminderMessage({
        kind,
        recipientName: 'Dirk',
        refersTo: '2019-08-08',
        today: '2019-08-05',
        publicUrl: 'https://vragen.example.org',
        set,
      });
      const lines = message.text.split('\n').filter((line) => line.includes('Registreer'));
      expect(lines).toEqual([`Is het uitstelbericht verstuurd? Registreer het op de pagina van de vragenset (knop "Uitstel registreren"): ${link}`]);
      expect(message.html).toContain(`Registreer het op <a href="${link}">de pagina van de vragenset</a>`);
    }
    const soon = reminderMessage({ kind: 'postponement-due-soon', recipientName: 'Dirk', refersTo: '2019-08-08', today: '2019-08-05', publicUrl: 'x', set });
    expect(soon.subject).toBe('Uitstelbericht nodig? 2019Z15244 moet uiterlijk donderdag 8 augustus 2019 beantwoord zijn');
    expect(soon.text).toContain('het antwoord is nog niet ter beoordeling');
    const other = reminderMessage({ kind: 'deadline-due-soon', recipientName: 'Dirk', refersTo: '2019-08-08', today: '2019-08-05', publicUrl: 'x', set });
    expect(other.text).not.toContain('Registreer');
  });

  it('reads naturally for one overdue set and for many', () => {
    const one = { ...set, id: 'a', deadline: '2020-03-02' };
    const single = reminderMessage({ kind: 'overdue-digest', recipientName: 'C', refersTo: '2020-03-02', today: '2020-03-03', publicUrl: 'x', overdue: [one] });
    expect(single.subject).toBe('Overzicht: 1 vragenset over de termijn');
    expect(single.text).toContain('Deze vragenset is nog niet beantwoord en over de termijn (week van maandag 2 maart 2020):');
    expect(single.text).not.toContain('oudste');
    expect(single.text).toContain('1 dag over de termijn');
    const two = reminderMessage({
      kind: 'overdue-digest',
      recipientName: 'C',
      refersTo: '2020-03-02',
      today: '2020-03-03',
      publicUrl: 'x',
      overdue: [one, { ...one, id: 'b' }],
    });
    expect(two.text).toContain('Deze 2 vragensets zijn nog niet beantwoord en over de termijn (week van maandag 2 maart 2020), de oudste eerst:');
  });

  it('is signed with the desk\'s name (MAIL_FROM_NAME), "Vragendesk" by default', () => {
    const input = { kind: 'deadline-due-soon' as const, recipientName: 'D', refersTo: '2019-08-08', today: '2019-08-05', publicUrl: 'x', set };
    expect(reminderMessage(input).text).toMatch(/Met vriendelijke groet,\nVragendesk\n/);
    const named = reminderMessage({ ...input, deskName: 'Vragendesk BZ & JenV' });
    expect(named.text).toMatch(/Met vriendelijke groet,\nVragendesk BZ & JenV\n/);
    expect(named.html).toContain('Met vriendelijke groet,<br>Vragendesk BZ &amp; JenV');
  });
});
