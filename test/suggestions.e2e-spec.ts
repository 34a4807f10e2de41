import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { aReference } from './factories';

interface Suggestion {
  questionSetId: string;
  reference: string | null;
  appendixNumber: string | null;
  subject: string | null;
  answeredOn: string | null;
  question: { number: number; text: string };
  answer: { questionNumbers: number[]; text: string };
  score: number;
}

/** Question 3 of appendix 2290, as the members asked it. */
const ETHNIC_PROFILING =
  'Vindt u het acceptabel dat bedrijven investeren in technologie die specifiek is gericht op het identificeren van bepaalde etnische groepen? Is dit naar uw mening verenigbaar met mensenrechten en maatschappelijk verantwoord ondernemen?';

/** Answered questions and answers as published, by a minister of `department`. */
function anAnsweredDocument(options: { department: string; minister: string; member: string; questions: { text: string; answer: string }[] }): string {
  return [
    aReference(2021),
    '',
    `Vragen van het lid **${options.member}** (SP) aan de Minister van ${options.department} over *het gebruik van technologie door bedrijven* (ingezonden 2 februari 2021).`,
    '',
    `Antwoord van Minister **${options.minister}** (${options.department}) (ontvangen 16 februari 2021).`,
    '',
    ...options.questions.flatMap(({ text, answer }, i) => [`**Vraag ${i + 1}**`, '', text, '', `**Antwoord ${i + 1}**`, '', answer, '']),
  ].join('\n');
}

