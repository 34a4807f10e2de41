import type { TestingModule } from '@nestjs/testing';
import { AccountsService } from '@question-desk/accounts';
import { addDays } from '@question-desk/deadlines';
import { WORKFLOW_OBSERVER, type WorkflowObserver } from '@question-desk/question-sets';
import { PersonMail } from '@question-desk/reminders';
import { startDesk, type TestDesk } from './desk';
import { aPerson, aQuestionSet, noonOn, ownDesk, settled, sql, startWorker, sweepNow, TestMailServer, withRemindersQueue } from './reminders-harness';

/**
 * Workflow notifications (issue 11.1) and folded deliveries (issue 12.4) as people notice them: in
 * the app (GET /api/notifications) and as emails at a real SMTP server in the test. The worker runs
 * in this process on the desk's clock; the notification window is the default 10 minutes.
 */
describe('workflow notifications', () => {
  let environment: Awaited<ReturnType<typeof ownDesk>>;
  const smtp = new TestMailServer();
  let desk: TestDesk;
  const workers: TestingModule[] = [];
  const TODAY = '2026-11-24';
  type Person = { id: string; email: string; token: string };
  const people: Record<string, Person> = {};

  beforeAll(async () => {
    await smtp.start();
    environment = await ownDesk('notify', {
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://vragen.example.org',
      REMINDER_SWEEP_EVERY: '1h',
      REMINDER_RETRY_DELAY: '100ms',
      REMINDER_DIGEST_ABOVE: '5',
    });
    desk = await startDesk(noonOn(TODAY));
    const accounts = desk.app.get(AccountsService);
    const make = async (key: string, roles: ('desk' | 'drafter' | 'coordinator')[], ministry: string | null) => {
      const person = await aPerson(accounts, roles, ministry, key);
      const login = await desk.http().post('/api/auth/login').send({ email: person.email, password: 'demo-password' }).expect(200);
      people[key] = { ...person, token: login.body.accessToken };
    };
    await make('deskAll', ['desk'], null);
    await make('deskBZ', ['desk'], 'BZ');
    await make('deskJenV', ['desk'], 'JenV');
    await make('drafterBZ', ['drafter'], 'BZ');
    await make('coordBZ', ['coordinator'], 'BZ');
    await make('coordAll', ['coordinator'], null);
    await make('drafterJenV', ['drafter'], 'JenV');
    await make('coordJenV', ['coordinator'], 'JenV');
    await make('drafterEZK', ['drafter'], 'EZK');
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await desk?.close();
    await smtp.stop();
    await environment?.restore();
  });

  const call = (who: string, method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const request = desk.http()[method](`/api${path}`).auth(people[who].token, { type: 'bearer' });
    return body ? request.send(body) : request;
  };

  /** The kinds of the unread notifications of each person, about one set. */
  async function told(questionSetId: string): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const key of Object.keys(people)) {
      const response = await call(key, 'get', '/notifications?limit=500').expect(200);
      const kinds = (response.body as { questionSetId: string; kind: string }[]).filter((n) => n.questionSetId === questionSetId).map((n) => n.kind);
      if (kinds.length) result[key] = kinds.reverse();
    }
    return result;
  }

  async function version(id: string): Promise<number> {
    return (await call('deskAll', 'get', `/question-sets/${id}`).expect(200)).body.version;
  }

  /** A set submitted yesterday, far from its deadlines (no reminders), with one question. */
  async function aSet(): Promise<string> {
    const { id } = await aQuestionSet({ statutoryDeadline: addDays(TODAY, 20) });
    await sql(`INSERT INTO question (question_set_id, number, text) VALUES ($1, 1, 'Bent u bekend met het bericht?')`, [id]);
    return id;
  }

  async function step(who: string, id: string, path: string, body: object = {}) {
    return call(who, 'post', `/question-sets/${id}${path}`, { version: await version(id), ...body }).expect(200);
  }

  async function assign(who: string, id: string, coSigningMinistries: string[] = []) {
    return step(who, id, '/assignment', { leadMinistry: 'BZ', coSigningMinistries, assigneeId: people.drafterBZ.id });
  }

  describe('who gets what', () => {
    it('assigned → the drafter; rejected → the desk of the lead ministry; transferred → the desk of the new ministry; never the one who acted', async () => {
      const id = await aSet();
      await assign('deskAll', id);
      expect(await told(id)).toEqual({ drafterBZ: ['assigned'] });

      await step('drafterBZ', id, '/assignment/reject', { reason: 'Hoort bij JenV' });
      expect(await told(id)).toEqual({ drafterBZ: ['assigned'], deskAll: ['assignment-rejected'], deskBZ: ['assignment-rejected'] });

      await step('deskBZ', id, '/assignment/transfer', { toMinistry: 'JenV', reason: 'Justitie gaat erover' });
      // deskBZ took the step: only the others who cover JenV hear of it.
      expect(await told(id)).toEqual({
        drafterBZ: ['assigned'],
        deskAll: ['assignment-rejected', 'transferred'],
        deskBZ: ['assignment-rejected'],
        deskJenV: ['transferred'],
      });
      const [message] = (await call('deskJenV', 'get', '/notifications').expect(200)).body as { message: string }[];
      expect(message.message).toMatch(/overgedragen aan JenV$/);
    });

    it('review → the reviewers of the lead ministry; changes → the drafter; co-signing → each co-signing ministry; approved and answered → drafter and desk', async () => {
      const id = await aSet();
      await assign('deskAll', id, ['JenV']);
      await step('drafterBZ', id, '/assignment/accept');
      await call('drafterBZ', 'put', `/question-sets/${id}/answers`, { version: await version(id), answers: [{ questionNumbers: [1], text: 'Ja.' }] }).expect(
        200,
      );
      await step('drafterBZ', id, '/transitions', { action: 'submit-for-review' });
      expect(await told(id)).toEqual({ drafterBZ: ['assigned'], coordBZ: ['review-requested'], coordAll: ['review-requested'] });

      await step('coordBZ', id, '/transitions', { action: 'request-changes', comment: 'Vraag 1 uitgebreider.' });
      await step('drafterBZ', id, '/transitions', { action: 'submit-for-review' });
      await step('coordAll', id, '/transitions', { action: 'approve' });
      const afterApproval = await told(id);
      expect(afterApproval.drafterBZ).toEqual(['assigned', 'changes-requested']);
      expect(afterApproval.drafterJenV).toEqual(['co-signing-requested']);
      expect(afterApproval.coordJenV).toEqual(['co-signing-requested']);
      expect(afterApproval.drafterEZK).toBeUndefined();
      expect(afterApproval.deskJenV).toBeUndefined();

      await step('drafterJenV', id, '/transitions', { action: 'co-sign' });
      await step('deskAll', id, '/transitions', { action: 'mark-answered', answeredOn: TODAY });
      expect(await told(id)).toEqual({
        drafterBZ: ['assigned', 'changes-requested', 'approved', 'answered'],
        coordBZ: ['review-requested', 'review-requested'],
        coordAll: ['review-requested', 'review-requested'],
        drafterJenV: ['co-signing-requested'],
        coordJenV: ['co-signing-requested'],
        deskAll: ['approved'],
        deskBZ: ['approved', 'answered'],
      });
    });

    it('withdrawn → drafter and desk, but not the desk officer who withdrew it', async () => {
      const id = await aSet();
      await assign('deskAll', id);
      await step('deskBZ', id, '/transitions', { action: 'withdraw', reason: 'Vragen ingetrokken door het Kamerlid' });
      expect(await told(id)).toEqual({ drafterBZ: ['assigned', 'withdrawn'], deskAll: ['withdrawn'] });
    });

    it('a step that rolls back leaves no notification; a step that commits always has them', async () => {
      const id = await aSet();
      const observer = desk.app.get<WorkflowObserver>(WORKFLOW_OBSERVER);
      const original = observer.stepTaken.bind(observer);
      observer.stepTaken = async (manager, taken) => {
        await original(manager, taken);
        throw new Error('the database went away after the notifications were written');
      };
      try {
        await call('deskAll', 'post', `/question-sets/${id}/assignment`, {
          version: await version(id),
          leadMinistry: 'BZ',
          assigneeId: people.drafterBZ.id,
        }).expect(500);
      } finally {
        observer.stepTaken = original;
      }
      expect(await told(id)).toEqual({});
      const [{ status }] = await sql<{ status: string }>('SELECT status FROM question_set WHERE id = $1', [id]);
      expect(status).toBe('received');
      const [{ entries }] = await sql<{ entries: number }>('SELECT count(*)::int AS entries FROM reminder WHERE question_set_id = $1', [id]);
      expect(entries).toBe(0);
    });
  });

  describe('settings', () => {
    it('lists every kind with email on by default; switches one off; refuses an unknown kind with a message', async () => {
      const initial = (await call('coordJenV', 'get', '/me/notification-settings').expect(200)).body.settings as {
        kind: string;
        email: boolean;
        inApp: boolean;
      }[];
      expect(initial.find((s) => s.kind === 'assigned')).toMatchObject({ email: true, inApp: true, label: 'Vragen aan mij toegewezen' });
      expect(initial.every((s) => s.email && s.inApp)).toBe(true);
      expect(initial.map((s) => s.kind)).toEqual(expect.arrayContaining(['review-requested', 'postponement-due', 'overdue-digest']));

      const changed = await call('coordJenV', 'put', '/me/notification-settings', { settings: [{ kind: 'co-signing-requested', email: false }] }).expect(200);
      expect(changed.body.settings.find((s: { kind: string }) => s.kind === 'co-signing-requested')).toMatchObject({ email: false, inApp: true });
      const again = (await call('coordJenV', 'get', '/me/notification-settings').expect(200)).body.settings as { kind: string; email: boolean }[];
      expect(again.filter((s) => !s.email).map((s) => s.kind)).toEqual(['co-signing-requested']);
      // Only the viewer's own settings changed.
      const others = (await call('drafterJenV', 'get', '/me/notification-settings').expect(200)).body.settings as { email: boolean }[];
      expect(others.every((s) => s.email)).toBe(true);

      const wrong = await call('coordJenV', 'put', '/me/notification-settings', { settings: [{ kind: 'everything', email: 'no' }] }).expect(400);
      expect(JSON.stringify(wrong.body.message)).toMatch(/kind must be one of assigned/);
      expect(JSON.stringify(wrong.body.message)).toMatch(/email must be true or false/);
    });
  });

  describe('email', () => {
    /** Every job of the reminders queue done (entries waiting for their window stay pending; the next scheduled sweep is a delayed job). */
    const jobsDone = () =>
      withRemindersQueue(async (queue) => {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const counts = await queue.getJobCounts('waiting', 'active');
          if (counts.waiting + counts.active === 0) return;
          if (Date.now() > deadline) throw new Error(`Jobs did not finish: ${JSON.stringify(counts)}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      });

    beforeAll(async () => {
      // Everything of the tests above waits for its window to pass: let it go out first.
      workers.push(await startWorker(desk.clock), await startWorker(desk.clock));
      desk.clock.set(new Date(desk.clock.now().getTime() + 11 * 60_000));
      await sweepNow();
      await settled();
      smtp.delivered.length = 0;
    }, 60_000);

    it('events for one person within the window go out as one email, after the window; nobody is emailed about their own step; email off means in the app only', async () => {
      const before = desk.clock.now();
      const sets = [await aSet(), await aSet(), await aSet()];
      for (const id of sets) await assign('deskAll', id, ['JenV']);
      desk.clock.set(new Date(before.getTime() + 4 * 60_000));
      await step('drafterBZ', sets[0], '/assignment/accept');
      await call('drafterBZ', 'put', `/question-sets/${sets[0]}/answers`, {
        version: await version(sets[0]),
        answers: [{ questionNumbers: [1], text: 'Ja.' }],
      }).expect(200);
      await step('drafterBZ', sets[0], '/transitions', { action: 'submit-for-review' });
      await step('coordBZ', sets[0], '/transitions', { action: 'request-changes', comment: 'Scherper.' });

      // Within the window: nothing goes out yet; the app shows all of them at once.
      await sweepNow();
      await jobsDone();
      expect(smtp.delivered).toEqual([]);
      const inApp = (await call('drafterBZ', 'get', '/notifications?unread=true').expect(200)).body as { kind: string; questionSetId: string }[];
      expect(inApp.filter((n) => sets.includes(n.questionSetId)).map((n) => n.kind)).toEqual(['changes-requested', 'assigned', 'assigned', 'assigned']);

      desk.clock.set(new Date(before.getTime() + 10 * 60_000));
      await sweepNow();
      await smtp.until(() => smtp.to(people.drafterBZ.email).length >= 1);
      await jobsDone();
      const [mail, ...more] = smtp.to(people.drafterBZ.email);
      expect(more).toEqual([]);
      expect(mail.subject).toBe('4 meldingen over Kamervragen');
      expect(mail.text.match(/^- /gm)).toHaveLength(4);
      expect(mail.text).toContain(`https://vragen.example.org/vragensets/${sets[0]}`);
      // The reviewers' event of 4 minutes in is not 10 minutes old yet: it waits for the next sweep.
      expect(smtp.to(people.coordBZ.email)).toEqual([]);
      desk.clock.set(new Date(before.getTime() + 15 * 60_000));
      await sweepNow();
      await smtp.until(() => smtp.to(people.coordAll.email).length >= 1 && smtp.to(people.coordBZ.email).length >= 1);
      await settled();
      for (const reviewer of [people.coordAll, people.coordBZ]) {
        expect(smtp.to(reviewer.email).map((m) => m.subject)).toEqual([expect.stringMatching(/heeft het antwoord op .* ter beoordeling aangeboden$/)]);
      }
      // The ones who acted are never emailed about it: the desk officer who assigned, the coordinator who asked for changes.
      expect(smtp.to(people.deskAll.email)).toEqual([]);
      expect(
        smtp
          .to(people.coordBZ.email)
          .map((m) => m.subject)
          .join(),
      ).not.toMatch(/wijzigingen/);
      expect(smtp.delivered).toHaveLength(3);
    });

    it('with email off for a kind the notification is in the app only', async () => {
      smtp.delivered.length = 0;
      const id = await aSet();
      await assign('deskAll', id, ['JenV']);
      await step('drafterBZ', id, '/assignment/accept');
      await call('drafterBZ', 'put', `/question-sets/${id}/answers`, { version: await version(id), answers: [{ questionNumbers: [1], text: 'Ja.' }] }).expect(
        200,
      );
      await step('drafterBZ', id, '/transitions', { action: 'submit-for-review' });
      await step('coordBZ', id, '/transitions', { action: 'approve' });
      desk.clock.set(new Date(desk.clock.now().getTime() + 11 * 60_000));
      await sweepNow();
      await smtp.until(() => smtp.to(people.drafterJenV.email).length >= 1);
      await settled();
      // coordJenV switched co-signing-requested email off (settings test): in the app, not by email.
      expect(smtp.to(people.coordJenV.email)).toEqual([]);
      expect(smtp.to(people.drafterJenV.email).map((m) => m.subject)).toEqual([expect.stringMatching(/wacht op medeondertekening door JenV$/)]);
      const inApp = (await call('coordJenV', 'get', '/notifications').expect(200)).body as { kind: string; questionSetId: string }[];
      expect(inApp.filter((n) => n.questionSetId === id).map((n) => n.kind)).toEqual(['co-signing-requested']);
      const [{ status, detail }] = await sql<{ status: string; detail: string }>(
        `SELECT status, detail FROM reminder WHERE question_set_id = $1 AND recipient_id = $2`,
        [id, people.coordJenV.id],
      );
      expect({ status, detail }).toEqual({ status: 'sent', detail: 'in the app only: email is off in their settings' });
    });

    it('above the digest threshold (5 here), reminders fold into one digest email; the app keeps each one', async () => {
      smtp.delivered.length = 0;
      const accounts = desk.app.get(AccountsService);
      const lonely = await aPerson(accounts, ['desk'], 'OCW', 'Desk OCW');
      const few = await aPerson(accounts, ['desk'], 'SZW', 'Desk SZW');
      const today = desk.clock.today();
      for (let i = 0; i < 8; i++) await aQuestionSet({ lead: 'OCW', statutoryDeadline: addDays(today, -3 - i) });
      for (let i = 0; i < 2; i++) await aQuestionSet({ lead: 'SZW', statutoryDeadline: addDays(today, -3 - i) });
      await sweepNow();
      await smtp.until(() => smtp.to(lonely.email).length >= 1 && smtp.to(few.email).length >= 2);
      await settled();
      const digest = smtp.to(lonely.email);
      expect(digest.map((m) => m.subject)).toEqual(['8 herinneringen over Kamervragen']);
      expect(digest[0].text.match(/^- Uitstelbericht nodig: /gm)).toHaveLength(8);
      expect(smtp.to(few.email).map((m) => m.subject)).toEqual([
        expect.stringMatching(/^Uitstelbericht nodig/),
        expect.stringMatching(/^Uitstelbericht nodig/),
      ]);
      const login = await desk.http().post('/api/auth/login').send({ email: lonely.email, password: 'demo-password' }).expect(200);
      const inApp = await desk.http().get('/api/notifications').auth(login.body.accessToken, { type: 'bearer' }).expect(200);
      expect(inApp.body).toHaveLength(8);
      expect(inApp.body.every((n: { kind: string }) => n.kind === 'postponement-due')).toBe(true);
    });

    it('two deliverers at once for the same person: each notification in exactly one email, none lost', async () => {
      smtp.delivered.length = 0;
      const sets: string[] = [];
      for (let i = 0; i < 12; i++) sets.push(await aSet());
      for (const id of sets) await assign('deskAll', id);
      desk.clock.set(new Date(desk.clock.now().getTime() + 11 * 60_000));
      const [first, second] = workers.map((w) => w.get(PersonMail));
      const outcomes = await Promise.all([first.deliver(people.drafterBZ.id), second.deliver(people.drafterBZ.id), first.deliver(people.drafterBZ.id)]);
      expect(outcomes.reduce((sum, o) => sum + o.notifications, 0)).toBe(12);
      const mails = smtp.to(people.drafterBZ.email);
      const lines = mails.flatMap((m) => (m.text.match(/vragensets\/[0-9a-f-]+/g) ?? []).map((l) => l.slice('vragensets/'.length)));
      expect(lines.sort()).toEqual([...sets].sort());
      const [{ unsent }] = await sql<{ unsent: number }>(`SELECT count(*)::int AS unsent FROM reminder WHERE recipient_id = $1 AND status <> 'sent'`, [
        people.drafterBZ.id,
      ]);
      expect(unsent).toBe(0);
    });
  });
});
