import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { aQuestionsDocument, aReference } from './factories';

describe('importing documents', () => {
  let desk: TestDesk;
  let token: string;

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-06-01T10:00:00+02:00'));
    token = await desk.tokenOf('desk@example.org');
  });
  afterAll(() => desk.close());

  const importText = (text: string | Buffer, type = 'text/markdown', as = token) =>
    desk.http().post('/api/question-sets/import').auth(as, { type: 'bearer' }).set('Content-Type', type).send(text);
  const byReference = async (reference: string) =>
    (await desk.http().get('/api/question-sets').query({ reference }).auth(token, { type: 'bearer' }).expect(200)).body;

  it('creates a set from questions (201) and changes nothing when the same document comes again (200, same id)', async () => {
    const reference = aReference();
    const document = aQuestionsDocument({ reference, submitted: '3 maart 2021' });
    const first = await importText(document).expect(201);
    expect(first.body).toMatchObject({
      created: true,
      changed: true,
      kind: 'questions',
      questionSet: {
        reference,
        submittedOn: '2021-03-03',
        statutoryDeadline: '2021-03-24',
        submitters: [{ name: 'Kuiken', party: 'PvdA' }],
        addressees: ['Staatssecretaris van Volksgezondheid, Welzijn en Sport'],
        leadMinistry: { code: 'VWS' },
        status: 'received',
        subject: 'het tekort aan jeugdzorgplekken',
      },
    });
    expect(first.body.questionSet.questions).toHaveLength(2);
    const again = await importText(document.replace(/\n/g, '\r\n'), 'text/plain; charset=utf-8').expect(200);
    expect(again.body).toMatchObject({
      created: false,
      changed: false,
      questionSet: { id: first.body.questionSet.id, version: first.body.questionSet.version },
    });
    expect((await byReference(reference)).total).toBe(1);
  });

  it('merges the answers into the set they answer, found by reference', async () => {
    const reference = aReference();
    const created = await importText(aQuestionsDocument({ reference })).expect(201);
    const answers = [
      `Antwoord van staatssecretaris Blokhuis (Volksgezondheid, Welzijn en Sport) (ontvangen 20 april 2021)`,
      '',
      `Vragen van het lid Kuiken (PvdA) aan de Staatssecretaris van Volksgezondheid, Welzijn en Sport over het tekort aan jeugdzorgplekken (ingezonden 3 maart 2021). ${reference}`,
      '',
      'Vraag 1',
      'Bent u bekend met het bericht over wachtlijsten in de jeugdzorg?',
      '',
      'Antwoord 1',
      'Ja.',
      '',
      'Vraag 2',
      'Hoeveel kinderen wachten langer dan drie maanden?',
      '',
      'Antwoord 2',
      'Dat is niet bekend.',
    ].join('\n');
    const merged = await importText(answers, 'text/plain').expect(200);
    expect(merged.body).toMatchObject({
      created: false,
      changed: true,
      questionSet: { id: created.body.questionSet.id, status: 'answered', answeredOn: '2021-04-20', answeredBy: 'Blokhuis', daysOverdue: 27 },
    });
    expect(merged.body.questionSet.answers).toEqual([
      { questionNumbers: [1], text: 'Ja.', footnotes: [] },
      { questionNumbers: [2], text: 'Dat is niet bekend.', footnotes: [] },
    ]);
    expect(merged.body.questionSet.version).toBeGreaterThan(created.body.questionSet.version);
  });

  it('records a postponement notice on its set, three more weeks when it names no date', async () => {
    const reference = aReference();
    await importText(aQuestionsDocument({ reference, submitted: '3 mei 2021' })).expect(201);
    const notice = [
      'Mededeling van de Staatssecretaris van Volksgezondheid, Welzijn en Sport (ontvangen 21 mei 2021)',
      '',
      `De vragen van het lid Kuiken (PvdA) over het tekort aan jeugdzorgplekken (${reference}, ingezonden 3 mei 2021) kunnen niet binnen de gebruikelijke termijn worden beantwoord. De reden van het uitstel is dat de gegevens bij de jeugdzorgregio's moeten worden opgevraagd. Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.`,
    ].join('\n');
    const response = await importText(notice, 'text/plain').expect(200);
    expect(response.body).toMatchObject({
      kind: 'postponement',
      questionSet: {
        statutoryDeadline: '2021-05-24',
        deadline: '2021-06-14',
        postponementMissing: false,
        postponements: [{ sentOn: '2021-05-21', newDeadline: '2021-06-14', reason: expect.stringMatching(/^De reden van het uitstel is/) }],
      },
    });
  });

  it('answers 422 for answers that name no set the desk knows, and stores nothing', async () => {
    const response = await importText(
      ['Antwoord van minister Grapperhaus (Justitie en Veiligheid) (ontvangen 1 april 2021)', '', 'Antwoord 1', 'Ja.', '', 'Antwoord 2', 'Nee.'].join('\n'),
    ).expect(422);
    expect(response.body.message).toMatch(/cannot be matched to a question set/);
  });

  describe('bad input', () => {
    it.each([
      { what: 'an empty body', body: '', type: 'text/plain', status: 400, message: /empty/ },
      { what: 'a body of only spaces', body: '   \n\n  ', type: 'text/plain', status: 400, message: /empty/ },
      {
        what: 'a binary body',
        body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x01]),
        type: 'text/plain',
        status: 400,
        message: /not UTF-8 text/,
      },
      { what: 'a JSON body', body: JSON.stringify({ text: 'Vraag 1' }), type: 'application/json', status: 415, message: /text\/plain or text\/markdown/ },
      { what: 'a PDF', body: Buffer.from('%PDF-1.4'), type: 'application/pdf', status: 415, message: /text\/plain or text\/markdown/ },
      { what: 'noise', body: 'asdf qwerty zxcv\n\n!!! ### ???', type: 'text/plain', status: 422, message: /no questions found/i },
    ])('refuses $what with $status', async ({ body, type, status, message }) => {
      const response = await importText(body, type).expect(status);
      expect(response.body.statusCode).toBe(status);
      expect([response.body.message].flat().join(' ')).toMatch(message);
    });

    it('refuses a document that is only a title with 422 saying there are no questions, and stores nothing', async () => {
      const reference = aReference();
      const response = await importText(
        `${reference}\n\nVragen van het lid Kuiken (PvdA) aan de Minister van Financiën over de toeslagen (ingezonden 1 maart 2021).`,
      ).expect(422);
      expect([response.body.message].flat().join(' ')).toMatch(/no questions found/i);
      expect((await byReference(reference)).total).toBe(0);
    });

    it('refuses an impossible date in a document with 422 naming it', async () => {
      const response = await importText(aQuestionsDocument({ submitted: '31 februari 2021' })).expect(422);
      expect([response.body.message].flat().join(' ')).toContain('31 februari 2021');
    });

    it('refuses a 10 MB document with 413', async () => {
      const response = await importText(aQuestionsDocument() + '\n' + 'x'.repeat(10 * 1024 * 1024), 'text/plain').expect(413);
      expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', message: expect.stringMatching(/too large/) });
    });

    it('lets only the desk import', async () => {
      await importText(aQuestionsDocument(), 'text/plain', await desk.tokenOf('coordinator@example.org')).expect(403);
    });
  });
});
