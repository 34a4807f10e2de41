import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { aQuestionsDocument, aReference } from './factories';

const DESK = 'desk@example.org';
const DRAFTER = 'drafter@example.org';
const DRAFTER_JENV = 'drafter.jenv@example.org';
const COORDINATOR = 'coordinator@example.org';

interface Section {
  key: string;
  title: string;
  total: number;
  items: {
    id: string;
    reference: string;
    daysLeft: number | null;
    changesRequested: boolean;
    lastRejection: { reason: string } | null;
    internalDeadlines: { draft: string | null };
  }[];
  listQuery: string;
}

// Wednesday 10 March 2021: three working days ahead is Monday 15 March.
describe('the werkvoorraad (GET /api/worklist) and the list filters the web app uses', () => {
  let desk: TestDesk;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-03-10T10:00:00+01:00'));
    for (const email of [DESK, DRAFTER, DRAFTER_JENV, COORDINATOR]) tokens.set(email, await desk.tokenOf(email));
  });
  afterAll(() => desk.close());

  function as(email: string, method: 'get' | 'post' | 'put', path: string, body?: object) {
    const call = desk.http()[method](path).auth(tokens.get(email)!, { type: 'bearer' });
    return body ? call.send(body) : call;
  }

  /** A set to the Minister of Foreign Affairs (BZ), imported by the desk. */
  async function aBzSet(submitted = '1 maart 2021') {
    const document = aQuestionsDocument({ reference: aReference(), submitted, questions: ['Bent u bekend met het bericht?', 'Wat gaat u doen?'] }).replace(
      'aan de Staatssecretaris van Volksgezondheid, Welzijn en Sport',
      'aan de Minister van Buitenlandse Zaken',
    );
    return (await as(DESK, 'post', '/api/question-sets/import').set('Content-Type', 'text/plain').send(document).expect(201)).body.questionSet;
  }

  async function worklistOf(
    email: string,
  ): Promise<{ sections: Section[]; ministries: { ministry: { code: string }; overdue: number; open: number }[]; unreadNotifications: number }> {
    return (await as(email, 'get', '/api/worklist').expect(200)).body;
  }

  const section = (worklist: { sections: Section[] }, key: string) => worklist.sections.find((s) => s.key === key)!;
  const ids = (s: Section) => s.items.map((item) => item.id);

  /**
   * The set as the whole section lists it (the section shows only its first ten; other test files
   * add sets to the same database), or undefined when the section does not hold it.
   */
  async function inSection(email: string, key: string, set: { reference: string }): Promise<Section['items'][number] | undefined> {
    const { listQuery } = section(await worklistOf(email), key);
    return (await as(email, 'get', `/api/question-sets?${listQuery}&reference=${set.reference}`).expect(200)).body.items[0];
  }

  async function assignToBzDrafter(set: { id: string; version: number }) {
    const drafter = await desk.userOf(DRAFTER);
    return as(DESK, 'post', `/api/question-sets/${set.id}/assignment`, { version: set.version, assigneeId: drafter.id })
      .expect(200)
      .then((r) => r.body);
  }

  it('gives a desk officer new sets, rejected assignments, sets that need an uitstelbericht and overdue sets, with Dutch titles', async () => {
    const worklist = await worklistOf(DESK);
    expect(worklist.sections.map((s) => [s.key, s.title])).toEqual([
      ['to-assign', 'Nieuw: toe te wijzen'],
      ['rejected', 'Toewijzing geweigerd'],
      ['needs-postponement', 'Uitstelbericht nodig'],
      ['overdue', 'Over de termijn'],
    ]);
    expect(worklist.unreadNotifications).toEqual(expect.any(Number));
    expect(worklist.ministries.length).toBeGreaterThan(0);
  });

  it('moves a set whose assignment was rejected from "to assign" to "rejected", with the reason', async () => {
    const set = await aBzSet();
    expect(await inSection(DESK, 'to-assign', set)).toMatchObject({ id: set.id, lastRejection: null });
    const assigned = await assignToBzDrafter(set);
    expect(await inSection(DESK, 'to-assign', set)).toBeUndefined();
    await as(DRAFTER, 'post', `/api/question-sets/${set.id}/assignment/reject`, { version: assigned.version, reason: 'Dit is een JenV-onderwerp.' }).expect(
      200,
    );
    expect(await inSection(DESK, 'to-assign', set)).toBeUndefined();
    const rejected = await inSection(DESK, 'rejected', set);
    expect(rejected?.lastRejection).toMatchObject({ reason: 'Dit is een JenV-onderwerp.', at: expect.any(String) });
  });

  it('lists a set in "uitstelbericht nodig" from three working days before its deadline until a postponement is registered', async () => {
    const dueMonday = await aBzSet('22 februari 2021'); // deadline Monday 15 March
    const dueWednesday = await aBzSet('24 februari 2021'); // deadline Wednesday 17 March
    expect(dueMonday.deadline).toBe('2021-03-15');
    expect(await inSection(DESK, 'needs-postponement', dueMonday)).toMatchObject({ id: dueMonday.id });
    expect(await inSection(DESK, 'needs-postponement', dueWednesday)).toBeUndefined();
    await as(DESK, 'post', `/api/question-sets/${dueMonday.id}/postponements`, {
      version: dueMonday.version,
      sentOn: '2021-03-10',
      reason: 'Afstemming.',
    }).expect(200);
    expect(await inSection(DESK, 'needs-postponement', dueMonday)).toBeUndefined();
  });

  it('gives every section a listQuery whose list has the same total (likely-late excepted: no list filter describes a forecast)', async () => {
    for (const email of [DESK, DRAFTER, COORDINATOR]) {
      for (const s of (await worklistOf(email)).sections) {
        if (s.key === 'likely-late') {
          expect(s.listQuery).toBe('');
          continue;
        }
        const page = (await as(email, 'get', `/api/question-sets?${s.listQuery}&pageSize=10`).expect(200)).body;
        expect([s.key, page.total]).toEqual([s.key, s.total]);
        expect([s.key, page.items.map((item: { id: string }) => item.id)]).toEqual([s.key, ids(s)]);
      }
    }
  });

  it('gives a drafter their own sets, those with changes requested first, with the internal draft deadline and days left', async () => {
    const first = await assignToBzDrafter(await aBzSet('26 februari 2021'));
    const second = await assignToBzDrafter(await aBzSet('1 maart 2021'));
    let accepted = (await as(DRAFTER, 'post', `/api/question-sets/${second.id}/assignment/accept`, { version: second.version }).expect(200)).body;
    accepted = (
      await as(DRAFTER, 'put', `/api/question-sets/${second.id}/answers`, {
        version: accepted.version,
        answers: [{ questionNumbers: [1, 2], text: 'Ja.' }],
      }).expect(200)
    ).body;
    accepted = (
      await as(DRAFTER, 'post', `/api/question-sets/${second.id}/transitions`, { version: accepted.version, action: 'submit-for-review' }).expect(200)
    ).body;
    await as(COORDINATOR, 'post', `/api/question-sets/${second.id}/transitions`, {
      version: accepted.version,
      action: 'request-changes',
      comment: 'Vraag 2 apart.',
    }).expect(200);

    const worklist = await worklistOf(DRAFTER);
    expect(worklist.sections.map((s) => [s.key, s.title])).toEqual([['my-sets', 'Mijn vragensets']]);
    expect(worklist.ministries).toEqual([]);
    const mine = section(worklist, 'my-sets');
    expect(mine.listQuery).toContain('assignee=me');
    const flags = mine.items.map((item) => item.changesRequested);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a))); // changes requested first
    expect(await inSection(DRAFTER, 'my-sets', second)).toMatchObject({ id: second.id, changesRequested: true, daysLeft: 12 });
    expect(await inSection(DRAFTER, 'my-sets', first)).toMatchObject({
      changesRequested: false,
      daysLeft: 9,
      internalDeadlines: { draft: expect.any(String) },
    });
    expect(await inSection(DRAFTER_JENV, 'my-sets', first)).toBeUndefined();
  });

  it('gives a coordinator review, co-signing, overdue, this week and likely late, and counts per ministry that agree with the list', async () => {
    const worklist = await worklistOf(COORDINATOR);
    expect(worklist.sections.map((s) => [s.key, s.title])).toEqual([
      ['to-review', 'Ter beoordeling'],
      ['to-co-sign', 'Wacht op medeondertekening'],
      ['overdue', 'Over de termijn'],
      ['due-this-week', 'Termijn verloopt deze week'],
      ['likely-late', 'Waarschijnlijk te laat'],
    ]);
    const bz = worklist.ministries.find((m) => m.ministry.code === 'BZ');
    expect(bz).toMatchObject({ ministry: { code: 'BZ', name: 'Buitenlandse Zaken' } });
    const total = async (query: string) => (await as(COORDINATOR, 'get', `/api/question-sets?ministry=BZ&${query}`).expect(200)).body.total;
    const open = 'status=received,assigned,drafting,in_review,co_signing,approved';
    expect(bz).toEqual({
      ministry: { code: 'BZ', name: 'Buitenlandse Zaken' },
      open: await total(open),
      overdue: await total('overdue=true'),
      overdueWithoutPostponement: await total('overdue=true&postponed=false'),
      dueThisWeek: await total(`${open}&deadlineAfter=2021-03-09&deadlineBefore=2021-03-15`),
      inReview: await total('status=in_review'),
      coSigning: await total('status=co_signing'),
    });
    expect(bz?.open).toBeGreaterThan(0);
  });

  it('filters the list by chamber, postponementMissing and assignee, and refuses values it does not know', async () => {
    const ek = (await as(DESK, 'get', '/api/question-sets?chamber=EK&pageSize=100').expect(200)).body;
    expect(ek.items.every((item: { chamber: string }) => item.chamber === 'EK')).toBe(true);
    const tk = (await as(DESK, 'get', '/api/question-sets?chamber=TK&pageSize=1').expect(200)).body;
    const all = (await as(DESK, 'get', '/api/question-sets?pageSize=1').expect(200)).body;
    expect(ek.total + tk.total).toBe(all.total);

    const missing = (await as(COORDINATOR, 'get', '/api/question-sets?postponementMissing=true&pageSize=100').expect(200)).body;
    expect(missing.total).toBeGreaterThan(0);
    expect(missing.items.every((item: { postponementMissing: boolean }) => item.postponementMissing)).toBe(true);
    const notMissing = (await as(COORDINATOR, 'get', '/api/question-sets?postponementMissing=false&pageSize=1').expect(200)).body;
    expect(missing.total + notMissing.total).toBe(all.total);

    const drafter = await desk.userOf(DRAFTER);
    const mine = (await as(DRAFTER, 'get', '/api/question-sets?assignee=me&pageSize=100').expect(200)).body;
    const byId = (await as(DESK, 'get', `/api/question-sets?assignee=${drafter.id}&pageSize=100`).expect(200)).body;
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((item: { assignee: { id: string } }) => item.assignee.id === drafter.id)).toBe(true);
    expect(byId.total).toBe(mine.total);

    const refused = (await as(DESK, 'get', '/api/question-sets?chamber=XX&postponementMissing=maybe&assignee=someone').expect(400)).body;
    expect(refused.message).toEqual(
      expect.arrayContaining(['chamber must be one of TK, EK', 'postponementMissing must be true or false', 'assignee must be "me" or a user id']),
    );
  });

  it('lists the active drafters of a ministry for the assign form (desk, coordinator, admin only)', async () => {
    const drafters = (await as(DESK, 'get', '/api/ministries/BZ/drafters').expect(200)).body;
    expect(drafters).toContainEqual({ id: (await desk.userOf(DRAFTER)).id, name: 'Bregje Buitenland', email: DRAFTER });
    expect(drafters.map((d: { email: string }) => d.email)).not.toContain(DRAFTER_JENV);
    const jenv = (await as(COORDINATOR, 'get', '/api/ministries/JenV/drafters').expect(200)).body;
    expect(jenv.map((d: { email: string }) => d.email)).toContain(DRAFTER_JENV);
    await as(DRAFTER, 'get', '/api/ministries/BZ/drafters').expect(403);
    const unknown = (await as(DESK, 'get', '/api/ministries/XYZ/drafters').expect(404)).body;
    expect(unknown.message).toMatch(/There is no ministry "XYZ"/);
  });
});