describe('earlier answers to similar questions', () => {
  let desk: TestDesk;
  let token: string;
  let appendix2290: { id: string };
  let chineseSurveillance: { id: string };
  let repeated: { id: string };

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-06-01T10:00:00+02:00'));
    token = await desk.tokenOf('desk@example.org');
    const find = async (query: Record<string, string>) =>
      (await desk.http().get('/api/question-sets').query(query).auth(token, { type: 'bearer' }).expect(200)).body.items[0];
    appendix2290 = await find({ submitter: 'Buitenweg' });
    chineseSurveillance = await find({ reference: '2020Z25656' });
    // An answered set of the Ministry of Economic Affairs that asked question 3 of 2290 again, word
    // for word, beside two questions about something else.
    const imported = await desk
      .http()
      .post('/api/question-sets/import')
      .auth(token, { type: 'bearer' })
      .set('Content-Type', 'text/markdown')
      .send(
        anAnsweredDocument({
          department: 'Economische Zaken en Klimaat',
          minister: 'Wiebes',
          member: 'Leijten',
          questions: [
            { text: 'Hoeveel windturbines staan er op dit moment op de Noordzee?', answer: 'Op dit moment staan er ruim vijfhonderd.' },
            { text: ETHNIC_PROFILING, answer: 'Nee. Het kabinet spreekt bedrijven daarop aan.' },
            { text: 'Wanneer wordt het nieuwe windpark bij IJmuiden aangesloten?', answer: 'In 2023.' },
          ],
        }),
      )
      .expect(201);
    repeated = imported.body.questionSet;
    expect(imported.body.questionSet).toMatchObject({ status: 'answered', leadMinistry: { code: 'EZK' } });
  });
  afterAll(() => desk.close());

  const suggestions = (setId: string, number: string | number, query: Record<string, string | number> = {}, as = token) =>
    desk.http().get(`/api/question-sets/${setId}/questions/${number}/suggestions`).query(query).auth(as, { type: 'bearer' });

  it('finds for question 3 of appendix 2290 the combined answer to questions 3, 4 and 5 of 2020Z25656', async () => {
    const drafterBZ = await desk.tokenOf('drafter@example.org');
    const { body } = await suggestions(appendix2290.id, 3, {}, drafterBZ).expect(200);
    const [best]: Suggestion[] = body;
    expect(best).toMatchObject({
      questionSetId: chineseSurveillance.id,
      reference: '2020Z25656',
      appendixNumber: null,
      subject: 'Chinese surveillanceapparatuur',
      answeredOn: '2021-04-13',
      question: { number: 3, text: expect.stringMatching(/^Is dergelijke herkenningssoftware, gericht op een bepaalde bevolkingsgroep/) },
      answer: { questionNumbers: [3, 4, 5], text: expect.stringMatching(/^Het gebruik van gezichtsherkenningssoftware is op zichzelf geen schending/) },
    });
    expect(best.score).toBeGreaterThan(0);
    expect(best.score).toBeLessThan(1);
  });

  it('ranks best first: the same question asked again scores 1, then the answer on the same subject, then the rest', async () => {
    const { body }: { body: Suggestion[] } = await suggestions(appendix2290.id, 3, { limit: 20 }).expect(200);
    expect(body[0]).toMatchObject({
      questionSetId: repeated.id,
      question: { number: 2, text: ETHNIC_PROFILING },
      answer: { questionNumbers: [2], text: 'Nee. Het kabinet spreekt bedrijven daarop aan.' },
      score: 1,
    });
    expect(body[1]).toMatchObject({ reference: '2020Z25656', answer: { questionNumbers: [3, 4, 5] } });
    const scores = body.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
    // Clearly ahead of every other answer of the same set (those about Huawei, camera's, export …).
    const otherAnswers = body.filter((s) => s.reference === '2020Z25656' && !s.answer.questionNumbers.includes(3));
    expect(otherAnswers.length).toBeGreaterThan(0);
    expect(body[1].score - Math.max(...otherAnswers.map((s) => s.score))).toBeGreaterThan(0.05);
    // Each answer once, however many of its questions match; never the set itself; windturbines share no word.
    expect(new Set(body.map((s) => `${s.questionSetId} ${s.answer.questionNumbers.join(',')}`)).size).toBe(body.length);
    expect(body.some((s) => s.questionSetId === appendix2290.id)).toBe(false);
    expect(body.some((s) => /windturbines|windpark/.test(s.question.text))).toBe(false);
  });

  it('finds the earlier answer from the other side too, and only among answered sets', async () => {
    const { body }: { body: Suggestion[] } = await suggestions(chineseSurveillance.id, 3, { limit: 20 }).expect(200);
    expect(body.some((s) => s.questionSetId === chineseSurveillance.id)).toBe(false);
    expect(body.some((s) => s.reference === '2019Z15244')).toBe(false); // still open: no answer to reuse
    expect(body.map((s) => s.appendixNumber)).toContain('2290');
  });

  it('gives `limit` suggestions, 5 unless asked', async () => {
    expect((await suggestions(appendix2290.id, 3).expect(200)).body.length).toBeLessThanOrEqual(5);
    expect((await suggestions(appendix2290.id, 3, { limit: 1 }).expect(200)).body).toHaveLength(1);
  });

  it('suggests only answers from sets the viewer may see', async () => {
    // drafter.jenv sees 2290 (JenV co-signs it), but neither 2020Z25656 (BZ) nor the repeat (EZK).
    const drafterJenV = await desk.tokenOf('drafter.jenv@example.org');
    const { body }: { body: Suggestion[] } = await suggestions(appendix2290.id, 3, { limit: 20 }, drafterJenV).expect(200);
    expect(body.some((s) => s.questionSetId === chineseSurveillance.id || s.questionSetId === repeated.id)).toBe(false);
    const drafterBZ = await desk.tokenOf('drafter@example.org');
    const forBZ: Suggestion[] = (await suggestions(appendix2290.id, 3, { limit: 20 }, drafterBZ).expect(200)).body;
    expect(forBZ.some((s) => s.questionSetId === repeated.id)).toBe(false);
    await suggestions(repeated.id, 2, {}, drafterBZ).expect(404);
  });

  it('answers 404 for an unknown set or question number, 400 for a number or limit that is not one', async () => {
    await suggestions('7d0f8a3c-2f6e-4a51-9d1e-0c2b8f7a6e11', 1).expect(404);
    const unknown = await suggestions(appendix2290.id, 99).expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.stringContaining('has no question 99') });
    for (const number of ['0', '-1', '1.5', 'drie', '99999999999999999999']) {
      const bad = await suggestions(appendix2290.id, number).expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, message: expect.stringContaining('positive whole number') });
    }
    for (const limit of ['0', '21', 'veel', '2.5']) {
      const bad = await suggestions(appendix2290.id, 3, { limit }).expect(400);
      expect(bad.body.message).toEqual([expect.stringContaining('limit must be a whole number from 1 to 20')]);
    }
    await suggestions('not-an-id', 3).expect(400);
  });

  it('is in the API description, with its limit', async () => {
    const { body } = await desk.http().get('/api/docs-json').expect(200);
    const operation = body.paths['/api/question-sets/{id}/questions/{number}/suggestions'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['id', 'limit', 'number']);
    expect(Object.keys(body.components.schemas.SuggestionDto.properties).sort()).toEqual(
      ['answer', 'answeredOn', 'appendixNumber', 'question', 'questionSetId', 'reference', 'score', 'subject'].sort(),
    );
  });
});
