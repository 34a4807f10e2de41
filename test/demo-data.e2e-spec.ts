import { daysBetween } from '@question-desk/deadlines';
import { ensureDemoData, startDesk, type TestDesk } from './desk';

/** `npm start` on an empty database: the three sets of the sample documents' README, exactly. */
describe('the demo data', () => {
  let desk: TestDesk;
  let token: string;
  const today = '2026-11-23';

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date(`${today}T10:00:00+01:00`));
    token = await desk.tokenOf('desk@example.org');
  });
  afterAll(() => desk.close());

  async function findOne(query: Record<string, string>) {
    const list = await desk.http().get('/api/question-sets').query(query).auth(token, { type: 'bearer' }).expect(200);
    expect(list.body.items).toHaveLength(1);
    const detail = await desk.http().get(`/api/question-sets/${list.body.items[0].id}`).auth(token, { type: 'bearer' }).expect(200);
    return detail.body;
  }

  it('2020Z25656: Van Helvert (CDA), answered by Blok 91 days late, with answers to 3, 4 and 5 combined', async () => {
    const set = await findOne({ reference: '2020Z25656' });
    expect(set).toMatchObject({
      reference: '2020Z25656',
      chamber: 'TK',
      subject: 'Chinese surveillanceapparatuur',
      submittedOn: '2020-12-22',
      submitters: [{ name: 'Van Helvert', party: 'CDA' }],
      addressees: ['Minister van Buitenlandse Zaken'],
      leadMinistry: { code: 'BZ', name: 'Buitenlandse Zaken' },
      coSigningMinistries: [],
      statutoryDeadline: '2021-01-12',
      deadline: '2021-01-12',
      answeredOn: '2021-04-13',
      answeredBy: 'Blok',
      status: 'answered',
      overdue: false,
      postponementMissing: false,
      daysOverdue: 91,
    });
    expect(set.questions).toHaveLength(15);
    expect(set.questions[0]).toMatchObject({
      number: 1,
      text: 'Bent u bekend met het bericht dat Huawei software voor de herkenning van gezichten van Oeigoeren testte?',
    });
    expect(set.answers.map((a: { questionNumbers: number[] }) => a.questionNumbers)).toEqual([
      [1],
      [2],
      [3, 4, 5],
      [6],
      [7],
      [8],
      [9],
      [10],
      [11],
      [12],
      [13],
      [14],
      [15],
    ]);
    expect(set.answers[0].text).toBe('Ja.');
  });

  it('appendix 2290: Van den Nieuwenhuijzen and Buitenweg (GroenLinks), answered by Kaag 63 days late, co-signed by JenV and EZK', async () => {
    const [found] = (await desk.http().get('/api/question-sets').query({ submitter: 'Buitenweg' }).auth(token, { type: 'bearer' }).expect(200)).body.items;
    const set = (await desk.http().get(`/api/question-sets/${found.id}`).auth(token, { type: 'bearer' }).expect(200)).body;
    expect(set).toMatchObject({
      reference: null,
      appendixNumber: '2290',
      submittedOn: '2021-01-15',
      submitters: [
        { name: 'Van den Nieuwenhuijzen', party: 'GroenLinks' },
        { name: 'Buitenweg', party: 'GroenLinks' },
      ],
      addressees: [
        'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
        'Minister van Justitie en Veiligheid',
        'Staatssecretaris van Economische Zaken en Klimaat',
      ],
      leadMinistry: { code: 'BZ' },
      coSigningMinistries: [{ code: 'EZK' }, { code: 'JenV' }],
      statutoryDeadline: '2021-02-05',
      deadline: '2021-02-05',
      answeredOn: '2021-04-09',
      answeredBy: 'Kaag',
      status: 'answered',
      overdue: false,
      daysOverdue: 63,
    });
    expect(set.questions).toHaveLength(9);
    expect(set.answers).toHaveLength(9);
  });

  it('2019Z15244: Sjoerdsma (D66), still open and long overdue, with no postponement sent', async () => {
    const set = await findOne({ reference: '2019Z15244' });
    expect(set).toMatchObject({
      submittedOn: '2019-07-18',
      submitters: [{ name: 'Sjoerdsma', party: 'D66' }],
      addressees: ['Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking'],
      leadMinistry: { code: 'BZ' },
      statutoryDeadline: '2019-08-08',
      deadline: '2019-08-08',
      answeredOn: null,
      answeredBy: null,
      status: 'received',
      overdue: true,
      postponementMissing: true,
      daysOverdue: daysBetween('2019-08-08', today),
      relatedReferences: ['2019Z15131'],
      answers: [],
    });
    expect(set.questions).toHaveLength(10);
    expect(set.explanatoryNote).toMatch(/^Deze vragen dienen ter aanvulling op eerdere vragen/);
  });

  it('keeps the trail of each document: the questions registered the set, the answers completed it', async () => {
    const set = await findOne({ reference: '2020Z25656' });
    const events = await desk.http().get(`/api/question-sets/${set.id}/events`).auth(token, { type: 'bearer' }).expect(200);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['registered', 'answers-imported']);
    expect(events.body[0]).toMatchObject({ actor: 'system', details: { via: 'import', document: 'questions' } });
    expect(events.body[1].details).toMatchObject({
      before: { status: 'received', answeredOn: null },
      after: { status: 'answered', answeredOn: '2021-04-13', answeredBy: 'Blok' },
    });
  });

  it('each member appears on one set only: five documents made three sets', async () => {
    for (const submitter of ['Van Helvert', 'Buitenweg', 'Van den Nieuwenhuijzen', 'Sjoerdsma']) {
      const list = await desk.http().get('/api/question-sets').query({ submitter }).auth(token, { type: 'bearer' }).expect(200);
      expect({ submitter, total: list.body.total }).toEqual({ submitter, total: 1 });
    }
  });
});
