import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { aQuestionsDocument, aReference } from './factories';

/**
 * The whole permission matrix: every role tries every workflow step on a set in the status that
 * step needs. Only the roles the contract names succeed; the others get 403, or 404 where the
 * set is not theirs to see.
 */
const DESK = 'desk@example.org';
const DRAFTER = 'drafter@example.org'; // BZ: the lead ministry of the sets below
const DRAFTER_JENV = 'drafter.jenv@example.org'; // JenV: co-signs the sets below
const COORDINATOR = 'coordinator@example.org';
const ADMIN = 'admin@example.org';
const EVERYONE = [DESK, DRAFTER, DRAFTER_JENV, COORDINATOR, ADMIN];

type Status = 'received' | 'assigned' | 'drafting' | 'drafted' | 'in_review' | 'co_signing' | 'approved';

interface Row {
  step: string;
  method: 'post' | 'put';
  path: string;
  status: Status;
  body: Record<string, unknown>;
  allowed: string[];
}

const MATRIX: Row[] = [
  { step: 'assign', method: 'post', path: 'assignment', status: 'received', body: { assigneeId: 'drafter' }, allowed: [DESK] },
  { step: 'accept', method: 'post', path: 'assignment/accept', status: 'assigned', body: {}, allowed: [DRAFTER] },
  { step: 'reject', method: 'post', path: 'assignment/reject', status: 'assigned', body: { reason: 'Niet ons onderwerp.' }, allowed: [DRAFTER] },
  { step: 'transfer', method: 'post', path: 'assignment/transfer', status: 'received', body: { toMinistry: 'VWS', reason: 'Zorgonderwerp.' }, allowed: [DESK] },
  { step: 'save-draft', method: 'put', path: 'answers', status: 'drafting', body: { answers: [{ questionNumbers: [1, 2], text: 'Ja.' }] }, allowed: [DRAFTER] },
  { step: 'submit-for-review', method: 'post', path: 'transitions', status: 'drafted', body: { action: 'submit-for-review' }, allowed: [DRAFTER] },
  {
    step: 'request-changes',
    method: 'post',
    path: 'transitions',
    status: 'in_review',
    body: { action: 'request-changes', comment: 'Korter.' },
    allowed: [COORDINATOR],
  },
  { step: 'approve', method: 'post', path: 'transitions', status: 'in_review', body: { action: 'approve' }, allowed: [COORDINATOR] },
  {
    step: 'co-sign',
    method: 'post',
    path: 'transitions',
    status: 'co_signing',
    body: { action: 'co-sign', ministry: 'JenV' },
    allowed: [DRAFTER_JENV, COORDINATOR],
  },
  {
    step: 'mark-answered',
    method: 'post',
    path: 'transitions',
    status: 'approved',
    body: { action: 'mark-answered', answeredOn: '2021-03-09' },
    allowed: [DESK],
  },
  { step: 'withdraw', method: 'post', path: 'transitions', status: 'drafting', body: { action: 'withdraw' }, allowed: [DESK] },
  {
    step: 'postpone',
    method: 'post',
    path: 'postponements',
    status: 'received',
    body: { sentOn: '2021-03-10', reason: 'Afstemming.' },
    allowed: [DESK, COORDINATOR],
  },
];

const ORDER: Status[] = ['received', 'assigned', 'drafting', 'drafted', 'in_review', 'co_signing', 'approved'];

/** Who brings a set to each status, and how. */
const STEPS: Record<Exclude<Status, 'received'>, (drafterId: string) => [string, 'post' | 'put', string, object]> = {
  assigned: (drafterId) => [DESK, 'post', 'assignment', { assigneeId: drafterId }],
  drafting: () => [DRAFTER, 'post', 'assignment/accept', {}],
  drafted: () => [DRAFTER, 'put', 'answers', { answers: [{ questionNumbers: [1, 2], text: 'Ja.' }] }],
  in_review: () => [DRAFTER, 'post', 'transitions', { action: 'submit-for-review' }],
  co_signing: () => [COORDINATOR, 'post', 'transitions', { action: 'approve' }],
  approved: () => [DRAFTER_JENV, 'post', 'transitions', { action: 'co-sign' }],
};

