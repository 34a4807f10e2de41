import ICAL from 'ical.js';
import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { anIntake, aReference } from './factories';

const DESK = 'desk@example.org';
const DRAFTER_JENV = 'drafter.jenv@example.org';
const COORDINATOR = 'coordinator@example.org';

interface Entry {
  uid: string;
  date: string;
  isDate: boolean;
  summary: string;
  url: string;
}

/** The feed read back with ical.js: its all-day entries by UID. */
function entriesOf(text: string): Map<string, Entry> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const entries = new Map<string, Entry>();
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    entries.set(event.uid, {
      uid: event.uid,
      date: event.startDate.toString(),
      isDate: event.startDate.isDate,
      summary: event.summary,
      url: String(component.getFirstPropertyValue('url')),
    });
  }
  return entries;
}

/** The path of a feed's address, for the test's own server. */
const pathOf = (url: string) => new URL(url).pathname;

describe('the deadline calendar (POST /api/me/calendar, GET /api/calendar/<secret>.ics)', () => {
  let desk: TestDesk;
  const tokens = new Map<string, string>();
  const reference = aReference();
  let set: { id: string; version: number; deadline: string; internalDeadlines: { draft: string } };

  const as = (email: string, method: 'get' | 'post' | 'delete', path: string, body?: object) => {
    const call = desk.http()[method](path).auth(tokens.get(email)!, { type: 'bearer' });
    return body ? call.send(body) : call;
  };
  const feed = async (url: string) => {
    const response = await desk.http().get(pathOf(url)).buffer(true).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return entriesOf(response.text);
  };

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-04-20T10:00:00+02:00'));
    for (const email of [DESK, DRAFTER_JENV, COORDINATOR]) tokens.set(email, await desk.tokenOf(email));
    const created = (await as(DESK, 'post', '/api/question-sets', anIntake({ reference, subject: 'Agenda-onderwerp', submittedOn: '2021-04-12' })).expect(201))
      .body;
    const drafter = await desk.userOf(DRAFTER_JENV);
    set = (await as(DESK, 'post', `/api/question-sets/${created.id}/assignment`, { version: created.version, assigneeId: drafter.id }).expect(200)).body;
  });
  afterAll(() => desk.close());

  it('gives a desk officer all-day entries of the deadlines in force, with reference, subject and a link to the set', async () => {
    expect((await as(DESK, 'get', '/api/me/calendar').expect(200)).body).toEqual({ active: false, createdAt: null });
    const made = (await as(DESK, 'post', '/api/me/calendar').expect(201)).body;
    expect(made).toMatchObject({ active: true, url: expect.stringMatching(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/) });
    expect((await as(DESK, 'get', '/api/me/calendar').expect(200)).body).toEqual({ active: true, createdAt: made.createdAt });

    const entry = (await feed(made.url)).get(`${set.id}-deadline@vragendesk`)!;
    expect(entry).toEqual({
      uid: `${set.id}-deadline@vragendesk`,
      // A date, not a moment: the same day in every time zone (the test runs in Kiritimati, UTC+14).
      date: set.deadline,
      isDate: true,
      summary: `Termijn: ${reference} — Agenda-onderwerp`,
      url: expect.stringMatching(new RegExp(`/vragensets/${set.id}$`)),
    });
    const raw = (await desk.http().get(pathOf(made.url)).expect(200)).text;
    expect(raw).toContain(`DTSTART;VALUE=DATE:${set.deadline.replace(/-/g, '')}`);
  });

  it('moves the entry (same UID) when a postponement moves the deadline', async () => {
    const made = (await as(COORDINATOR, 'post', '/api/me/calendar').expect(201)).body;
    expect((await feed(made.url)).get(`${set.id}-deadline@vragendesk`)?.date).toBe(set.deadline);
    const current = (await as(DESK, 'get', `/api/question-sets/${set.id}`).expect(200)).body;
    const postponed = (
      await as(DESK, 'post', `/api/question-sets/${set.id}/postponements`, {
        version: current.version,
        sentOn: '2021-04-20',
        newDeadline: '2021-05-25',
        reason: 'Afstemming met andere ministeries',
      }).expect(200)
    ).body;
    expect(postponed.deadline).toBe('2021-05-25');
    const entries = await feed(made.url);
    expect(entries.get(`${set.id}-deadline@vragendesk`)?.date).toBe('2021-05-25');
    expect([...entries.keys()].filter((uid) => uid.startsWith(set.id))).toHaveLength(1);
  });

  it('gives a drafter the internal deadlines of the sets assigned to them', async () => {
    const made = (await as(DRAFTER_JENV, 'post', '/api/me/calendar').expect(201)).body;
    const current = (await as(DRAFTER_JENV, 'get', `/api/question-sets/${set.id}`).expect(200)).body;
    const entries = await feed(made.url);
    expect(entries.get(`${set.id}-draft@vragendesk`)).toMatchObject({
      date: current.internalDeadlines.draft,
      isDate: true,
      summary: `Concept klaar: ${reference} — Agenda-onderwerp`,
    });
    expect(entries.has(`${set.id}-deadline@vragendesk`)).toBe(false);
  });

  it('refuses the old address once the secret is renewed, and every address once it is stopped', async () => {
    const first = (await as(DESK, 'post', '/api/me/calendar').expect(201)).body;
    const renewed = (await as(DESK, 'post', '/api/me/calendar').expect(201)).body;
    expect(renewed.url).not.toBe(first.url);
    const refused = await desk.http().get(pathOf(first.url)).expect(404);
    expect(refused.body).toMatchObject({ statusCode: 404, message: expect.stringContaining('renewed or revoked') });
    await feed(renewed.url);
    await as(DESK, 'delete', '/api/me/calendar').expect(204);
    await desk.http().get(pathOf(renewed.url)).expect(404);
    expect((await as(DESK, 'get', '/api/me/calendar').expect(200)).body).toEqual({ active: false, createdAt: null });
    await desk.http().get('/api/calendar/not-a-secret.ics').expect(404);
    await desk.http().get('/api/me/calendar').expect(401);
  });
});
