import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { typesetFromText, typesetPdf, typesetWord } from './documents/typeset';
import { aQuestionsDocument, aReference } from './factories';

describe('importing a document by upload (multipart/form-data, field "file")', () => {
  let desk: TestDesk;
  let token: string;

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-06-01T10:00:00+02:00'));
    token = await desk.tokenOf('desk@example.org');
  });
  afterAll(() => desk.close());

  const upload = (content: string | Buffer, filename: string) =>
    desk.http().post('/api/question-sets/import').auth(token, { type: 'bearer' }).attach('file', Buffer.from(content), filename);

  it('creates a set from an uploaded .md file (201), and the same file again changes nothing (200, same id)', async () => {
    const reference = aReference();
    const document = aQuestionsDocument({ reference, submitted: '3 maart 2021' });
    const first = await upload(document, 'vragen.md').expect(201);
    expect(first.body).toMatchObject({ created: true, questionSet: { reference, submittedOn: '2021-03-03', status: 'received' } });
    const again = await upload(document, 'vragen.md').expect(200);
    expect(again.body).toMatchObject({ created: false, questionSet: { id: first.body.questionSet.id } });
  });

  it('reads a .txt file with a byte order mark', async () => {
    const reference = aReference();
    const response = await upload(`\uFEFF${aQuestionsDocument({ reference })}`, 'Kamervragen.TXT').expect(201);
    expect(response.body.questionSet.reference).toBe(reference);
  });

  it('creates a set from an uploaded PDF, running heads, page numbers and footnotes out of the way; the same PDF again changes nothing', async () => {
    const reference = aReference();
    const text = aQuestionsDocument({
      reference,
      questions: [
        'Bent u bekend met het bericht over wachtlijsten in de jeugdzorg?<sup>1</sup>',
        ...Array.from(
          { length: 12 },
          (_, i) => `Hoeveel kinderen wachten in regio ${i + 1} langer dan drie maanden op de hulp die zij nodig hebben, en wat doet u daaraan?`,
        ),
      ],
    }).concat('\n\n<sup>1</sup> https://nos.nl/artikel/2371234-wachtlijsten-jeugdzorg\n');
    const pdf = await typesetPdf(typesetFromText(text), { runningHead: 'Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel' });
    const first = await upload(pdf, 'Kamervragen jeugdzorg.pdf').expect(201);
    expect(first.body).toMatchObject({
      created: true,
      warnings: [],
      questionSet: { reference, submitters: [{ name: 'Kuiken', party: 'PvdA' }], status: 'received' },
    });
    const set = (await desk.http().get(`/api/question-sets/${first.body.questionSet.id}`).auth(token, { type: 'bearer' }).expect(200)).body;
    expect(set.questions).toHaveLength(13);
    expect(set.questions[0]).toEqual({
      number: 1,
      text: 'Bent u bekend met het bericht over wachtlijsten in de jeugdzorg?',
      footnotes: [{ marker: '1', text: 'https://nos.nl/artikel/2371234-wachtlijsten-jeugdzorg', position: 64 }],
    });
    expect(set.questions[12].text).toBe('Hoeveel kinderen wachten in regio 12 langer dan drie maanden op de hulp die zij nodig hebben, en wat doet u daaraan?');
    const again = await upload(pdf, 'Kamervragen jeugdzorg.pdf').expect(200);
    expect(again.body).toMatchObject({ created: false, questionSet: { id: first.body.questionSet.id } });
  });

  it('completes a set from an uploaded Word file of its answers (200)', async () => {
    const reference = aReference();
    await upload(aQuestionsDocument({ reference }), 'vragen.md').expect(201);
    const answers = [
      'Antwoord van staatssecretaris Blokhuis (Volksgezondheid, Welzijn en Sport) (ontvangen 24 maart 2021)',
      reference,
      'Antwoord 1',
      'Ja.',
      'Antwoord 2',
      'Ongeveer 4.000 kinderen.<sup>1</sup>',
      '<sup>1</sup> https://www.cbs.nl/jeugdzorg-2020',
    ].join('\n\n');
    const response = await upload(await typesetWord(typesetFromText(answers)), 'Antwoorden.docx').expect(200);
    expect(response.body).toMatchObject({ created: false, questionSet: { reference, answeredOn: '2021-03-24', answeredBy: 'Blokhuis', status: 'answered' } });
    const set = (await desk.http().get(`/api/question-sets/${response.body.questionSet.id}`).auth(token, { type: 'bearer' }).expect(200)).body;
    expect(set.answers[1]).toEqual({
      questionNumbers: [2],
      text: 'Ongeveer 4.000 kinderen.',
      footnotes: [{ marker: '1', text: 'https://www.cbs.nl/jeugdzorg-2020', position: 24 }],
    });
  });

  it('refuses a file the desk does not read with 415 saying how to save it, and a file that is not what its name says with 422', async () => {
    const doc = await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'vragen.doc').expect(415);
    expect(doc.body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message:
        '"vragen.doc" is an old Word document (.doc), which the desk cannot read. Open it in Word and save it as .docx (Word-document), then import that.',
    });
    const word = await typesetWord(typesetFromText(aQuestionsDocument()));
    const renamed = await upload(word, 'vragen.pdf').expect(422);
    expect(renamed.body.message).toBe(
      '"vragen.pdf" is called a PDF but is a Word document (.docx). Give it the extension .docx (or export it again as a PDF) and import it again.',
    );
    const damaged = await upload('%PDF-1.7 …', 'vragen.pdf').expect(422);
    expect(damaged.body.message).toContain('"vragen.pdf" could not be read as a PDF: it is damaged or not a real PDF.');
    const pdfAsText = await upload(await typesetPdf(typesetFromText(aQuestionsDocument())), 'vragen.txt').expect(422);
    expect(pdfAsText.body.message).toContain('"vragen.txt" is called a text file but is a PDF. Give it the extension .pdf');
  });

  it('refuses a file larger than DOCUMENT_MAX_BYTES with 413', async () => {
    const response = await upload('x'.repeat(2 * 1024 * 1024 + 1), 'groot.txt').expect(413);
    expect(response.body.statusCode).toBe(413);
  });

  it('asks for the file when the form has none (400), and shows a document it cannot read as 422', async () => {
    const empty = await desk.http().post('/api/question-sets/import').auth(token, { type: 'bearer' }).field('note', 'x').expect(400);
    expect(empty.body.message).toBe('Choose a file: send the document in the multipart field "file".');
    const unreadable = await upload('Alleen een titel', 'titel.txt').expect(422);
    expect(unreadable.body.statusCode).toBe(422);
  });

  it('takes an upload from a browser session with the X-Requested-With header', async () => {
    const login = await desk.http().post('/api/auth/login').send({ email: 'desk@example.org', password: 'demo-password' }).expect(200);
    const cookie = ([] as string[])
      .concat(login.headers['set-cookie'])
      .find((c) => c.startsWith('qd_session='))!
      .split(';')[0];
    const document = aQuestionsDocument({ reference: aReference() });
    await desk.http().post('/api/question-sets/import').set('Cookie', cookie).attach('file', Buffer.from(document), 'vragen.md').expect(403);
    await desk
      .http()
      .post('/api/question-sets/import')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'question-desk')
      .attach('file', Buffer.from(document), 'vragen.md')
      .expect(201);
  });
});
