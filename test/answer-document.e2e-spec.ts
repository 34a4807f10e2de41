import { NestFactory } from '@nestjs/core';
import { AccountsService } from '@question-desk/accounts';
import { createTestDatabase, dropTestDatabase } from '@question-desk/database';
import { documentText } from '@question-desk/documents';
import type { Response } from 'superagent';
import { DESK_SCHEMA } from '@question-desk/schema';
import { CliModule } from '../apps/cli/src/cli.module';
import { DEMO_PASSWORD, ensureDemoData, startDesk, type TestDesk } from './desk';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Collects a binary answer as a Buffer (supertest's parser for a body it does not know). */
function binary(response: Response, done: (error: Error | null, body: unknown) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

interface SetBody {
  id: string;
  reference: string | null;
  appendixNumber: string | null;
  status: string;
  questions: { number: number; text: string; footnotes: { text: string; position?: number }[] }[];
  answers: { questionNumbers: number[]; text: string; footnotes: { text: string; position?: number }[] }[];
  [field: string]: unknown;
}

const DEMO_SETS: { name: string; query: Record<string, string>; filename: string }[] = [
  { name: '2020Z25656', query: { reference: '2020Z25656' }, filename: '2020Z25656-antwoorden.md' },
  { name: 'appendix 2290', query: { submitter: 'Buitenweg' }, filename: '2290-antwoorden.md' },
  { name: '2019Z15244', query: { reference: '2019Z15244' }, filename: '2019Z15244-antwoorden.md' },
];

describe('the answer document', () => {
  let desk: TestDesk;
  let token: string;

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-06-01T10:00:00+02:00'));
    token = await desk.tokenOf('desk@example.org');
  });
  afterAll(() => desk.close());

  const demoSet = async (query: Record<string, string>, as = token): Promise<SetBody> => {
    const list = await desk.http().get('/api/question-sets').query(query).auth(as, { type: 'bearer' }).expect(200);
    const [item] = list.body.items;
    return (await desk.http().get(`/api/question-sets/${item.id}`).auth(as, { type: 'bearer' }).expect(200)).body;
  };
  const answerDocument = (id: string, as = token) => desk.http().get(`/api/question-sets/${id}/answer-document`).auth(as, { type: 'bearer' });

  it('gives the answers of 2020Z25656 as markdown in the published layout, with a file name', async () => {
    const set = await demoSet({ reference: '2020Z25656' });
    const response = await answerDocument(set.id).expect(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('inline; filename="2020Z25656-antwoorden.md"');
    expect(response.text).toContain(
      'Vragen van het lid **Van Helvert** (CDA) aan de Minister van Buitenlandse Zaken over *Chinese surveillanceapparatuur* (ingezonden 22 december 2020).\n\nAntwoord van Minister **Blok** (Buitenlandse Zaken) (ontvangen 13 april 2021).',
    );
    expect(response.text).toMatch(
      /\*\*Vraag 3\*\*\n\n.+\n\n\*\*Vraag 4\*\*\n\n.+\n\n\*\*Vraag 5\*\*\n\n.+\n\n\*\*Antwoord op vraag 3, 4 en 5\*\*\n\nHet gebruik van gezichtsherkenningssoftware/,
    );
    expect(response.text).toContain('testte?<sup>1</sup>');
    expect(response.text).not.toContain('Concept');
  });

  it('names the co-signers of appendix 2290 after "mede namens", in the order the questions name them', async () => {
    const set = await demoSet({ submitter: 'Buitenweg' });
    const response = await answerDocument(set.id).expect(200);
    expect(response.headers['content-disposition']).toBe('inline; filename="2290-antwoorden.md"');
    expect(response.text).toContain('## 2290\n\nVragen van de leden **Van den Nieuwenhuijzen** en **Buitenweg** (beiden GroenLinks) aan de Ministers voor');
    expect(response.text).toContain(
      'Antwoord van Minister **Kaag** (Buitenlandse Handel en Ontwikkelingssamenwerking), mede namens de Minister van Justitie en Veiligheid en de Staatssecretaris van Economische Zaken en Klimaat (ontvangen 9 april 2021).',
    );
  });

  it('labels a set that is not answered yet "Concept"', async () => {
    const set = await demoSet({ reference: '2019Z15244' });
    const response = await answerDocument(set.id).expect(200);
    expect(response.text).toContain('**Concept — deze antwoorden zijn nog niet verzonden**');
    expect(response.text).not.toContain('ontvangen');
  });

  it('answers 404 to whoever may not see the set, as every read does, and 400 for an id that is none', async () => {
    const set = await demoSet({ reference: '2020Z25656' });
    const drafterJenV = await desk.tokenOf('drafter.jenv@example.org');
    const hidden = await answerDocument(set.id, drafterJenV).expect(404);
    expect(hidden.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await answerDocument('7d0f8a3c-2f6e-4a51-9d1e-0c2b8f7a6e11').expect(404);
    await answerDocument('not-an-id').expect(400);
    const drafterBZ = await desk.tokenOf('drafter@example.org');
    await answerDocument(set.id, drafterBZ).expect(200);
  });

  it('is in the API description', async () => {
    const { body } = await desk.http().get('/api/docs-json').expect(200);
    const operation = body.paths['/api/question-sets/{id}/answer-document'].get;
    expect(Object.keys(operation.responses['200'].content)).toEqual(['text/markdown', WORD]);
  });

  it('gives a Word document when the Accept header asks for one, footnotes as Word footnotes where they stood', async () => {
    const set = await demoSet({ reference: '2020Z25656' });
    const response = await answerDocument(set.id).set('Accept', WORD).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe(WORD);
    expect(response.headers['content-disposition']).toBe('attachment; filename="2020Z25656-antwoorden.docx"');
    const docx = response.body as Buffer;
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const { text } = await documentText({ name: 'antwoorden.docx', bytes: docx });
    expect(text).toContain('Bent u bekend met het bericht dat Huawei software voor de herkenning van gezichten van Oeigoeren testte?<sup>1</sup>');
    expect(text).toContain('<sup>1</sup> https://www.rtlnieuws.nl/tech/artikel/5202012/huawei-testte-software-voor-herkenning-gezichten-oeigoeren');
    // Without the header, or preferring markdown, it stays markdown.
    expect((await answerDocument(set.id).set('Accept', `text/markdown, ${WORD};q=0.5`).expect(200)).headers['content-type']).toBe(
      'text/markdown; charset=utf-8',
    );
  });

  describe.each(['markdown', 'word'] as const)('round trip (%s): imported into a fresh desk, the documents give the same sets', (format) => {
    const databaseUrl = process.env.DATABASE_URL;
    let freshUrl: string;
    let fresh: TestDesk;
    let freshToken: string;

    beforeAll(async () => {
      freshUrl = await createTestDatabase(databaseUrl!, DESK_SCHEMA, `roundtrip_${format}`);
      process.env.DATABASE_URL = freshUrl;
      const context = await NestFactory.createApplicationContext(CliModule, { logger: false });
      try {
        await context.get(AccountsService).create({ email: 'desk@example.org', name: 'Desk', password: DEMO_PASSWORD, roles: ['desk'], ministryCode: null });
      } finally {
        await context.close();
      }
      fresh = await startDesk(new Date('2021-06-01T10:00:00+02:00'));
      freshToken = await fresh.tokenOf('desk@example.org');
    });
    afterAll(async () => {
      await fresh?.close();
      process.env.DATABASE_URL = databaseUrl;
      if (freshUrl) await dropTestDatabase(freshUrl);
    });

    /** What the document must carry over, as the API shows it. */
    const essentials = (set: SetBody) => ({
      reference: set.reference,
      appendixNumber: set.appendixNumber,
      chamber: set.chamber,
      subject: set.subject,
      submitters: set.submitters,
      addressees: set.addressees,
      submittedOn: set.submittedOn,
      statutoryDeadline: set.statutoryDeadline,
      answeredOn: set.answeredOn,
      answeredBy: set.answeredBy,
      answeredByPost: set.answeredByPost,
      leadMinistry: set.leadMinistry,
      coSigningMinistries: set.coSigningMinistries,
      explanatoryNote: set.explanatoryNote,
      status: set.status,
      questions: set.questions.map(({ number, text, footnotes }) => ({ number, text, footnotes: footnotes.map((f) => [f.text, f.position]) })),
      answers: set.answers.map(({ questionNumbers, text, footnotes }) => ({ questionNumbers, text, footnotes: footnotes.map((f) => [f.text, f.position]) })),
    });

    it.each(DEMO_SETS)('$name: same submitters, dates, questions and answers', async ({ query, filename }) => {
      const original = await demoSet(query);
      let imported;
      if (format === 'markdown') {
        const document = await answerDocument(original.id).expect(200);
        expect(document.headers['content-disposition']).toBe(`inline; filename="${filename}"`);
        imported = await fresh
          .http()
          .post('/api/question-sets/import')
          .auth(freshToken, { type: 'bearer' })
          .set('Content-Type', 'text/markdown; charset=utf-8')
          .send(document.text)
          .expect(201);
      } else {
        const document = await answerDocument(original.id).set('Accept', WORD).buffer(true).parse(binary).expect(200);
        const wordName = filename.replace(/\.md$/, '.docx');
        expect(document.headers['content-disposition']).toBe(`attachment; filename="${wordName}"`);
        imported = await fresh
          .http()
          .post('/api/question-sets/import')
          .auth(freshToken, { type: 'bearer' })
          .attach('file', document.body as Buffer, wordName)
          .expect(201);
      }
      expect(imported.body).toMatchObject({ created: true, warnings: [] });
      const copy: SetBody = (await fresh.http().get(`/api/question-sets/${imported.body.questionSet.id}`).auth(freshToken, { type: 'bearer' }).expect(200))
        .body;

      expect(essentials(copy)).toEqual(essentials(original));
      expect(copy.answers.length).toBe(original.status === 'answered' ? original.answers.length : 0);
    });

    it('the fresh desk holds the three sets and nothing else', async () => {
      const list = await fresh.http().get('/api/question-sets').auth(freshToken, { type: 'bearer' }).expect(200);
      expect(list.body.total).toBe(3);
    });
  });
});
