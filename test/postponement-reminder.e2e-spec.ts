import type { TestingModule } from '@nestjs/testing';
import { AccountsService } from '@question-desk/accounts';
import { startDesk, type TestDesk } from './desk';
import { aPerson, aQuestionSet, ledger, noonOn, ownDesk, postpone, settled, startWorker, sweepNow, TestMailServer } from './reminders-harness';

/**
 * Issue 11, point 2: the uitstelbericht reminder comes before it is too late: three working days
 * before the deadline in force while the answer is not yet in review, and again the day after the
 * deadline passed. Emails arrive at a real SMTP server in the test, from the desk's name.
 */
describe('the uitstelbericht reminder before it is too late', () => {
  let environment: Awaited<ReturnType<typeof ownDesk>>;
  const smtp = new TestMailServer();
  let desk: TestDesk;
  let worker: TestingModule;
  const PUBLIC_URL = 'https://vragen.example.org';
  let people: Record<'deskBZ' | 'coordinatorBZ' | 'drafterBZ' | 'deskJenV', { id: string; email: string }>;
  let late: { id: string; reference: string };
  let inReview: { id: string; reference: string };

  beforeAll(async () => {
    await smtp.start();
    environment = await ownDesk('practice', {
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      MAIL_FROM: 'kamervragen@bz.example',
      MAIL_FROM_NAME: 'Vragendesk BZ',
      REMINDER_SWEEP_EVERY: '1h',
      REMINDER_RETRY_DELAY: '100ms',
      // Only the uitstelbericht reminders, so the ledger shows what this file is about.
      REMINDER_POLICY: '{"draft-due-soon":false,"draft-due-today":false,"deadline-due-soon":false,"deadline-due-today":false,"overdue-digest":false}',
    });
    desk = await startDesk(noonOn('2026-12-16'));
    const accounts = desk.app.get(AccountsService);
    people = {
      deskBZ: await aPerson(accounts, ['desk'], 'BZ', 'Dirk de Desk'),
      coordinatorBZ: await aPerson(accounts, ['coordinator'], 'BZ'),
      drafterBZ: await aPerson(accounts, ['drafter'], 'BZ'),
      deskJenV: await aPerson(accounts, ['desk'], 'JenV'),
    };
    // Deadline Wednesday 23 December 2026: three working days before is Friday the 18th.
    late = await aQuestionSet({ reference: '2026Z20001', status: 'drafting', assigneeId: people.drafterBZ.id, statutoryDeadline: '2026-12-23' });
    inReview = await aQuestionSet({ reference: '2026Z20002', status: 'in_review', assigneeId: people.drafterBZ.id, statutoryDeadline: '2026-12-23' });
    worker = await startWorker(desk.clock);
  });
  afterAll(async () => {
    await worker?.close();
    await desk?.close();
    await smtp.stop();
    await environment?.restore();
  });

  const name = new Map<string, string>();
  /** What the sweep on `day` recorded about the two sets: "kind → who (set, date)". */
  async function sentOn(day: string): Promise<string[]> {
    if (name.size === 0) for (const [who, person] of Object.entries(people)) name.set(person.email, who);
    desk.clock.set(noonOn(day));
    await sweepNow();
    await settled();
    const rows = await ledger(`r.question_set_id = ANY($1::uuid[]) AND r.created_at = $2`, [[late.id, inReview.id], desk.clock.now()]);
    for (const row of rows) expect({ line: row.line, status: row.status }).toEqual({ line: row.line, status: 'sent' });
    return rows.map((row) => row.line.replace(/→ (\S+)/, (_m, email: string) => `→ ${name.get(email) ?? email}`)).sort();
  }

  it.each([
    ['2026-12-16', 'Wednesday: four working days before', []],
    [
      '2026-12-18',
      'Friday: three working days before, to the desk officers and coordinators of BZ, for the set still being drafted only',
      ['postponement-due-soon → coordinatorBZ (2026Z20001, 2026-12-23)', 'postponement-due-soon → deskBZ (2026Z20001, 2026-12-23)'],
    ],
    ['2026-12-21', 'Monday: already told', []],
    ['2026-12-23', 'the deadline day', []],
    [
      '2026-12-24',
      'the day after the deadline passed without a postponement: "uitstelbericht nodig", as before, for both sets',
      [
        'postponement-due → coordinatorBZ (2026Z20001, 2026-12-23)',
        'postponement-due → coordinatorBZ (2026Z20002, 2026-12-23)',
        'postponement-due → deskBZ (2026Z20001, 2026-12-23)',
        'postponement-due → deskBZ (2026Z20002, 2026-12-23)',
      ],
    ],
  ])('%s (%s)', async (day, _why, expected) => {
    expect(await sentOn(day)).toEqual(expected);
  });

  it('comes from the desk by its name, and says in one line how to register the uitstelbericht, with a link to the set', async () => {
    const [mail] = smtp.to(people.deskBZ.email).filter((m) => m.subject.startsWith('Uitstelbericht nodig?'));
    expect(mail.from).toBe('Vragendesk BZ <kamervragen@bz.example>');
    expect(mail.subject).toBe('Uitstelbericht nodig? 2026Z20001 moet uiterlijk woensdag 23 december 2026 beantwoord zijn');
    const link = `${PUBLIC_URL}/vragensets/${late.id}`;
    expect(mail.text.split('\n').filter((line) => line.includes('Registreer'))).toEqual([
      `Is het uitstelbericht verstuurd? Registreer het op de pagina van de vragenset (knop "Uitstel registreren"): ${link}`,
    ]);
    expect(mail.text).toContain('Beste Dirk de Desk,');
    expect(mail.text).toMatch(/Met vriendelijke groet,\nVragendesk BZ\n/);
    expect(mail.html).toContain(`<a href="${link}">de pagina van de vragenset</a>`);

    const token = await desk.tokenOf(people.deskBZ.email);
    const inApp = await desk.http().get('/api/notifications').auth(token, { type: 'bearer' }).expect(200);
    expect(inApp.body.map((n: { kind: string; questionSetId: string }) => `${n.kind} ${n.questionSetId === late.id ? 'late' : 'in review'}`).sort()).toEqual([
      'postponement-due in review',
      'postponement-due late',
      'postponement-due-soon late',
    ]);
  });

  it('counts from the deadline in force: after a postponement it comes again three working days before the new deadline', async () => {
    await postpone(late.id, '2026-12-24', '2027-01-13');
    expect(await sentOn('2027-01-07')).toEqual([]);
    expect(await sentOn('2027-01-08')).toEqual([
      'postponement-due-soon → coordinatorBZ (2026Z20001, 2027-01-13)',
      'postponement-due-soon → deskBZ (2026Z20001, 2027-01-13)',
    ]);
  });
});
