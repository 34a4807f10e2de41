import { ensureDemoData, startDesk, type TestDesk } from './desk';
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

  it('refuses a file that is not .txt or .md with 415 naming it', async () => {
    const response = await upload('%PDF-1.7 …', 'vragen.pdf').expect(415);
    expect(response.body).toMatchObject({ statusCode: 415, message: expect.stringContaining('"vragen.pdf" is not a .txt or .md file') });
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
