import { Client } from 'pg';
import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { aReference, anIntake } from './factories';

const DESK = 'desk@example.org';
const COORDINATOR = 'coordinator@example.org';
const DRAFTER = 'drafter@example.org';
const ADMIN = 'admin@example.org';
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const dutch = (date: string) => `${Number(date.slice(8))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

interface Row {
  ministry?: { code: string };
  party?: string;
  month?: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  onTimeRate: number | null;
  medianDaysToAnswer: number | null;
  p90DaysToAnswer: number | null;
  lateWithoutPostponement: number;
  postponements: number;
  postponementsPerSet: number | null;
  open: number | null;
  overdue: number | null;
}

/**
 * The statistics over HTTP on a hand-counted data set: seven LNV sets submitted in January and
 * February 2038 (a year no other test uses), one answered on its statutory deadline day, one
 * postponed and answered late, one answered late without postponement, one answered early, one
 * withdrawn, two still open (one past its statutory deadline).
 */
describe('statistics (GET /api/statistics, /trend, /parties, /days-to-answer)', () => {
  let desk: TestDesk;
  const tokens = new Map<string, string>();
  const PERIOD = 'from=2038-01-01&to=2038-02-28';
  let before: { ministry: Row | undefined; trend: Row[] };
  const sets: Record<string, { id: string; version: number; submittedOn: string; statutoryDeadline: string }> = {};

  const as = (email: string, method: 'get' | 'post', path: string, body?: object) => {
    const call = desk.http()[method](path).auth(tokens.get(email)!, { type: 'bearer' });
    return body ? call.send(body) : call;
  };
  const lnv = async (email = DESK) =>
    ((await as(email, 'get', `/api/statistics?${PERIOD}`).expect(200)).body as Row[]).find((row) => row.ministry?.code === 'LNV');
  const trend = async () => (await as(DESK, 'get', `/api/statistics/trend?${PERIOD}`).expect(200)).body as Row[];

  async function intake(name: string, submittedOn: string, party: string) {
    const body = anIntake({
      reference: aReference(2038),
      submittedOn,
      leadMinistry: 'LNV',
      addressees: ['Minister van Landbouw, Natuur en Voedselkwaliteit'],
      submitters: [{ name: `Lid ${name}`, party }],
    });
    const created = (await as(DESK, 'post', '/api/question-sets', body).expect(201)).body;
    sets[name] = created;
    return created;
  }

  async function answer(name: string, on: string) {
    const set = sets[name];
    const reference = (await as(DESK, 'get', `/api/question-sets/${set.id}`).expect(200)).body.reference as string;
    const document = [
      `Antwoord van minister Testbeeld (Landbouw, Natuur en Voedselkwaliteit) (ontvangen ${dutch(on)})`,
      '',
      `Vragen van het lid Lid ${name} aan de Minister van Landbouw, Natuur en Voedselkwaliteit over gezichtsherkenning (ingezonden ${dutch(set.submittedOn)}). ${reference}`,
      '',
      'Vraag 1',
      'Bent u bekend met het bericht dat gemeenten gezichtsherkenning gebruiken?',
      '',
      'Antwoord 1',
      'Ja.',
      '',
      'Vraag 2',
      'Welke wettelijke grondslag hebben gemeenten daarvoor?',
      '',
      'Antwoord 2',
      'Geen.',
    ].join('\n');
    const answered = (await as(DESK, 'post', '/api/question-sets/import').set('Content-Type', 'text/plain').send(document).expect(200)).body.questionSet;
    expect(answered).toMatchObject({ status: 'answered', answeredOn: on });
  }

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2038-03-01T10:00:00+01:00'));
    for (const email of [DESK, COORDINATOR, DRAFTER, ADMIN]) tokens.set(email, await desk.tokenOf(email));
    // Open sets of other tests count in "open" at the end of the period: count them first, compare after.
    before = { ministry: await lnv(), trend: await trend() };

    await intake('A', '2038-01-04', 'Testpartij Noord');
    await intake('B', '2038-01-05', 'Testpartij Noord');
    await intake('C', '2038-01-06', 'Testpartij Noord');
    await intake('D', '2038-01-07', 'Testpartij Zuid');
    await intake('E', '2038-01-11', 'Testpartij Zuid');
    await intake('F', '2038-02-10', 'Testpartij Zuid');
    await intake('G', '2038-01-20', 'Testpartij Zuid');
    await answer('A', sets.A.statutoryDeadline); // on the deadline day: on time
    const b = (await as(DESK, 'get', `/api/question-sets/${sets.B.id}`).expect(200)).body;
    await as(DESK, 'post', `/api/question-sets/${sets.B.id}/postponements`, {
      version: b.version,
      sentOn: '2038-01-20',
      newDeadline: '2038-02-16',
      reason: 'Afstemming met andere departementen.',
    }).expect(200);
    await answer('B', '2038-02-09'); // postponed, late against the statutory deadline
    await answer('C', '2038-02-03'); // late, no postponement
    const d = (await as(DESK, 'get', `/api/question-sets/${sets.D.id}`).expect(200)).body;
    await as(DESK, 'post', `/api/question-sets/${sets.D.id}/transitions`, { version: d.version, action: 'withdraw', reason: 'Ingetrokken.' }).expect(200);
    await answer('E', '2038-01-20'); // early
  });
  afterAll(() => desk.close());

  it('counts the period per lead ministry by hand: received, answered, on time (the deadline day included), days, postponements', async () => {
    expect(sets.B.statutoryDeadline < '2038-02-03').toBe(true);
    expect(sets.E.statutoryDeadline > '2038-01-20').toBe(true);
    const days = [daysBetween(sets.A.submittedOn, sets.A.statutoryDeadline), 35, 28, 9].sort((x, y) => x - y);
    const row = (await lnv())!;
    expect(row).toMatchObject({
      ministry: { code: 'LNV', name: 'Landbouw, Visserij, Voedselzekerheid en Natuur' },
      received: 7 + (before.ministry?.received ?? 0),
      answered: 4,
      answeredOnTime: 2,
      onTimeRate: 0.5,
      lateWithoutPostponement: 1,
      postponements: 1,
      postponementsPerSet: 0.14,
    });
    expect(before.ministry?.received ?? 0).toBe(0);
    expect(row.medianDaysToAnswer).toBe((days[1] + days[2]) / 2);
    expect(row.p90DaysToAnswer).toBeCloseTo(days[2] + 0.7 * (days[3] - days[2]), 1);
    // Open at the end of the period: F and G (D is withdrawn, B and C were answered by then); G is past its statutory deadline.
    expect(row.open! - (before.ministry?.open ?? 0)).toBe(2);
    expect(row.overdue! - (before.ministry?.overdue ?? 0)).toBe(1);
  });

  it('gives the same per month: received by submission month, answered by answer month, open and overdue at each month end', async () => {
    const months = await trend();
    expect(months.map((m) => m.month)).toEqual(['2038-01', '2038-02']);
    expect(months[0]).toMatchObject({ received: 6, answered: 2, answeredOnTime: 2, lateWithoutPostponement: 0, postponements: 1, onTimeRate: 1 });
    expect(months[1]).toMatchObject({ received: 1, answered: 2, answeredOnTime: 0, lateWithoutPostponement: 1, postponements: 0, onTimeRate: 0 });
    // End of January: B, C and G open, B and C past their statutory deadline; end of February: F and G, G overdue.
    expect(months[0].open! - before.trend[0].open!).toBe(3);
    expect(months[0].overdue! - before.trend[0].overdue!).toBe(2);
    expect(months[1].open! - before.trend[1].open!).toBe(2);
    expect(months[1].overdue! - before.trend[1].overdue!).toBe(1);
  });

  it('gives the same per submitting party', async () => {
    const parties = (await as(DESK, 'get', `/api/statistics/parties?${PERIOD}`).expect(200)).body as Row[];
    expect(parties.find((p) => p.party === 'Testpartij Noord')).toMatchObject({
      received: 3,
      answered: 3,
      answeredOnTime: 1,
      lateWithoutPostponement: 1,
      open: 0,
    });
    expect(parties.find((p) => p.party === 'Testpartij Zuid')).toMatchObject({ received: 4, answered: 1, answeredOnTime: 1, open: 2, overdue: 1 });
  });

  it('downloads the figures per ministry, per month and per party as CSV for Dutch Excel, with the same numbers', async () => {
    const csv = async (path: string) => {
      const response = await as(DESK, 'get', `${path}?${PERIOD}&format=csv`).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toMatch(/attachment; filename="statistiek-per-/);
      const text = response.text;
      expect(text.startsWith('\uFEFF')).toBe(true);
      return text
        .slice(1)
        .trim()
        .split(/\r?\n/)
        .map((line) => line.split(';'));
    };
    const [header, ...rows] = await csv('/api/statistics');
    expect(header.slice(0, 5)).toEqual(['Ministerie', 'Naam ministerie', 'Ontvangen', 'Beantwoord', 'Op tijd beantwoord']);
    const lnvRow = rows.find((r) => r[0] === 'LNV')!;
    expect(lnvRow.slice(2, 6)).toEqual(['7', '4', '2', '0,5']);
    const [monthHeader, ...months] = await csv('/api/statistics/trend');
    expect(monthHeader[0]).toBe('Maand');
    expect(months.map((m) => m[0])).toEqual(['2038-01', '2038-02']);
    const [, ...parties] = await csv('/api/statistics/parties');
    expect(parties.find((p) => p[0] === 'Testpartij Zuid')?.slice(1, 3)).toEqual(['4', '1']);
  });

  it('puts the answered sets in weekly bins of days to answer', async () => {
    const bins = (await as(DESK, 'get', `/api/statistics/days-to-answer?${PERIOD}`).expect(200)).body as { fromDays: number; answered: number }[];
    expect(bins).toHaveLength(13);
    expect(bins.reduce((n, bin) => n + bin.answered, 0)).toBe(4);
    expect(bins.find((bin) => bin.fromDays === 7)).toMatchObject({ answered: 1, answeredOnTime: 1 }); // E: 9 days
    expect(bins.find((bin) => bin.fromDays === 35)).toMatchObject({ answered: 1, answeredOnTime: 0 }); // B: 35 days
  });

  it('shows a viewer with a ministry only their own ministry', async () => {
    const admin = await desk.userOf(ADMIN);
    expect(admin).toBeDefined();
    await as(ADMIN, 'post', '/api/users', {
      email: 'coordinator.lnv@example.org',
      name: 'Coördinator LNV',
      password: 'een-lang-wachtwoord-2038',
      roles: ['coordinator'],
      ministry: 'LNV',
    }).expect(201);
    const login = await desk.http().post('/api/auth/login').send({ email: 'coordinator.lnv@example.org', password: 'een-lang-wachtwoord-2038' }).expect(200);
    tokens.set('coordinator.lnv@example.org', login.body.accessToken);
    const own = (await as('coordinator.lnv@example.org', 'get', `/api/statistics?${PERIOD}`).expect(200)).body as Row[];
    expect(own.map((row) => row.ministry!.code)).toEqual(['LNV']);
    const bz = (await as(DRAFTER, 'get', `/api/statistics?${PERIOD}`).expect(200)).body as Row[];
    expect(bz.every((row) => row.ministry!.code === 'BZ')).toBe(true);
    const parties = (await as(DRAFTER, 'get', `/api/statistics/parties?${PERIOD}`).expect(200)).body as Row[];
    expect(parties.find((p) => p.party === 'Testpartij Noord')).toBeUndefined();
  });

  it('refuses a period that is not one with 400 naming it', async () => {
    const reversed = await as(DESK, 'get', '/api/statistics?from=2038-03-01&to=2038-01-01').expect(400);
    expect(reversed.body.message).toMatch(/from \(2038-03-01\) must not lie after to/);
    await as(DESK, 'get', '/api/statistics?from=2038-02-30').expect(400);
    const long = await as(DESK, 'get', '/api/statistics/trend?from=2000-01-01&to=2038-01-01').expect(400);
    expect(long.body.message).toMatch(/at most 120/);
    await as(DRAFTER, 'get', '/api/statistics/forecast/back-test').expect(403);
  });

  it('keeps what it counts of each set in step with the workflow: answered, postponed, withdrawn, transferred', async () => {
    // A set submitted after the period (so the hand counts above stay as they are), transferred to BZ.
    const h = await intake('H', '2038-03-01', 'Testpartij Oost');
    await as(DESK, 'post', `/api/question-sets/${h.id}/assignment/transfer`, { version: h.version, toMinistry: 'BZ', reason: 'Dit hoort bij BZ.' }).expect(200);
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const counted = async (name: string) =>
        (
          await db.query(
            `SELECT status, lead_ministry_code AS lead, to_char(answered_on, 'YYYY-MM-DD') AS "answeredOn", postponements, parties
               FROM question_set_statistic WHERE question_set_id = $1`,
            [sets[name].id],
          )
        ).rows[0];
      expect(await counted('A')).toEqual({
        status: 'answered',
        lead: 'LNV',
        answeredOn: sets.A.statutoryDeadline,
        postponements: 0,
        parties: ['Testpartij Noord'],
      });
      expect(await counted('B')).toMatchObject({ status: 'answered', answeredOn: '2038-02-09', postponements: 1 });
      expect(await counted('D')).toMatchObject({ status: 'withdrawn', answeredOn: null, postponements: 0 });
      expect(await counted('H')).toEqual({ status: 'received', lead: 'BZ', answeredOn: null, postponements: 0, parties: ['Testpartij Oost'] });
      // And every set of the database (those of other tests too) as its tables say.
      const drift = await db.query(`
        (SELECT * FROM question_set_statistic EXCEPT SELECT * FROM question_set_statistic_source)
        UNION ALL (SELECT * FROM question_set_statistic_source EXCEPT SELECT * FROM question_set_statistic)`);
      expect(drift.rows).toEqual([]);
    } finally {
      await db.end();
    }
  });
});

/**
 * The warning before late on a history with known behaviour: 300 Defensie sets submitted over a
 * year, 80 % of them answered after their statutory deadline (30–49 days), the rest in time (5–19).
 */
describe('the warning before late (lateRisk, the werkvoorraad, the back-test)', () => {
  let desk: TestDesk;
  let db: Client;
  const tokens = new Map<string, string>();
  const as = (email: string, path: string) => desk.http().get(path).auth(tokens.get(email)!, { type: 'bearer' });

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2040-06-01T10:00:00+02:00'));
    for (const email of [DESK, COORDINATOR, DRAFTER]) tokens.set(email, await desk.tokenOf(email));
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await db.query(`
      INSERT INTO question_set (reference, subject, submitted_on, lead_ministry_code, status, statutory_deadline, deadline, answered_on, answered_by)
      SELECT format('2039Z%s', 80000 + i), 'Geschiedenis ' || i, s.submitted, 'Def',
             CASE WHEN s.submitted + s.days < DATE '2040-06-01' THEN 'answered' ELSE 'drafting' END,
             s.submitted + 21, s.submitted + 21,
             CASE WHEN s.submitted + s.days < DATE '2040-06-01' THEN s.submitted + s.days END, 'Test'
        FROM generate_series(0, 299) i,
             LATERAL (SELECT DATE '2039-05-15' + (i * 383 % 360) AS submitted, CASE WHEN i % 5 = 0 THEN 5 + i % 15 ELSE 30 + i % 20 END AS days) s`);
  });
  afterAll(async () => {
    await db.end();
    await desk.close();
  });

  it('recovers the known late share for a new set, with the reason in words, in the list and the detail', async () => {
    const created = await desk
      .http()
      .post('/api/question-sets')
      .auth(tokens.get(DESK)!, { type: 'bearer' })
      .send(anIntake({ reference: aReference(2040), submittedOn: '2040-05-31', leadMinistry: 'Def', addressees: ['Minister van Defensie'] }))
      .expect(201);
    const detail = (await as(DESK, `/api/question-sets/${created.body.id}`).expect(200)).body;
    expect(detail.lateRisk.chance).toBeGreaterThanOrEqual(0.75);
    expect(detail.lateRisk.chance).toBeLessThanOrEqual(0.85);
    expect(detail.lateRisk.reason).toMatch(/^Def beantwoordde (7[5-9]|8[0-5]) % van vergelijkbare sets na de termijn \(\d+ sets met 1–3 vragen\)\.$/);
    const listed = (await as(DESK, `/api/question-sets?reference=${created.body.reference}`).expect(200)).body.items[0];
    expect(listed.lateRisk).toEqual(detail.lateRisk);
    const closed = (await as(DESK, '/api/question-sets?status=answered&pageSize=5').expect(200)).body.items;
    expect(closed.every((set: { lateRisk: unknown }) => set.lateRisk === null)).toBe(true);

    const worklist = (await as(COORDINATOR, '/api/worklist').expect(200)).body;
    const likelyLate = worklist.sections.find((section: { key: string }) => section.key === 'likely-late');
    expect(likelyLate.title).toBe('Waarschijnlijk te laat');
    expect(likelyLate.items.map((set: { id: string }) => set.id)).toContain(created.body.id);
    expect((await as(DESK, '/api/worklist').expect(200)).body.sections.map((s: { key: string }) => s.key)).not.toContain('likely-late');
  });

  it('back-tests on the answered sets: calibrated, and catches the late sets a week ahead', async () => {
    const result = (await as(COORDINATOR, '/api/statistics/forecast/back-test?from=2039-11-01&to=2040-04-30').expect(200)).body;
    expect(result.sets).toBeGreaterThan(100);
    expect(result.late / result.sets).toBeCloseTo(0.8, 1);
    const busiest = [...result.bands].sort((a, b) => b.sets - a.sets)[0];
    expect(Math.abs(busiest.predicted - busiest.observed)).toBeLessThan(0.1);
    expect(result.lateCaughtWeekAhead).toBeGreaterThan(0.9);
    expect(result.brierScore).toBeLessThanOrEqual(result.baselineBrierScore + 0.01);
  });
});
