import type { TestingModule } from '@nestjs/testing';
import { AccountsService } from '@question-desk/accounts';
import { daysBetween } from '@question-desk/deadlines';
import { ReminderSweep } from '@question-desk/reminders';
import { startDesk, type TestDesk } from './desk';
import {
  aPerson,
  aQuestionSet,
  ledger,
  loadDemoData,
  noonOn,
  ownDesk,
  postpone,
  settled,
  sql,
  startWorker,
  sweepNow,
  TestMailServer,
} from './reminders-harness';

/**
 * The reminders as people notice them: emails that arrive at a real SMTP server in the test, and
 * notifications in the app, on the right days, to the right people, once. Time moves with the
 * desk's FixedClock; the worker runs in this process on the same clock.
 */
describe('reminders', () => {
  let environment: Awaited<ReturnType<typeof ownDesk>>;
  const smtp = new TestMailServer();
  let desk: TestDesk;
  let worker: TestingModule;
  const PUBLIC_URL = 'https://vragen.example.org';

  beforeAll(async () => {
    await smtp.start();
    // The early uitstelbericht reminder has its own scenarios (test/postponement-reminder.e2e-spec.ts).
    environment = await ownDesk('main', {
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      REMINDER_SWEEP_EVERY: '1h',
      REMINDER_RETRY_DELAY: '100ms',
      REMINDER_POLICY: '{"postponement-due-soon":false}',
    });
    await loadDemoData();
    desk = await startDesk(noonOn('2026-11-24'));
  });
  afterAll(async () => {
    await worker?.close();
    await desk?.close();
    await smtp.stop();
    await environment?.restore();
  });

  async function idOf(reference: string): Promise<string> {
    const [{ id }] = await sql<{ id: string }>('SELECT id FROM question_set WHERE reference = $1', [reference]);
    return id;
  }

  it('npm start with the demo data: the first sweep tells desk@ and coordinator@ that 2019Z15244 needs an uitstelbericht', async () => {
    worker = await startWorker(desk.clock); // its scheduler runs the first sweep at once
    await smtp.until(() => smtp.to('desk@example.org').length >= 1 && smtp.to('coordinator@example.org').length >= 2);
    await settled();

    expect(smtp.to('desk@example.org').map((m) => m.subject)).toEqual(['Uitstelbericht nodig: 2019Z15244 is over de termijn']);
    expect(
      smtp
        .to('coordinator@example.org')
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      'Overzicht: 1 vragenset over de termijn', // Tuesday: this week's Monday digest, caught up
      'Uitstelbericht nodig: 2019Z15244 is over de termijn',
    ]);
    const setId = await idOf('2019Z15244');
    const [mail] = smtp.to('desk@example.org');
    expect(mail.messageId).toBe(`<reminder-${mail.reminderId}@vragen.example.org>`);
    expect(mail.text).toContain('Beste Dirk de Desk,');
    expect(mail.text).toContain('Kenmerk: 2019Z15244');
    expect(mail.text).toContain('Onderwerp: het bericht «Berucht Chinees veiligheidsministerie gebruikt Nederlandse software die emoties leest»');
    expect(mail.text).toContain('Termijn: donderdag 8 augustus 2019');
    expect(mail.text).toContain(`Dagen over de termijn: ${daysBetween('2019-08-08', '2026-11-24')}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/vragensets/${setId}`);
    expect(mail.html).toContain(`<a href="${PUBLIC_URL}/vragensets/${setId}">`);

    const token = await desk.tokenOf('desk@example.org');
    const inApp = await desk.http().get('/api/notifications').auth(token, { type: 'bearer' }).expect(200);
    expect(inApp.body).toEqual([
      {
        id: mail.reminderId,
        questionSetId: setId,
        kind: 'postponement-due',
        message: 'Uitstelbericht nodig: 2019Z15244 is over de termijn',
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
    // Nobody else covers BZ in the demo: the drafter and the admin get nothing.
    expect(smtp.delivered.flatMap((m) => m.to).sort()).toEqual(['coordinator@example.org', 'coordinator@example.org', 'desk@example.org']);
  });

  it('sends nothing twice: another sweep the same day, and the next day, add nothing', async () => {
    const before = smtp.delivered.length;
    await sweepNow();
    desk.clock.set(noonOn('2026-11-25'));
    await sweepNow();
    await settled();
    expect(smtp.delivered).toHaveLength(before);
  });

  describe('a table of scenarios through the sweep, April 2025 (Goede Vrijdag, Tweede paasdag)', () => {
    const who = new Map<string, string>();
    let sets: Record<'A' | 'B' | 'C', { id: string; reference: string }>;
    let mine: string[];

    beforeAll(async () => {
      const accounts = desk.app.get(AccountsService);
      const people = {
        drafter: await aPerson(accounts, ['drafter'], 'BZ'),
        deskBZ: await aPerson(accounts, ['desk'], 'BZ'),
        coordinatorBZ: await aPerson(accounts, ['coordinator'], 'BZ'),
        deskJenV: await aPerson(accounts, ['desk'], 'JenV'),
        coordinatorJenV: await aPerson(accounts, ['coordinator'], 'JenV'),
        formerDesk: await aPerson(accounts, ['desk'], 'BZ'),
        admin: await aPerson(accounts, ['admin'], null),
      };
      await sql('UPDATE app_user SET active = false WHERE id = $1', [people.formerDesk.id]);
      for (const [name, person] of Object.entries(people)) who.set(person.email, name);
      who.set('desk@example.org', 'desk@');
      who.set('coordinator@example.org', 'coordinator@');
      sets = {
        // Being drafted: internal draft deadline Monday 14 April, deadline Wednesday 23 April.
        A: await aQuestionSet({
          reference: '2025Z07001',
          status: 'drafting',
          assigneeId: people.drafter.id,
          draftDeadline: '2025-04-14',
          statutoryDeadline: '2025-04-23',
        }),
        // JenV's, not yet assigned: statutory deadline Tuesday 22 April.
        B: await aQuestionSet({ reference: '2025Z07002', lead: 'JenV', statutoryDeadline: '2025-04-22' }),
        // Already answered: nothing, ever.
        C: await aQuestionSet({
          reference: '2025Z07003',
          status: 'answered',
          answeredOn: '2025-04-10',
          assigneeId: people.drafter.id,
          statutoryDeadline: '2025-04-22',
        }),
      };
      mine = [...Object.values(people).map((p) => p.id), ...Object.values(sets).map((s) => s.id)];
    });

    /** What went out today about these sets, or as a digest to these people: "kind → who (set, date)". */
    async function sentOn(day: string): Promise<string[]> {
      desk.clock.set(noonOn(day));
      await sweepNow();
      await settled();
      const rows = await ledger(
        `r.created_at = $1 AND (r.question_set_id = ANY($2::uuid[]) OR (r.question_set_id IS NULL AND r.recipient_id = ANY($2::uuid[])))`,
        [desk.clock.now(), mine],
      );
      for (const row of rows) {
        expect({ row: row.line, status: row.status }).toEqual({ row: row.line, status: 'sent' });
        expect({ row: row.line, arrivals: smtp.arrivalsPerReminder().get(row.id) }).toEqual({ row: row.line, arrivals: 1 });
      }
      return rows.map((row) => row.line.replace(/→ (\S+)/, (_m, email: string) => `→ ${who.get(email) ?? email}`)).sort();
    }

    it.each([
      [
        '2025-04-08',
        "Tuesday, four working days before the draft deadline; Monday's digest, which nobody sent, is caught up",
        ['overdue-digest → coordinatorBZ (digest, 2025-04-07)'],
      ],
      ['2025-04-09', 'Wednesday, three working days before the draft deadline', ['draft-due-soon → drafter (2025Z07001, 2025-04-14)']],
      ['2025-04-10', 'Thursday: already told', []],
      [
        '2025-04-14',
        "Monday: the draft is due; the BZ coordinator hears of BZ's overdue 2019 set",
        ['draft-due-today → drafter (2025Z07001, 2025-04-14)', 'overdue-digest → coordinatorBZ (digest, 2025-04-14)'],
      ],
      ['2025-04-16', 'Wednesday: four working days before the deadline (Tweede paasdag does not count)', []],
      [
        '2025-04-17',
        'Thursday: three working days before, counting Goede Vrijdag and skipping Tweede paasdag',
        ['deadline-due-soon → drafter (2025Z07001, 2025-04-23)'],
      ],
      ['2025-04-21', 'Tweede paasdag: no digest on a holiday', []],
      ['2025-04-22', 'Tuesday: the Monday digest goes out the day after the holiday', ['overdue-digest → coordinatorBZ (digest, 2025-04-21)']],
      [
        '2025-04-23',
        "the deadline day; JenV's set needs an uitstelbericht: its desk officers and coordinators, and those covering every ministry (JenV's coordinator waits for Monday's digest)",
        [
          'deadline-due-today → drafter (2025Z07001, 2025-04-23)',
          'postponement-due → coordinator@ (2025Z07002, 2025-04-22)',
          'postponement-due → coordinatorJenV (2025Z07002, 2025-04-22)',
          'postponement-due → desk@ (2025Z07002, 2025-04-22)',
          'postponement-due → deskJenV (2025Z07002, 2025-04-22)',
        ],
      ],
      [
        '2025-04-24',
        "the day after the deadline: BZ's desk officers and coordinators, not the deactivated one, the drafter or JenV's",
        [
          'postponement-due → coordinator@ (2025Z07001, 2025-04-23)',
          'postponement-due → coordinatorBZ (2025Z07001, 2025-04-23)',
          'postponement-due → desk@ (2025Z07001, 2025-04-23)',
          'postponement-due → deskBZ (2025Z07001, 2025-04-23)',
        ],
      ],
      ['2025-04-25', 'Friday: nothing new', []],
      [
        '2025-04-28',
        'Monday: one digest per coordinator with overdue sets',
        ['overdue-digest → coordinatorBZ (digest, 2025-04-28)', 'overdue-digest → coordinatorJenV (digest, 2025-04-28)'],
      ],
    ])('%s (%s)', async (day, _why, expected) => {
      expect(await sentOn(day)).toEqual(expected);
    });

    it('tells someone who joins the desk later about new sets, not about every old one', async () => {
      const newcomer = await aPerson(desk.app.get(AccountsService), ['desk'], 'BZ');
      mine.push(newcomer.id);
      who.set(newcomer.email, 'newcomer');
      expect(await sentOn('2025-04-29')).toEqual([]);
      const later = await aQuestionSet({ reference: '2025Z07004', statutoryDeadline: '2025-04-29' });
      mine.push(later.id);
      expect(await sentOn('2025-04-30')).toEqual([
        'postponement-due → coordinator@ (2025Z07004, 2025-04-29)',
        'postponement-due → coordinatorBZ (2025Z07004, 2025-04-29)',
        'postponement-due → desk@ (2025Z07004, 2025-04-29)',
        'postponement-due → deskBZ (2025Z07004, 2025-04-29)',
        'postponement-due → newcomer (2025Z07004, 2025-04-29)',
      ]);
    });

    it("lists a coordinator's overdue sets in the digest, oldest first, with days overdue", async () => {
      const [coordinator] = [...who].find(([, name]) => name === 'coordinatorBZ')!;
      const digest = smtp
        .to(coordinator)
        .filter((m) => m.subject.startsWith('Overzicht'))
        .at(-1)!;
      expect(digest.subject).toBe('Overzicht: 2 vragensets over de termijn');
      const lines = digest.text.split('\n').filter((line) => line.startsWith('- '));
      expect(lines).toEqual([
        expect.stringMatching(
          new RegExp(`^- 2019Z15244 — .* — termijn donderdag 8 augustus 2019, ${daysBetween('2019-08-08', '2025-04-28')} dagen over de termijn$`),
        ),
        expect.stringMatching(/^- 2025Z07001 — Vragen over onderwerp \d+ — termijn woensdag 23 april 2025, 5 dagen over de termijn$/),
      ]);
    });
  });

  describe('when the state changes before a reminder goes out', () => {
    it('a postponement cancels the reminders of the old deadline; the new deadline gets its own', async () => {
      const accounts = desk.app.get(AccountsService);
      const drafter = await aPerson(accounts, ['drafter'], 'BZ');
      desk.clock.set(noonOn('2025-05-09'));
      const drafting = await aQuestionSet({ reference: '2025Z08001', status: 'drafting', assigneeId: drafter.id, statutoryDeadline: '2025-05-14' });
      const late = await aQuestionSet({ reference: '2025Z08002', statutoryDeadline: '2025-05-08' });
      const answered = await aQuestionSet({ reference: '2025Z08003', statutoryDeadline: '2025-05-08' });

      // The sweep records them; before any worker delivers them, the workflow moves on.
      const recorded = await worker.get(ReminderSweep).sweep();
      // Everyone who covers BZ is told: the desk officers and coordinators of BZ and of every
      // ministry. Other test files may have added some, so count them rather than assume.
      const [{ people }] = await sql<{ people: number }>(
        `SELECT count(*)::int AS people FROM app_user
          WHERE active AND (ministry_code IS NULL OR ministry_code = 'BZ') AND roles && ARRAY['desk', 'coordinator']::text[]`,
      );
      expect(people).toBeGreaterThanOrEqual(5); // desk@, coordinator@, and this file's BZ desk officer, coordinator and newcomer
      expect(recorded.created).toMatchObject({ 'deadline-due-soon': 1, 'postponement-due': 2 * people });
      await postpone(drafting.id, '2025-05-09', '2025-06-04');
      await postpone(late.id, '2025-05-09', '2025-05-29');
      await sql(`UPDATE question_set SET status = 'answered', answered_on = '2025-05-09' WHERE id = $1`, [answered.id]);
      await sweepNow(); // hands the pending reminders to delivery jobs
      await settled();

      const ours = `r.question_set_id = ANY($1::uuid[])`;
      const rows = await ledger(ours, [[drafting.id, late.id, answered.id]]);
      expect(rows.map((r) => `${r.line.replace(/ → \S+/, '')}: ${r.status} (${r.detail})`).sort()).toEqual([
        'deadline-due-soon (2025Z08001, 2025-05-14): cancelled (date-moved)',
        ...Array(people).fill('postponement-due (2025Z08002, 2025-05-08): cancelled (condition-gone)'),
        ...Array(people).fill('postponement-due (2025Z08003, 2025-05-08): cancelled (set-closed)'),
      ]);
      expect(rows.filter((r) => smtp.arrivalsPerReminder().has(r.id))).toEqual([]);
      const notified = await sql(`SELECT 1 FROM notification WHERE question_set_id = ANY($1::uuid[])`, [[drafting.id, late.id, answered.id]]);
      expect(notified).toEqual([]);

      // The trail of the set says what happened.
      const token = await desk.tokenOf('desk@example.org');
      const events = await desk.http().get(`/api/question-sets/${late.id}/events`).auth(token, { type: 'bearer' }).expect(200);
      expect(events.body.filter((e: { type: string }) => e.type === 'reminder-cancelled')).toHaveLength(people);

      // Three working days before the new deadline (Wednesday 4 June): Friday 30 May.
      desk.clock.set(noonOn('2025-05-30'));
      await sweepNow();
      await settled();
      expect((await ledger(`${ours} AND r.status = 'sent'`, [[drafting.id]])).map((r) => r.line)).toEqual([
        `deadline-due-soon → ${drafter.email} (2025Z08001, 2025-06-04)`,
      ]);
      expect(smtp.to(drafter.email).map((m) => m.subject)).toEqual(['Termijn 2025Z08001 verloopt woensdag 4 juni 2025']);
    });
  });

  describe('in the app', () => {
    it("lists your reminders newest first, marks them read, and keeps others' to themselves", async () => {
      const [{ email }] = await sql<{ email: string }>(
        `SELECT u.email FROM app_user u JOIN notification n ON n.recipient_id = u.id WHERE 'drafter' = ANY (u.roles) GROUP BY u.email ORDER BY count(*) DESC LIMIT 1`,
      );
      const token = await desk.tokenOf(email);
      const list = await desk.http().get('/api/notifications').auth(token, { type: 'bearer' }).expect(200);
      expect(list.body.map((n: { kind: string }) => n.kind)).toEqual(['deadline-due-today', 'deadline-due-soon', 'draft-due-today', 'draft-due-soon']);
      const createdAt = list.body.map((n: { createdAt: string }) => n.createdAt);
      expect([...createdAt].sort().reverse()).toEqual(createdAt);
      expect(list.body[0]).toEqual({
        id: expect.any(String),
        questionSetId: expect.any(String),
        kind: 'deadline-due-today',
        message: 'Vandaag verloopt de termijn van 2025Z07001',
        createdAt: expect.any(String),
        readAt: null,
      });

      const read = await desk.http().post(`/api/notifications/${list.body[0].id}/read`).auth(token, { type: 'bearer' }).expect(200);
      expect(read.body.readAt).toEqual(desk.clock.now().toISOString());
      desk.clock.set(new Date(desk.clock.now().getTime() + 3600_000));
      const again = await desk.http().post(`/api/notifications/${list.body[0].id}/read`).auth(token, { type: 'bearer' }).expect(200);
      expect(again.body.readAt).toEqual(read.body.readAt);

      const unread = await desk.http().get('/api/notifications?unread=true').auth(token, { type: 'bearer' }).expect(200);
      expect(unread.body).toHaveLength(3);
      const all = await desk.http().post('/api/notifications/read-all').auth(token, { type: 'bearer' }).expect(200);
      expect(all.body).toEqual({ marked: 3 });
      await desk.http().get('/api/notifications?unread=true').auth(token, { type: 'bearer' }).expect(200, []);
      expect((await desk.http().get('/api/notifications?limit=2').auth(token, { type: 'bearer' }).expect(200)).body).toHaveLength(2);

      // Someone else's notification is not yours to see or mark.
      const deskToken = await desk.tokenOf('desk@example.org');
      const notYours = await desk.http().post(`/api/notifications/${list.body[1].id}/read`).auth(deskToken, { type: 'bearer' }).expect(404);
      expect(notYours.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.stringMatching(/^You have no notification/) });
    });

    it('answers 400, 401 and 403 as the contract says', async () => {
      const token = await desk.tokenOf('desk@example.org');
      await desk.http().get('/api/notifications').expect(401);
      await desk.http().post('/api/notifications/not-a-uuid/read').auth(token, { type: 'bearer' }).expect(400);
      const bad = await desk.http().get('/api/notifications?limit=0&unread=maybe').auth(token, { type: 'bearer' }).expect(400);
      expect(bad.body.message).toEqual(expect.arrayContaining(['limit must be a whole number from 1 to 500', 'unread must be true or false']));
      await desk.http().get('/api/reminders/failed').auth(token, { type: 'bearer' }).expect(403);
      const admin = await desk.tokenOf('admin@example.org');
      await desk.http().get('/api/reminders/failed').auth(admin, { type: 'bearer' }).expect(200, []);
    });

    it('describes the routes in OpenAPI', async () => {
      const { body } = await desk.http().get('/api/docs-json').expect(200);
      expect(Object.keys(body.paths)).toEqual(
        expect.arrayContaining([
          '/api/notifications',
          '/api/notifications/{id}/read',
          '/api/notifications/read-all',
          '/api/reminders/failed',
          '/api/reminders/{id}/retry',
        ]),
      );
      expect(Object.keys(body.components.schemas.NotificationDto.properties)).toEqual(
        expect.arrayContaining(['id', 'questionSetId', 'kind', 'createdAt', 'readAt']),
      );
    });
  });
});
