import { SEARCH_QUERY_SQL } from '@question-desk/question-sets';
import { DataSource } from 'typeorm';
import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { anIntake } from './factories';

/** Issue 11.5: `q` finds what people type — a kenmerk, an appendix number, a member, the start of a word. */
describe('searching question sets with q', () => {
  let desk: TestDesk;
  let token: string;

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-06-01T10:00:00+02:00'));
    token = await desk.tokenOf('desk@example.org');
  });
  afterAll(() => desk.close());

  const search = async (q: string): Promise<{ id: string; reference: string | null; appendixNumber: string | null; subject: string }[]> =>
    (await desk.http().get('/api/question-sets').query({ q, pageSize: 100 }).auth(token, { type: 'bearer' }).expect(200)).body.items;
  const intake = async (overrides: Record<string, unknown>) =>
    (await desk.http().post('/api/question-sets').auth(token, { type: 'bearer' }).send(anIntake(overrides)).expect(201)).body as { id: string };

  it('finds a set by its reference (kenmerk), also by its start', async () => {
    expect((await search('2019Z15244')).map((s) => s.reference)).toEqual(['2019Z15244']);
    expect((await search('2019z15244')).map((s) => s.reference)).toEqual(['2019Z15244']);
    expect((await search('2020Z2565')).map((s) => s.reference)).toContain('2020Z25656');
  });

  it('finds a set by its appendix number (aanhangselnummer)', async () => {
    expect((await search('2290')).map((s) => s.appendixNumber)).toContain('2290');
  });

  it("finds a set by a submitting member's name", async () => {
    expect((await search('Sjoerdsma')).map((s) => s.reference)).toContain('2019Z15244');
    expect((await search('Van Helvert')).map((s) => s.reference)).toContain('2020Z25656');
  });

  it('finds a word by its start (surveil → surveillanceapparatuur), and keeps Dutch stemming (fietsenstallingen → fietsenstalling)', async () => {
    expect((await search('surveil')).map((s) => s.reference)).toContain('2020Z25656');
    expect((await search('Chinese surveil')).map((s) => s.reference)).toContain('2020Z25656');
    const bike = await intake({ subject: 'De fietsenstalling als vervoermiddelenbeleid bij stations' });
    expect((await search('fietsenstallingen')).map((s) => s.id)).toContain(bike.id);
    expect((await search('vervoer')).map((s) => s.id)).toContain(bike.id);
    // The web-search syntax still works: a word after a minus excludes.
    expect((await search('fietsenstalling -stations')).map((s) => s.id)).not.toContain(bike.id);
  });

  it('ranks subject and question matches before matches on a member name or reference', async () => {
    const byMember = await intake({ subject: 'Vragen over het waterbeheer', submitters: [{ name: 'Kwelwater', party: 'BBB' }] });
    const byQuestion = await intake({
      subject: 'Vragen over dijken',
      questions: [{ number: 1, text: 'Hoeveel kwelwater komt er jaarlijks achter de dijken omhoog?' }],
    });
    const bySubject = await intake({ subject: 'Het kwelwater in de polder' });
    const found = (await search('kwelwater')).map((s) => s.id);
    expect(found.filter((id) => [byMember.id, byQuestion.id, bySubject.id].includes(id))).toEqual([bySubject.id, byQuestion.id, byMember.id]);
  });

  it('answers q from the GIN index on the search vector', async () => {
    const db = desk.app.get(DataSource);
    const plan = await db.transaction(async (manager) => {
      // The test database is small, so the planner would rather read the table: forbid that to see the index can answer.
      await manager.query('SET LOCAL enable_seqscan = off');
      const rows: { 'QUERY PLAN': string }[] = await manager.query(
        `EXPLAIN SELECT id FROM question_set qs WHERE qs.search_vector @@ ${SEARCH_QUERY_SQL.replace(':q', '$1')}`,
        ['surveil 2019Z'],
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Bitmap Index Scan on question_set_search/);
  });

  it('asks for the few words a term starts exactly, and for a term that starts many as a prefix', async () => {
    const db = desk.app.get(DataSource);
    const queryOf = async (q: string) =>
      (await db.query<{ query: string }[]>(`SELECT CAST(${SEARCH_QUERY_SQL.replace(':q', '$1')} AS text) AS query`, [q]))[0].query;
    // The lexicon knows the words of every set: 'surveil' starts a few of them (stemmed), 2019Z1524 the kenmerk 2019Z15244.
    const surveil = await queryOf('surveil');
    expect(surveil).toContain(`'surveillanceapparatur'`);
    expect(surveil).not.toContain(':*');
    expect(await queryOf('2019Z1524 -fietsenstalling')).toBe(`'2019z15244' & !'fietsenstall'`);
    // A word no set holds stays a prefix, and so does one that starts more than 20 words.
    expect(await queryOf('onbekendwoord')).toBe(`'onbekendwoord':*`);
    await db.query(`INSERT INTO search_lexeme SELECT 'zzvel' || n FROM generate_series(1, 21) n ON CONFLICT DO NOTHING`);
    expect(await queryOf('zzvel')).toBe(`'zzvel':*`);
    // Quotes and backslashes cannot break the query: typed, they split words; in a known word they are escaped.
    expect(await queryOf("o'neill")).toBe(`'o':* <-> 'neill':*`);
    await db.query(`INSERT INTO search_lexeme VALUES ('zzq''uo\\te') ON CONFLICT DO NOTHING`);
    expect(await queryOf('zzq')).toBe(`'zzq''uo\\\\te'`);
  });

  it('finds a word added by a save at once (the lexicon follows every search vector)', async () => {
    const set = await intake({ subject: 'Het kwartaalbericht over de zoutwinning' });
    expect((await search('zoutwin')).map((s) => s.id)).toContain(set.id);
    const [{ n }] = await desk.app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM search_lexeme WHERE lexeme = ANY (tsvector_to_array(to_tsvector('dutch', 'zoutwinning')))`);
    expect(n).toBe(1);
  });
});
