/**
 * Issue 12.1: a drafter's lists read the sets of their ministry through `involved_ministries`,
 * which the database keeps. Whatever the workflow does — intake with co-signers, assignment with
 * other co-signers, co-signers removed, a transfer — each drafter's list, count, search, overdue
 * list and detail show exactly the sets their ministry leads or co-signs, no more and no fewer.
 */
import { randomBytes } from 'node:crypto';
import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { anIntake } from './factories';

const DESK = 'desk@example.org';
const DRAFTER_BZ = 'drafter@example.org';
const DRAFTER_JENV = 'drafter.jenv@example.org';

interface SetBody {
  id: string;
  version: number;
  leadMinistry: { code: string } | null;
  coSigningMinistries: { code: string }[];
}

describe("a drafter's lists follow the workflow", () => {
  let desk: TestDesk;
  const tag = randomBytes(4).toString('hex');
  const member = `Lid ${tag}`;
  // One word of every subject below, for the full-text search.
  const word = `grensoverschrijdend${tag}`;
  const sets: Record<'a' | 'b' | 'c', SetBody> = {} as never;

  const tokens = new Map<string, string>();
  const as = (email: string, method: 'get' | 'post', path: string, body?: object) => {
    const call = desk.http()[method](`/api/question-sets${path}`).auth(tokens.get(email)!, { type: 'bearer' });
    return body ? call.send(body) : call;
  };

  /** Which of a, b, c `email` finds in each list that reads sets, checked to agree: the list, its total, the overdue list by days overdue, the search, the detail. */
  const seenBy = async (email: string): Promise<string[]> => {
    const names = (items: { id: string }[]) =>
      items.map((item) => Object.entries(sets).find(([, set]) => set.id === item.id)?.[0] ?? `unknown ${item.id}`).sort();
    const list = (await as(email, 'get', `?submitter=${encodeURIComponent(member)}&pageSize=100`).expect(200)).body;
    const seen = names(list.items);
    expect({ total: list.total, totalExact: list.totalExact }).toEqual({ total: seen.length, totalExact: true });
    const overdue = (await as(email, 'get', `?submitter=${encodeURIComponent(member)}&overdue=true&sort=-daysOverdue&pageSize=100`).expect(200)).body;
    expect(names(overdue.items)).toEqual(seen);
    const search = (await as(email, 'get', `?q=${word}&pageSize=100`).expect(200)).body;
    expect(names(search.items)).toEqual(seen);
    for (const [name, set] of Object.entries(sets)) {
      await as(email, 'get', `/${set.id}`).expect(seen.includes(name) ? 200 : 404);
    }
    return seen;
  };

  const step = async (path: string, set: 'a' | 'b' | 'c', body: object) => {
    const response = await as(DESK, 'post', `/${sets[set].id}/${path}`, { version: sets[set].version, ...body });
    expect({ status: response.status, problems: response.status === 200 ? undefined : response.body }).toEqual({ status: 200 });
    sets[set] = response.body;
  };

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk();
    for (const email of [DESK, DRAFTER_BZ, DRAFTER_JENV]) tokens.set(email, await desk.tokenOf(email));
    // Submitted in 2021: all three are long overdue.
    const intake = async (leadMinistry: string, coSigningMinistries: string[]) =>
      (
        await as(
          DESK,
          'post',
          '',
          anIntake({ subject: `Het bericht over ${word} toezicht`, submitters: [{ name: member, party: 'SP' }], leadMinistry, coSigningMinistries }),
        ).expect(201)
      ).body as SetBody;
    sets.a = await intake('BZ', []);
    sets.b = await intake('VWS', ['BZ']);
    sets.c = await intake('JenV', ['OCW']);
  }, 120_000);
  afterAll(() => desk.close());

  it('shows each drafter the sets their ministry leads or co-signs, and the desk all of them', async () => {
    expect(await seenBy(DRAFTER_BZ)).toEqual(['a', 'b']);
    expect(await seenBy(DRAFTER_JENV)).toEqual(['c']);
    expect(await seenBy(DESK)).toEqual(['a', 'b', 'c']);
  });

  it('follows an assignment that changes the lead ministry and the co-signers', async () => {
    const bz = await desk.userOf(DRAFTER_BZ);
    const jenv = await desk.userOf(DRAFTER_JENV);
    // b: VWS led with BZ co-signing; now BZ leads and JenV co-signs.
    await step('assignment', 'b', { leadMinistry: 'BZ', coSigningMinistries: ['JenV'], assigneeId: bz.id });
    expect(sets.b).toMatchObject({ leadMinistry: { code: 'BZ' }, coSigningMinistries: [{ code: 'JenV' }] });
    // c: BZ added as a co-signer.
    await step('assignment', 'c', { coSigningMinistries: ['BZ', 'OCW'], assigneeId: jenv.id });
    expect(await seenBy(DRAFTER_BZ)).toEqual(['a', 'b', 'c']);
    expect(await seenBy(DRAFTER_JENV)).toEqual(['b', 'c']);
  });

  it('follows co-signers removed by a new assignment', async () => {
    const jenv = await desk.userOf(DRAFTER_JENV);
    await step('assignment', 'c', { coSigningMinistries: [], assigneeId: jenv.id });
    expect(sets.c.coSigningMinistries).toEqual([]);
    expect(await seenBy(DRAFTER_BZ)).toEqual(['a', 'b']);
    expect(await seenBy(DRAFTER_JENV)).toEqual(['b', 'c']);
  });

  it('follows a transfer to another ministry, which also drops that ministry as a co-signer', async () => {
    // a: from BZ to JenV.
    await step('assignment/transfer', 'a', { toMinistry: 'JenV', reason: 'Valt onder JenV.' });
    // b: BZ led, JenV co-signing: to JenV, which is then the lead only.
    await step('assignment/transfer', 'b', { toMinistry: 'JenV', reason: 'Valt onder JenV.' });
    expect(sets.b).toMatchObject({ leadMinistry: { code: 'JenV' }, coSigningMinistries: [] });
    expect(await seenBy(DRAFTER_BZ)).toEqual([]);
    expect(await seenBy(DRAFTER_JENV)).toEqual(['a', 'b', 'c']);
    expect(await seenBy(DESK)).toEqual(['a', 'b', 'c']);
  });
});