/** Routes a drafter may call at all; on the others the role check answers before the set is looked up. */
const DRAFTER_ROUTES = ['assignment/accept', 'assignment/reject', 'answers', 'transitions'];

describe('the permission matrix', () => {
  let desk: TestDesk;
  const tokens = new Map<string, string>();
  let drafterId: string;

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-03-10T10:00:00+01:00'));
    for (const email of EVERYONE) tokens.set(email, await desk.tokenOf(email));
    drafterId = (await desk.userOf(DRAFTER)).id;
  });
  afterAll(() => desk.close());

  /** The row's body with the set's version, and the real drafter id where the row assigns. */
  const bodyOf = (row: Row, version: number) => ({ version, ...row.body, ...(row.body.assigneeId ? { assigneeId: drafterId } : {}) });

  const call = (email: string, method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const request = desk.http()[method](`/api/question-sets${path}`).auth(tokens.get(email)!, { type: 'bearer' });
    return body ? request.send(body) : request;
  };

  /** A set led by BZ and co-signed by JenV, brought to `status` by the people whose step it is. */
  async function aSetIn(status: Status, addressees = 'aan de Ministers van Buitenlandse Zaken en van Justitie en Veiligheid') {
    const document = aQuestionsDocument({ reference: aReference(), submitted: '1 maart 2021' }).replace(
      'aan de Staatssecretaris van Volksgezondheid, Welzijn en Sport',
      addressees,
    );
    let set = (await call(DESK, 'post', '/import').set('Content-Type', 'text/plain').send(document).expect(201)).body.questionSet;
    for (const next of ORDER.slice(1, ORDER.indexOf(status) + 1)) {
      const [email, method, path, body] = STEPS[next as Exclude<Status, 'received'>](drafterId);
      set = (await call(email, method, `/${set.id}/${path}`, { version: set.version, ...body }).expect(200)).body;
    }
    return set;
  }

  describe.each(MATRIX)('$step (from $status)', (row) => {
    const forbidden = EVERYONE.filter((email) => !row.allowed.includes(email));
    const body = (version: number) => bodyOf(row, version);

    it.each(forbidden)('refuses %s with 403, changing nothing', async (email) => {
      const set = await aSetIn(row.status);
      const response = await call(email, row.method, `/${set.id}/${row.path}`, body(set.version)).expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.stringMatching(/^Only /) });
      const after = (await call(DESK, 'get', `/${set.id}`).expect(200)).body;
      expect({ status: after.status, version: after.version }).toEqual({ status: set.status, version: set.version });
    });

    it.each(row.allowed)('lets %s do it', async (email) => {
      const set = await aSetIn(row.status);
      const response = await call(email, row.method, `/${set.id}/${row.path}`, body(set.version)).expect(200);
      expect(response.body.version).toBeGreaterThan(set.version);
    });
  });

  it('hides a set from drafters of other ministries: 404 on reading and on every step', async () => {
    const set = await aSetIn('received', 'aan de Minister van Volksgezondheid, Welzijn en Sport');
    for (const email of [DRAFTER, DRAFTER_JENV]) {
      await call(email, 'get', `/${set.id}`).expect(404);
      await call(email, 'get', `/${set.id}/events`).expect(404);
      await call(email, 'get', `/${set.id}/revisions`).expect(404);
      for (const row of MATRIX) {
        const response = await call(email, row.method, `/${set.id}/${row.path}`, bodyOf(row, set.version));
        const expected = DRAFTER_ROUTES.includes(row.path) ? 404 : 403;
        expect({ email, step: row.step, status: response.status }).toEqual({ email, step: row.step, status: expected });
      }
    }
  });
});
