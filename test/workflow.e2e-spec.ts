import { DataSource } from 'typeorm';
import { QUESTION_SET_SQL } from '../libs/question-sets/src/question-set.store';
import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { aQuestionsDocument, aReference } from './factories';

const DESK = 'desk@example.org';
const DRAFTER = 'drafter@example.org';
const DRAFTER_JENV = 'drafter.jenv@example.org';
const COORDINATOR = 'coordinator@example.org';

describe('the workflow of a question set', () => {
  let desk: TestDesk;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-03-10T10:00:00+01:00'));
    for (const email of [DESK, DRAFTER, DRAFTER_JENV, COORDINATOR]) tokens.set(email, await desk.tokenOf(email));
  });
  afterAll(() => desk.close());

  function as(email: string, method: 'get' | 'post' | 'put', path: string, body?: object) {
    const call = desk.http()[method](`/api/question-sets${path}`).auth(tokens.get(email)!, { type: 'bearer' });
    return body ? call.send(body) : call;
  }

  /** A set of three questions to BZ, JenV and EZK, imported by the desk. */
  async function anImportedSet() {
    const document = aQuestionsDocument({
      reference: aReference(),
      submitted: '1 maart 2021',
      questions: [
        'Bent u bekend met het bericht dat een Chinees bedrijf camera’s levert aan gemeenten?',
        'Welke gemeenten gebruiken deze camera’s?',
        'Bent u bereid deze camera’s te laten vervangen?',
      ],
    }).replace(
      'aan de Staatssecretaris van Volksgezondheid, Welzijn en Sport',
      'aan de Ministers van Buitenlandse Zaken en van Justitie en Veiligheid en de Staatssecretaris van Economische Zaken en Klimaat',
    );
    const token = await desk.tokenOf(DESK);
    const response = await desk
      .http()
      .post('/api/question-sets/import')
      .auth(token, { type: 'bearer' })
      .set('Content-Type', 'text/plain')
      .send(document)
      .expect(201);
    return response.body.questionSet;
  }

  it('carries a set from import to answer: assign, accept, draft, changes requested, approve, two co-signatures, answered', async () => {
    let set = await anImportedSet();
    expect(set).toMatchObject({
      status: 'received',
      leadMinistry: { code: 'BZ' },
      coSigningMinistries: [{ code: 'EZK' }, { code: 'JenV' }],
      deadline: '2021-03-22',
    });
    const drafter = await desk.userOf(DRAFTER);

    set = (
      await as(DESK, 'post', `/${set.id}/assignment`, {
        version: set.version,
        leadMinistry: 'BZ',
        coSigningMinistries: ['JenV', 'EZK'],
        assigneeId: drafter.id,
      }).expect(200)
    ).body;
    // Working days before Monday 22 March: draft 10 (8 March, already past on the 10th, so the next
    // working day), review 5, co-signing 2.
    expect(set).toMatchObject({
      status: 'assigned',
      assignee: { id: drafter.id },
      internalDeadlines: { draft: '2021-03-11', review: '2021-03-15', coSigning: '2021-03-18' },
      warnings: ['The internal draft deadline would have been 2021-03-08, which has passed; it is set to 2021-03-11, the next working day.'],
    });

    set = (await as(DRAFTER, 'post', `/${set.id}/assignment/accept`, { version: set.version }).expect(200)).body;
    expect(set.status).toBe('drafting');
    expect(set.allowedActions).toEqual(['save-draft', 'submit-for-review']);

    set = (
      await as(DRAFTER, 'put', `/${set.id}/answers`, {
        version: set.version,
        answers: [
          { questionNumbers: [1], text: 'Ja.' },
          { questionNumbers: [2, 3], text: 'Dat is niet bekend.' },
        ],
      }).expect(200)
    ).body;
    expect(set.answers).toEqual([
      { questionNumbers: [1], text: 'Ja.', footnotes: [] },
      { questionNumbers: [2, 3], text: 'Dat is niet bekend.', footnotes: [] },
    ]);
    set = (await as(DRAFTER, 'post', `/${set.id}/transitions`, { version: set.version, action: 'submit-for-review' }).expect(200)).body;
    expect(set.status).toBe('in_review');

    set = (
      await as(COORDINATOR, 'post', `/${set.id}/transitions`, {
        version: set.version,
        action: 'request-changes',
        comment: 'Vraag 3 apart beantwoorden.',
      }).expect(200)
    ).body;
    expect(set.status).toBe('drafting');
    set = (
      await as(DRAFTER, 'put', `/${set.id}/answers`, {
        version: set.version,
        answers: [
          { questionNumbers: [1], text: 'Ja.' },
          { questionNumbers: [2], text: 'Dat is niet bekend.' },
          { questionNumbers: [3], text: 'Nee, daarvoor is geen aanleiding.' },
        ],
      }).expect(200)
    ).body;
    set = (await as(DRAFTER, 'post', `/${set.id}/transitions`, { version: set.version, action: 'submit-for-review' }).expect(200)).body;
    set = (await as(COORDINATOR, 'post', `/${set.id}/transitions`, { version: set.version, action: 'approve' }).expect(200)).body;
    expect(set.status).toBe('co_signing');

    set = (await as(DRAFTER_JENV, 'post', `/${set.id}/transitions`, { version: set.version, action: 'co-sign' }).expect(200)).body;
    expect(set).toMatchObject({ status: 'co_signing', coSignatures: [{ ministry: 'JenV', signedBy: 'Jan Justitie' }] });
    const again = await as(DRAFTER_JENV, 'post', `/${set.id}/transitions`, { version: set.version, action: 'co-sign' }).expect(403);
    expect(again.body.message).toMatch(/still to sign: EZK/);
    set = (await as(COORDINATOR, 'post', `/${set.id}/transitions`, { version: set.version, action: 'co-sign', ministry: 'EZK' }).expect(200)).body;
    expect(set.status).toBe('approved');

    set = (
      await as(DESK, 'post', `/${set.id}/transitions`, { version: set.version, action: 'mark-answered', answeredOn: '2021-03-09', answeredBy: 'Blok' }).expect(
        200,
      )
    ).body;
    expect(set).toMatchObject({ status: 'answered', answeredOn: '2021-03-09', answeredBy: 'Blok', overdue: false, daysOverdue: 0, allowedActions: [] });

    const events = (await as(COORDINATOR, 'get', `/${set.id}/events`).expect(200)).body;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'registered',
      'assign',
      'accept',
      'save-draft',
      'submit-for-review',
      'request-changes',
      'save-draft',
      'submit-for-review',
      'approve',
      'co-sign',
      'co-sign',
      'mark-answered',
    ]);
    expect(events[5]).toMatchObject({
      actor: 'Carla Coördinator',
      details: { comment: 'Vraag 3 apart beantwoorden.', before: { status: 'in_review' }, after: { status: 'drafting' } },
    });

    const revisions = (await as(COORDINATOR, 'get', `/${set.id}/revisions`).expect(200)).body;
    expect(revisions.map((r: { number: number; changedQuestionNumbers: number[] }) => [r.number, r.changedQuestionNumbers])).toEqual([
      [1, [1, 2, 3]],
      [2, [2, 3]],
    ]);
  });

  it('will not send a draft for review while a question has no answer or two, and says which', async () => {
    let set = await anImportedSet();
    const drafter = await desk.userOf(DRAFTER);
    set = (await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafter.id }).expect(200)).body;
    set = (await as(DRAFTER, 'post', `/${set.id}/assignment/accept`, { version: set.version }).expect(200)).body;
    set = (
      await as(DRAFTER, 'put', `/${set.id}/answers`, {
        version: set.version,
        answers: [
          { questionNumbers: [1, 2], text: 'A.' },
          { questionNumbers: [2], text: 'B.' },
        ],
      }).expect(200)
    ).body;
    const refused = await as(DRAFTER, 'post', `/${set.id}/transitions`, { version: set.version, action: 'submit-for-review' }).expect(422);
    expect(refused.body.message).toEqual([
      'Question 3 has no answer yet.',
      'Question 2 is answered more than once.',
      'Every question needs exactly one answer before review; save the draft again.',
    ]);
    const unknown = await as(DRAFTER, 'put', `/${set.id}/answers`, { version: set.version, answers: [{ questionNumbers: [9], text: 'C.' }] }).expect(422);
    expect(unknown.body.message).toEqual(['This set has no question 9; its questions are 1, 2 and 3.']);
    const current = (await as(DRAFTER, 'get', `/${set.id}`).expect(200)).body;
    expect(current.status).toBe('drafting');
    expect(current.version).toBe(set.version);
  });

  it('finds a saved draft by its words at once, and no longer by the words the next save replaced', async () => {
    let set = await anImportedSet();
    const drafter = await desk.userOf(DRAFTER);
    set = (await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafter.id }).expect(200)).body;
    set = (await as(DRAFTER, 'post', `/${set.id}/assignment/accept`, { version: set.version }).expect(200)).body;
    // Words no other set of the run holds, so each search finds this set or nothing.
    const [first, second] = ['kwartiermakerschap', 'grensoverschrijdendheid'].map((word) => `${word}${set.id.replace(/[^a-f]/g, '')}`);
    const found = async (word: string) => (await as(COORDINATOR, 'get', `?q=${word}`).expect(200)).body.items.map((s: { id: string }) => s.id);
    const save = async (text: string) =>
      (
        await as(DRAFTER, 'put', `/${set.id}/answers`, {
          version: set.version,
          answers: [
            { questionNumbers: [1, 2], text: 'Ja.' },
            { questionNumbers: [3], text },
          ],
        }).expect(200)
      ).body;

    const accepted = set.version;
    set = await save(`Het ${first} is gestart.`);
    expect(set.version).toBe(accepted + 1);
    expect(await found(first)).toEqual([set.id]);
    set = await save(`Het ${second} blijft.`);
    expect(set.version).toBe(accepted + 2);
    expect(await found(first)).toEqual([]);
    expect(await found(second)).toEqual([set.id]);

    // The vector a save writes is the one the set's stored text gives when remade in full.
    const db = desk.app.get(DataSource);
    const vector = async () => (await db.query('SELECT search_vector::text AS v FROM question_set WHERE id = $1', [set.id]))[0].v;
    const saved = await vector();
    await db.query(QUESTION_SET_SQL.refreshSearchVector, [set.id]);
    expect(await vector()).toBe(saved);

    // The trail keeps each save with the set as it left it.
    const events = (await as(COORDINATOR, 'get', `/${set.id}/events`).expect(200)).body;
    expect(events.filter((e: { type: string }) => e.type === 'save-draft').map((e: { details: object }) => e.details)).toEqual([
      expect.objectContaining({
        revision: 1,
        answers: 2,
        before: expect.objectContaining({ status: 'drafting' }),
        after: expect.objectContaining({ status: 'drafting', reference: set.reference, deadline: set.deadline }),
      }),
      expect.objectContaining({ revision: 2, answers: 2 }),
    ]);
  });

  it('lets a drafter reject an assignment with a reason, and the desk transfer the set to another ministry', async () => {
    let set = await anImportedSet();
    const drafter = await desk.userOf(DRAFTER);
    set = (await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafter.id }).expect(200)).body;
    set = (await as(DRAFTER, 'post', `/${set.id}/assignment/reject`, { version: set.version, reason: 'Dit is een JenV-onderwerp.' }).expect(200)).body;
    expect(set).toMatchObject({ status: 'received', assignee: null });
    set = (
      await as(DESK, 'post', `/${set.id}/assignment/transfer`, {
        version: set.version,
        toMinistry: 'JenV',
        reason: 'Gemeentelijke camera’s vallen onder JenV.',
      }).expect(200)
    ).body;
    expect(set).toMatchObject({ status: 'received', leadMinistry: { code: 'JenV' }, coSigningMinistries: [{ code: 'EZK' }] });
    // BZ is neither lead nor co-signer any more: its drafter loses access; JenV's drafter has it.
    await as(DRAFTER, 'get', `/${set.id}`).expect(404);
    await as(DRAFTER_JENV, 'get', `/${set.id}`).expect(200);
    const bzDrafter = await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafter.id }).expect(422);
    expect(bzDrafter.body.message).toEqual(['Bregje Buitenland is a drafter of BZ, not of JenV; assign a drafter of the lead ministry.']);
  });

  it('answers a desk officer of one ministry who transfers a set away with the set as the step left it, not 404', async () => {
    const set = await anImportedSet();
    const admin = await desk.tokenOf('admin@example.org');
    const email = `desk.bz.${Date.now()}@example.org`;
    await desk
      .http()
      .post('/api/users')
      .auth(admin, { type: 'bearer' })
      .send({ email, name: 'Bas Balie', password: 'correct horse battery', roles: ['desk'], ministry: 'BZ' })
      .expect(201);
    const signedIn = await desk.http().post('/api/auth/login').send({ email, password: 'correct horse battery' }).expect(200);
    const bzDesk = (method: 'get' | 'post', path: string, body?: object) => {
      const call = desk
        .http()
        [method](`/api/question-sets${path}`)
        .auth(signedIn.body.accessToken as string, { type: 'bearer' });
      return body ? call.send(body) : call;
    };
    const moved = await bzDesk('post', `/${set.id}/assignment/transfer`, { version: set.version, toMinistry: 'JenV', reason: 'Valt onder JenV.' }).expect(200);
    expect(moved.body).toMatchObject({ id: set.id, status: 'received', leadMinistry: { code: 'JenV' }, allowedActions: [] });
    await bzDesk('get', `/${set.id}`).expect(404);
  });

  it('registers a postponement: the deadline and internal deadlines move, the statutory deadline stays; then the set is withdrawn', async () => {
    let set = await anImportedSet();
    const drafter = await desk.userOf(DRAFTER);
    set = (await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafter.id, internalDeadline: '2021-03-15' }).expect(200)).body;
    expect(set.internalDeadlines).toEqual({ draft: '2021-03-15', review: '2021-03-15', coSigning: '2021-03-18' });
    const tooEarly = await as(COORDINATOR, 'post', `/${set.id}/postponements`, {
      version: set.version,
      sentOn: '2021-03-10',
      newDeadline: '2021-03-20',
      reason: 'Afstemming.',
    }).expect(422);
    expect(tooEarly.body.message).toEqual(['newDeadline 2021-03-20 must be after the deadline now in force (2021-03-22).']);
    set = (
      await as(COORDINATOR, 'post', `/${set.id}/postponements`, { version: set.version, sentOn: '2021-03-10', reason: 'Afstemming met JenV en EZK.' }).expect(
        200,
      )
    ).body;
    expect(set).toMatchObject({
      statutoryDeadline: '2021-03-22',
      deadline: '2021-04-12',
      postponements: [{ sentOn: '2021-03-10', newDeadline: '2021-04-12', reason: 'Afstemming met JenV en EZK.' }],
      // As many working days before Monday 12 April as before 22 March: Tweede paasdag (5 April) skipped.
      internalDeadlines: { draft: '2021-04-02', review: '2021-04-02', coSigning: '2021-04-08' },
      status: 'assigned',
    });
    set = (await as(DESK, 'post', `/${set.id}/transitions`, { version: set.version, action: 'withdraw', reason: 'Ingetrokken door het lid.' }).expect(200))
      .body;
    expect(set).toMatchObject({ status: 'withdrawn', overdue: false, allowedActions: [] });
    const closed = await as(DESK, 'post', `/${set.id}/transitions`, { version: set.version, action: 'withdraw' }).expect(409);
    expect(closed.body).toMatchObject({ currentStatus: 'withdrawn', allowedActions: [], message: expect.stringMatching(/^This question set is withdrawn/) });
  });

  it('refuses a stale version with 409 and the current version, writing nothing', async () => {
    const set = await anImportedSet();
    const drafter = await desk.userOf(DRAFTER);
    const stale = await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version + 5, assigneeId: drafter.id }).expect(409);
    expect(stale.body).toMatchObject({ statusCode: 409, currentVersion: set.version, message: expect.stringMatching(/has no version .* yet/) });
    const after = (await as(DESK, 'get', `/${set.id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'received', version: set.version, assignee: null });
  });

  it('answers an action the status does not allow with 409 naming the status and what is allowed', async () => {
    const set = await anImportedSet();
    const response = await as(COORDINATOR, 'post', `/${set.id}/transitions`, { version: set.version, action: 'approve' }).expect(409);
    expect(response.body).toMatchObject({ currentStatus: 'received', allowedActions: ['assign', 'transfer', 'withdraw', 'postpone'] });
  });

  it.each([
    [{ action: 'mark-answered', answeredOn: '2021-02-01' }, 'answeredOn 2021-02-01 is before the questions were submitted (2021-03-01).'],
    [{ action: 'mark-answered', answeredOn: '2021-04-01' }, 'answeredOn 2021-04-01 is in the future.'],
  ])('refuses %j with 422', async (change, message) => {
    let set = await anImportedSet();
    // Bring the set to approved quickly: assign, accept, draft, review, approve, co-sign.
    const drafter = await desk.userOf(DRAFTER);
    set = (await as(DESK, 'post', `/${set.id}/assignment`, { version: set.version, coSigningMinistries: [], assigneeId: drafter.id })).body;
    set = (await as(DRAFTER, 'post', `/${set.id}/assignment/accept`, { version: set.version })).body;
    set = (await as(DRAFTER, 'put', `/${set.id}/answers`, { version: set.version, answers: [{ questionNumbers: [1, 2, 3], text: 'Antwoord.' }] })).body;
    set = (await as(DRAFTER, 'post', `/${set.id}/transitions`, { version: set.version, action: 'submit-for-review' })).body;
    set = (await as(COORDINATOR, 'post', `/${set.id}/transitions`, { version: set.version, action: 'approve' }).expect(200)).body;
    expect(set.status).toBe('approved');
    const response = await as(DESK, 'post', `/${set.id}/transitions`, { version: set.version, ...change }).expect(422);
    expect(response.body.message).toEqual([message]);
  });

  it('refuses a mark-answered without a date, and an unknown action, with 400', async () => {
    const set = await anImportedSet();
    const noDate = await as(DESK, 'post', `/${set.id}/transitions`, { version: set.version, action: 'mark-answered' }).expect(400);
    expect(noDate.body.message).toEqual(['answeredOn is required']); // issue 11: a missing field is "required", not a format rule
    const unknown = await as(DESK, 'post', `/${set.id}/transitions`, { version: set.version, action: 'publish' }).expect(400);
    expect(unknown.body.message.join(' ')).toMatch(/action must be one of submit-for-review/);
  });
});
