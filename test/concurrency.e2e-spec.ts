import { AccountsService } from '@question-desk/accounts';
import { Client } from 'pg';
import { DEMO_PASSWORD, ensureDemoData, startDesk, type TestDesk } from './desk';
import { aQuestionsDocument, aReference } from './factories';

describe('concurrent edits', () => {
  let desk: TestDesk;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-03-10T10:00:00+01:00'));
    const accounts = desk.app.get(AccountsService);
    const email = `second.drafter.${Date.now()}@example.org`;
    await accounts.create({ email, name: 'Tweede Tekstschrijver', password: DEMO_PASSWORD, roles: ['drafter'], ministryCode: 'BZ' });
    for (const [name, address] of Object.entries({
      desk: 'desk@example.org',
      drafter: 'drafter@example.org',
      second: email,
      coordinator: 'coordinator@example.org',
    })) {
      tokens[name] = await desk.tokenOf(address);
    }
  });
  afterAll(() => desk.close());

  const call = (who: string, method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const request = desk.http()[method](`/api/question-sets${path}`).auth(tokens[who], { type: 'bearer' });
    return body ? request.send(body) : request;
  };

  async function aSetBeingDrafted() {
    const document = aQuestionsDocument({ reference: aReference(), submitted: '1 maart 2021' }).replace(
      'aan de Staatssecretaris van Volksgezondheid, Welzijn en Sport',
      'aan de Minister van Buitenlandse Zaken',
    );
    let set = (await call('desk', 'post', '/import').set('Content-Type', 'text/plain').send(document).expect(201)).body.questionSet;
    const drafter = await desk.userOf('drafter@example.org');
    set = (await call('desk', 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafter.id }).expect(200)).body;
    return (await call('drafter', 'post', `/${set.id}/assignment/accept`, { version: set.version }).expect(200)).body;
  }

  it('lets exactly one of two drafters saving the same version win; the other gets 409 and no revision is lost', async () => {
    const set = await aSetBeingDrafted();
    const [first, second] = await Promise.all([
      call('drafter', 'put', `/${set.id}/answers`, { version: set.version, answers: [{ questionNumbers: [1, 2], text: 'Versie van de eerste.' }] }),
      call('second', 'put', `/${set.id}/answers`, { version: set.version, answers: [{ questionNumbers: [1, 2], text: 'Versie van de tweede.' }] }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const [winner, loser] = first.status === 200 ? [first, second] : [second, first];
    expect(loser.body).toMatchObject({ statusCode: 409, currentVersion: winner.body.version });
    const revisions = (await call('coordinator', 'get', `/${set.id}/revisions`).expect(200)).body;
    expect(revisions).toHaveLength(1);
    expect(revisions[0].answers[0].text).toBe(winner.body.answers[0].text);
    // The loser reloads, sees the winner's text, and saves on top of it: both revisions are kept.
    await call(loser === first ? 'drafter' : 'second', 'put', `/${set.id}/answers`, {
      version: winner.body.version,
      answers: [{ questionNumbers: [1, 2], text: 'Samen herschreven.' }],
    }).expect(200);
    expect((await call('coordinator', 'get', `/${set.id}/revisions`).expect(200)).body).toHaveLength(2);
  });

  it('lets one of ten simultaneous saves of the same version through, never two', async () => {
    const set = await aSetBeingDrafted();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(i % 2 ? 'drafter' : 'second', 'put', `/${set.id}/answers`, { version: set.version, answers: [{ questionNumbers: [1, 2], text: `Poging ${i}` }] }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const after = (await call('coordinator', 'get', `/${set.id}`).expect(200)).body;
    expect(after.version).toBe(set.version + 1);
    expect((await call('coordinator', 'get', `/${set.id}/revisions`).expect(200)).body).toHaveLength(1);
  });

  it('decides a race between approving and requesting changes: one wins, the trail shows only it', async () => {
    let set = await aSetBeingDrafted();
    set = (await call('drafter', 'put', `/${set.id}/answers`, { version: set.version, answers: [{ questionNumbers: [1, 2], text: 'Ja.' }] }).expect(200)).body;
    set = (await call('drafter', 'post', `/${set.id}/transitions`, { version: set.version, action: 'submit-for-review' }).expect(200)).body;
    const outcomes = await Promise.all([
      call('coordinator', 'post', `/${set.id}/transitions`, { version: set.version, action: 'approve' }),
      call('coordinator', 'post', `/${set.id}/transitions`, { version: set.version, action: 'request-changes', comment: 'Nog niet.' }),
    ]);
    expect(outcomes.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = (await call('coordinator', 'get', `/${set.id}/events`).expect(200)).body.map((e: { type: string }) => e.type);
    expect(events.filter((type: string) => type === 'approve' || type === 'request-changes')).toHaveLength(1);
  });
});

describe('the audit trail', () => {
  it('cannot be changed or deleted, even with SQL', async () => {
    await ensureDemoData();
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM audit_event')).rows;
      expect(count).toBeGreaterThan(0);
      await expect(client.query(`UPDATE audit_event SET actor_name = 'someone else'`)).rejects.toThrow(/audit events are append-only: UPDATE is not allowed/);
      await expect(client.query('DELETE FROM audit_event')).rejects.toThrow(/append-only: DELETE is not allowed/);
      await expect(client.query('TRUNCATE audit_event')).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
      expect((await client.query('SELECT count(*)::int AS count FROM audit_event')).rows[0].count).toBe(count);
    } finally {
      await client.end();
    }
  });
});
