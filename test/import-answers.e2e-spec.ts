import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { aQuestionsDocument, aReference } from './factories';

/** Published answers change a set's status through the workflow table, like every other step. */
describe('importing answers through the workflow', () => {
  let desk: TestDesk;
  let token: string;

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-06-01T10:00:00+02:00'));
    token = await desk.tokenOf('desk@example.org');
  });
  afterAll(() => desk.close());

  const importText = (text: string) =>
    desk.http().post('/api/question-sets/import').auth(token, { type: 'bearer' }).set('Content-Type', 'text/plain').send(text);
  const answersTo = (reference: string, answer: string) =>
    [
      'Antwoord van staatssecretaris Blokhuis (Volksgezondheid, Welzijn en Sport) (ontvangen 20 april 2021)',
      '',
      `Vragen van het lid Kuiken (PvdA) aan de Staatssecretaris van Volksgezondheid, Welzijn en Sport over het tekort aan jeugdzorgplekken (ingezonden 3 maart 2021). ${reference}`,
      '',
      'Vraag 1',
      'Bent u bekend met het bericht over wachtlijsten in de jeugdzorg?',
      '',
      'Antwoord 1',
      answer,
      '',
      'Vraag 2',
      'Hoeveel kinderen wachten langer dan drie maanden?',
      '',
      'Antwoord 2',
      'Dat is niet bekend.',
    ].join('\n');

  it('refuses answers for a withdrawn set with 409, and the set stays withdrawn without answers', async () => {
    const reference = aReference();
    const created = await importText(aQuestionsDocument({ reference })).expect(201);
    const id: string = created.body.questionSet.id;
    await desk
      .http()
      .post(`/api/question-sets/${id}/transitions`)
      .auth(token, { type: 'bearer' })
      .send({ version: created.body.questionSet.version, action: 'withdraw', reason: 'De vragen zijn ingetrokken.' })
      .expect(200);

    const refused = await importText(answersTo(reference, 'Ja.')).expect(409);
    expect(refused.body).toMatchObject({ currentStatus: 'withdrawn', allowedActions: [] });
    expect(refused.body.message).toMatch(/withdrawn/);

    const set = await desk.http().get(`/api/question-sets/${id}`).auth(token, { type: 'bearer' }).expect(200);
    expect(set.body).toMatchObject({ status: 'withdrawn', answeredOn: null, answers: [] });
  });

  it('refuses a second answer document for a set already answered with 409, and keeps the first answers', async () => {
    const reference = aReference();
    await importText(aQuestionsDocument({ reference })).expect(201);
    const answered = await importText(answersTo(reference, 'Ja.')).expect(200);
    expect(answered.body.questionSet).toMatchObject({ status: 'answered' });

    const again = await importText(answersTo(reference, 'Ja, daar zijn wij mee bekend.')).expect(409);
    expect(again.body).toMatchObject({ currentStatus: 'answered' });
    const set = await desk.http().get(`/api/question-sets/${answered.body.questionSet.id}`).auth(token, { type: 'bearer' }).expect(200);
    expect(set.body.answers[0].text).toBe('Ja.');
  });
});
