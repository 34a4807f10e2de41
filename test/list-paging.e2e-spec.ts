/** Issue 12.1: list totals say whether they are exact, and keyset paging (after=nextCursor) walks the same order as pages. */
import { randomBytes } from 'node:crypto';
import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { anIntake } from './factories';

describe('list paging at any depth', () => {
  let desk: TestDesk;
  let token: string;
  const member = `Lid ${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk();
    token = await desk.tokenOf('desk@example.org');
    // Seven sets of one member, two pairs on the same day (their order then follows the id).
    for (const submittedOn of ['2021-03-01', '2021-03-01', '2021-02-01', '2021-04-01', '2021-04-01', '2021-01-15', '2021-05-01']) {
      await desk
        .http()
        .post('/api/question-sets')
        .set('Authorization', `Bearer ${token}`)
        .send(anIntake({ submittedOn, submitters: [{ name: member, party: 'SP' }] }))
        .expect(201);
    }
  });
  afterAll(() => desk.close());

  const list = async (query: string) =>
    (
      await desk
        .http()
        .get(`/api/question-sets?submitter=${encodeURIComponent(member)}&${query}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    ).body as { items: { id: string }[]; total: number; totalExact: boolean; nextCursor: string | null };

  for (const sort of ['deadline', '-deadline', '-submittedOn', '-daysOverdue']) {
    it(`follows nextCursor through the same sets in the same order as the pages (sort=${sort})`, async () => {
      const whole = await list(`sort=${sort}&pageSize=100`);
      expect(whole).toMatchObject({ total: 7, totalExact: true, nextCursor: null });
      const walked: string[] = [];
      let page = await list(`sort=${sort}&pageSize=3`);
      walked.push(...page.items.map((i) => i.id));
      for (let k = 0; page.nextCursor && k < 5; k++) {
        page = await list(`sort=${sort}&pageSize=3&after=${page.nextCursor}`);
        walked.push(...page.items.map((i) => i.id));
      }
      expect(walked).toEqual(whole.items.map((i) => i.id));
      const byPage = [...(await list(`sort=${sort}&pageSize=3&page=2`)).items, ...(await list(`sort=${sort}&pageSize=3&page=3`)).items];
      expect(byPage.map((i) => i.id)).toEqual(whole.items.slice(3).map((i) => i.id));
    });
  }

  it('refuses a cursor it did not make with 400 and says what to pass', async () => {
    const response = await desk.http().get('/api/question-sets?after=not-a-cursor').set('Authorization', `Bearer ${token}`).expect(400);
    expect(JSON.stringify(response.body.message)).toMatch(/after must be the nextCursor of an earlier page/);
  });
});
