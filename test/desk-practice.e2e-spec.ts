import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { anIntake } from './factories';

const DESK = 'desk@example.org';
const DRAFTER = 'drafter@example.org';
const COORDINATOR = 'coordinator@example.org';

/**
 * Issue 11, points 2 and 6, as a desk officer notices them: internal deadlines on working days
 * (Christmas 2026), warnings when they would already be past, and the small things found on the way.
 * The desk's clock stands on Wednesday 23 December 2026; Christmas falls on Friday the 25th.
 */
describe('desk practice: working-day deadlines and the small things (issue 11)', () => {
  let desk: TestDesk;
  const tokens = new Map<string, string>();
  let drafterId: string;

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2026-12-23T10:00:00+01:00'));
    for (const email of [DESK, DRAFTER, COORDINATOR]) tokens.set(email, await desk.tokenOf(email));
    drafterId = (await desk.userOf(DRAFTER)).id;
  });
  afterAll(() => desk.close());

  function as(email: string, method: 'get' | 'post' | 'put', path: string, body?: object) {
    const call = desk.http()[method](`/api/question-sets${path}`).auth(tokens.get(email)!, { type: 'bearer' });
    return body ? call.send(body) : call;
  }

  /** A BZ set of three questions submitted on `submittedOn` (deadline three weeks later). */
  async function aSet(submittedOn: string) {
    const intake = anIntake({
      submittedOn,
      addressees: ['Minister van Buitenlandse Zaken'],
      questions: [1, 2, 3].map((number) => ({ number, text: `Vraag ${number} over de gevolgen van het besluit?` })),
    });
    return (await as(DESK, 'post', '', intake).expect(201)).body;
  }

  describe('internal deadlines in working days', () => {
    it('counts them back in working days over Christmas and New Year, without warnings when none has passed', async () => {
      const set = await aSet('2026-12-21'); // deadline Monday 11 January 2027
      expect(set.deadline).toBe('2027-01-11');
      const assigned = await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafterId }).expect(200);
      // 10, 5 and 2 working days before: Christmas, Tweede kerstdag, Nieuwjaarsdag and weekends skipped.
      expect(assigned.body).toMatchObject({
        status: 'assigned',
        internalDeadlines: { draft: '2026-12-24', review: '2027-01-04', coSigning: '2027-01-07' },
        warnings: [],
      });
    });

    it('moves internal deadlines that would already be past to the next working days, and says so in the answer', async () => {
      const set = await aSet('2026-12-07'); // deadline Monday 28 December
      const assigned = await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafterId }).expect(200);
      expect(assigned.body.internalDeadlines).toEqual({ draft: '2026-12-24', review: '2026-12-28', coSigning: '2026-12-29' });
      expect(assigned.body.warnings).toEqual([
        'The internal draft deadline would have been 2026-12-11, which has passed; it is set to 2026-12-24, the next working day.',
        'The internal review deadline would have been 2026-12-18, which has passed; it is set to 2026-12-28, the next working day.',
        'The internal co-signing deadline would have been 2026-12-23, before the step that comes first; it is set to 2026-12-29, the next working day, after the deadline in force (2026-12-28): register a postponement.',
      ]);
      // The set keeps them: reading it again shows the moved dates.
      expect((await as(DESK, 'get', `/${set.id}`).expect(200)).body.internalDeadlines).toEqual(assigned.body.internalDeadlines);
    });

    it('moves a draft deadline the desk gives on Christmas Day to the working day before, with a warning', async () => {
      const set = await aSet('2026-12-21');
      const assigned = await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafterId, internalDeadline: '2026-12-25' }).expect(
        200,
      );
      expect(assigned.body.internalDeadlines.draft).toBe('2026-12-24');
      expect(assigned.body.warnings).toEqual([
        'internalDeadline 2026-12-25 is not a working day; the draft deadline is set to 2026-12-24, the working day before.',
      ]);
    });

    it('keeps the working days before the deadline when a postponement moves it, and refuses a notice sent before the previous one (422)', async () => {
      let set = await aSet('2026-12-21');
      set = (await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafterId }).expect(200)).body;
      set = (
        await as(COORDINATOR, 'post', `/${set.id}/postponements`, { version: set.version, sentOn: '2026-12-22', reason: 'Afstemming met JenV.' }).expect(200)
      ).body;
      // Three more weeks: Monday 1 February 2027; 10, 5 and 2 working days before it.
      expect(set).toMatchObject({ deadline: '2027-02-01', internalDeadlines: { draft: '2027-01-18', review: '2027-01-25', coSigning: '2027-01-28' } });

      const earlier = await as(COORDINATOR, 'post', `/${set.id}/postponements`, {
        version: set.version,
        sentOn: '2026-12-21',
        newDeadline: '2027-02-15',
        reason: 'Nog meer afstemming.',
      }).expect(422);
      expect(earlier.body.message).toEqual([
        'sentOn 2026-12-21 is before the previous postponement notice (sent on 2026-12-22); a later notice cannot have been sent earlier. Check the date.',
      ]);
      const same = await as(COORDINATOR, 'post', `/${set.id}/postponements`, {
        version: set.version,
        sentOn: '2026-12-22',
        newDeadline: '2027-02-15',
        reason: 'Een tweede bericht dezelfde dag.',
      }).expect(200);
      expect(same.body.postponements).toHaveLength(2);
    });
  });

  describe('versions', () => {
    it('answers a version higher than the current one with a 409 that says so, and version 0 like any stale one', async () => {
      const set = await aSet('2026-12-21');
      const ahead = await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version + 3, assigneeId: drafterId }).expect(409);
      expect(ahead.body).toMatchObject({
        currentVersion: set.version,
        message: `This question set has no version ${set.version + 3} yet: it is at version ${set.version}. Send the version you loaded it with (reload it to get the current one).`,
      });
      const zero = await as(DESK, 'post', `/${set.id}/assignment`, { version: 0, assigneeId: drafterId }).expect(409);
      expect(zero.body).toMatchObject({
        currentVersion: set.version,
        message: expect.stringMatching(/^Someone changed this question set since you loaded it \(you sent version 0/),
      });
      const negative = await as(DESK, 'post', `/${set.id}/assignment`, { version: -1, assigneeId: drafterId }).expect(400);
      expect(negative.body.message).toEqual(['version must be the whole number the set showed when you loaded it']);
      expect((await as(DESK, 'get', `/${set.id}`).expect(200)).body).toMatchObject({ status: 'received', version: set.version });
    });

    it('treats an account the same way: version 0 is a 409', async () => {
      const admin = await desk.tokenOf('admin@example.org');
      const users = await desk.http().get('/api/users').auth(admin, { type: 'bearer' }).expect(200);
      const someone = (users.body.items ?? users.body).find((u: { email: string }) => u.email === DRAFTER);
      const zero = await desk.http().patch(`/api/users/${someone.id}`).auth(admin, { type: 'bearer' }).send({ version: 0, name: someone.name }).expect(409);
      expect(zero.body.currentVersion).toBe(someone.version);
    });
  });

  describe('messages', () => {
    it('says "is required" for a missing field, not the rules its value would break', async () => {
      const set = await aSet('2026-12-21');
      const missing = await as(DESK, 'post', `/${set.id}/assignment`, {}).expect(400);
      expect([...missing.body.message].sort()).toEqual(['assigneeId is required', 'version is required']);
      const login = await desk.http().post('/api/auth/login').send({ email: DESK }).expect(400);
      expect(login.body.message).toEqual(['password is required']);
      const nested = await as(DRAFTER, 'put', `/${set.id}/answers`, { version: set.version, answers: [{ questionNumbers: [1] }] }).expect(400);
      expect(nested.body.message).toEqual(['answers.0.text is required']);
    });

    it('asks for JSON when the sign-in body is not JSON', async () => {
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', 'email=desk%40example.org&password=demo-password'],
        ['text/plain', 'desk@example.org demo-password'],
      ]) {
        const response = await desk.http().post('/api/auth/login').set('Content-Type', type).send(body).expect(400);
        expect(response.body.message).toBe(
          'Send JSON: a body such as {"email": "desk@example.org", "password": "…"} with the header Content-Type: application/json.',
        );
      }
      await desk
        .http()
        .post('/api/auth/login')
        .expect(400, /Send JSON/);
    });

    it('uses the singular for one question and the plural for several', async () => {
      let set = await aSet('2026-12-21');
      set = (await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafterId }).expect(200)).body;
      set = (await as(DRAFTER, 'post', `/${set.id}/assignment/accept`, { version: set.version }).expect(200)).body;
      const none = await as(DRAFTER, 'post', `/${set.id}/transitions`, { version: set.version, action: 'submit-for-review' }).expect(422);
      expect(none.body.message[0]).toBe('Questions 1, 2 and 3 have no answer yet.');
      const unknown = await as(DRAFTER, 'put', `/${set.id}/answers`, {
        version: set.version,
        answers: [{ questionNumbers: [8, 9], text: 'Antwoord.' }],
      }).expect(422);
      expect(unknown.body.message).toEqual(['This set has no questions 8 and 9; its questions are 1, 2 and 3.']);
      set = (
        await as(DRAFTER, 'put', `/${set.id}/answers`, {
          version: set.version,
          answers: [
            { questionNumbers: [1, 2], text: 'Antwoord op 1 en 2.' },
            { questionNumbers: [2], text: 'Nog een antwoord op 2.' },
          ],
        }).expect(200)
      ).body;
      const one = await as(DRAFTER, 'post', `/${set.id}/transitions`, { version: set.version, action: 'submit-for-review' }).expect(422);
      expect(one.body.message.slice(0, 2)).toEqual(['Question 3 has no answer yet.', 'Question 2 is answered more than once.']);
    });
  });
});
