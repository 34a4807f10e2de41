import { FixedClock } from '@question-desk/deadlines';
import { FakeTk } from './intake/fake-tk';
import { startWorker } from './reminders-harness';
import { intakeEnvironment, startIntakeDesk, type IntakeDesk } from './intake/intake-desk';
import { demoFeed, document, kamervragenXml, zaak } from './intake/tk-fixtures';

const NOW = new Date('2026-12-01T10:00:00Z');

/** A set's view as a user reads it, without what differs between two desks by nature (ids, versions, times). */
function comparable(set: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...set };
  for (const key of ['id', 'version', 'createdAt', 'updatedAt', 'allowedActions']) delete rest[key];
  return rest;
}

describe('the intake from the Tweede Kamer open data', () => {
  const fake = new FakeTk();
  let desk: IntakeDesk;

  const setOf = async (reference: string) => {
    const list = await desk.http().get(`/api/question-sets?reference=${reference}`).set('Authorization', `Bearer ${desk.admin}`).expect(200);
    expect(list.body.total).toBe(1);
    const set = await desk.http().get(`/api/question-sets/${list.body.items[0].id}`).set('Authorization', `Bearer ${desk.admin}`).expect(200);
    return set.body;
  };
  const eventsOf = async (id: string) =>
    (await desk.http().get(`/api/question-sets/${id}/events`).set('Authorization', `Bearer ${desk.admin}`).expect(200)).body as {
      actor: string;
      type: string;
      details: Record<string, unknown>;
    }[];
  const openData = async (id: string) =>
    (await desk.http().get(`/api/question-sets/${id}/open-data`).set('Authorization', `Bearer ${desk.admin}`).expect(200)).body;
  const countSets = async () => Number((await desk.db.query('SELECT count(*)::int AS n FROM question_set'))[0].n);

  beforeAll(async () => {
    await fake.start();
    intakeEnvironment(fake);
    const feed = demoFeed();
    fake.zaken = feed.zaken;
    fake.documents = feed.documents;
    for (const [id, xml] of feed.publications) fake.publications.set(id, xml);
    desk = await startIntakeDesk('accounts', NOW);
  });

  afterAll(async () => {
    await desk?.drop();
    await fake.close();
  });

  it('fills an empty desk: pages along @odata.nextLink, through a 500 and a 429 with Retry-After', async () => {
    fake.faults = [
      { match: /^\/odata\/Zaak\?/, times: 1, status: 500 },
      { match: /^\/odata\/Document\?.*\$skip=2/, times: 1, status: 429, retryAfter: '1' },
    ];
    const run = await desk.intake.run('by-hand');
    expect(run).toMatchObject({ status: 'succeeded', created: 3, error: null });
    expect(fake.requests.filter((r) => r.includes('$skip=')).length).toBeGreaterThan(0);
    expect(fake.faults.every((f) => f.times === 0)).toBe(true);

    const open = await setOf('2019Z15244');
    expect(open).toMatchObject({
      status: 'received',
      subject: expect.any(String),
      submittedOn: '2019-07-18',
      submitters: [{ name: 'Sjoerdsma', party: 'D66' }],
    });
    expect(open.questions).toHaveLength(10);
    const answered = await setOf('2020Z25656');
    expect(answered).toMatchObject({ status: 'answered', answeredOn: '2021-04-13', answeredBy: 'Blok', leadMinistry: { code: 'BZ' } });
    expect(answered.answers.find((a: { questionNumbers: number[] }) => a.questionNumbers.length === 3).questionNumbers).toEqual([3, 4, 5]);
    const january = await setOf('2021Z00710');
    expect(january).toMatchObject({ status: 'answered', answeredBy: 'Kaag', appendixNumber: '2290' });
    expect(january.submitters).toEqual([
      { name: 'Van den Nieuwenhuijzen', party: 'GroenLinks' },
      { name: 'Buitenweg', party: 'GroenLinks' },
    ]);
    const events = await eventsOf(answered.id);
    expect(events.map((e) => [e.actor, e.type])).toEqual([
      ['de intake', 'registered'],
      ['de intake', 'answers-imported'],
    ]);
  });

  it('gives the three demo sets exactly as importing the sample documents by hand does, field by field, and joins them when both happen', async () => {
    const byHand = await startIntakeDesk('all', NOW);
    try {
      for (const reference of ['2019Z15244', '2020Z25656']) {
        const list = await byHand.http().get(`/api/question-sets?reference=${reference}`).set('Authorization', `Bearer ${byHand.admin}`).expect(200);
        const fromSamples = (await byHand.http().get(`/api/question-sets/${list.body.items[0].id}`).set('Authorization', `Bearer ${byHand.admin}`).expect(200))
          .body;
        const fromFeed = await setOf(reference);
        // The feed knows the Aanhangsel number of the answer to 2020Z25656; the sample answer does not say it.
        if (reference === '2020Z25656') expect({ ...comparable(fromFeed), appendixNumber: null }).toEqual(comparable(fromSamples));
        else expect(comparable(fromFeed)).toEqual(comparable(fromSamples));
      }
      const list = await byHand.http().get('/api/question-sets?submitter=Buitenweg').set('Authorization', `Bearer ${byHand.admin}`).expect(200);
      const fromSamples = (await byHand.http().get(`/api/question-sets/${list.body.items[0].id}`).set('Authorization', `Bearer ${byHand.admin}`).expect(200))
        .body;
      // The samples of the January 2021 set carry no zaaknummer; the feed does.
      expect({ ...comparable(await setOf('2021Z00710')), reference: null }).toEqual(comparable(fromSamples));

      // The same cases arriving from the feed on the desk that imported the documents by hand: still three sets,
      // matched by reference (and the January set by its members and date), each with its provenance, no conflict.
      const run = await byHand.intake.run('by-hand');
      expect(run).toMatchObject({ status: 'succeeded', created: 0, conflicts: 0 });
      expect(Number((await byHand.db.query('SELECT count(*)::int AS n FROM question_set'))[0].n)).toBe(3);
      const joined = (await byHand.http().get(`/api/question-sets/${fromSamples.id}`).set('Authorization', `Bearer ${byHand.admin}`).expect(200)).body;
      expect(joined).toMatchObject({ reference: '2021Z00710', status: 'answered', answeredBy: 'Kaag' });
      const provenance = (await byHand.http().get(`/api/question-sets/${fromSamples.id}/open-data`).set('Authorization', `Bearer ${byHand.admin}`).expect(200))
        .body;
      expect(provenance).toMatchObject({ reference: '2021Z00710', conflicts: [] });
      expect(provenance.documents.map((d: { publicationId: string }) => d.publicationId)).toEqual(['kv-tk-2021Z00710', 'ah-tk-20202021-2290']);
    } finally {
      await byHand.drop();
    }
  });

  it('changes nothing when it reads the same pages again, from the start', async () => {
    const before = await desk.db.query('SELECT id, version FROM question_set ORDER BY id');
    const events = Number((await desk.db.query('SELECT count(*)::int AS n FROM audit_event'))[0].n);
    await desk.db.query('DELETE FROM intake_watermark');
    const run = await desk.intake.run('by-hand');
    expect(run).toMatchObject({ status: 'succeeded', created: 0, completed: 0, updated: 0, conflicts: 0 });
    expect(run!.skipReasons).toContainEqual({ reason: 'unchanged since the last read', count: expect.any(Number) });
    expect(await desk.db.query('SELECT id, version FROM question_set ORDER BY id')).toEqual(before);
    expect(Number((await desk.db.query('SELECT count(*)::int AS n FROM audit_event'))[0].n)).toBe(events);
  });

  it('registers a case before its text is published, and fills the questions when the text appears', async () => {
    const z = zaak({
      id: 400,
      nummer: '2024Z90001',
      onderwerp: 'Vragen van het lid Dassen (Volt) aan de minister van Financiën over de btw op fietsreparaties (ingezonden 2 februari 2024).',
      gestartOp: '2024-02-02T08:00:00Z',
      changed: '2024-02-02T09:00:00Z',
      indieners: [{ naam: 'L. Dassen', fractie: 'Volt' }],
      gerichtAan: ['minister van Financiën'],
    });
    fake.zaken.push(z);
    let run = await desk.intake.run('schedule');
    expect(run).toMatchObject({ status: 'succeeded', created: 1 });
    let set = await setOf('2024Z90001');
    expect(set).toMatchObject({ subject: 'de btw op fietsreparaties', questions: [], leadMinistry: { code: 'Fin' }, statutoryDeadline: '2024-02-23' });
    expect(await openData(set.id)).toMatchObject({ zaakId: z.Id, questionsPending: true });

    fake.publications.set(
      'kv-tk-2024Z90001',
      kamervragenXml({ nummer: '2024Z90001' }, [
        {
          kind: 'vraag',
          nr: 'Vraag 1',
          text: 'Kent u het bericht over de btw op fietsreparaties?',
          footnotes: [{ marker: '1', text: 'NOS, 1 februari 2024' }],
        },
        { kind: 'vraag', nr: 'Vraag 2', text: 'Bent u bereid het lage tarief te verlengen?', footnotes: [] },
      ]),
    );
    run = await desk.intake.run('schedule');
    expect(run).toMatchObject({ status: 'succeeded', completed: 1 });
    set = await setOf('2024Z90001');
    expect(set.questions).toEqual([
      { number: 1, text: 'Kent u het bericht over de btw op fietsreparaties?', footnotes: [{ marker: '1', text: 'NOS, 1 februari 2024', position: 50 }] },
      { number: 2, text: 'Bent u bereid het lage tarief te verlengen?', footnotes: [] },
    ]);
    expect(await openData(set.id)).toMatchObject({ questionsPending: false });
  });

  it('takes a changed case, a postponement, a late answer and a withdrawal, and records a deleted document without undoing it', async () => {
    const z = fake.zaken.find((r) => r.Nummer === '2024Z90001')!;
    fake.touch(z, '2024-02-05T09:00:00Z', { Onderwerp: 'de btw op fietsreparaties en e-bikes' });
    const postponement = document({ id: 401, soort: 'Mededeling (uitstel antwoord)', zaak: z, datum: '2024-02-20T00:00:00', changed: '2024-02-20T10:00:00Z' });
    const answer = document({
      id: 402,
      soort: 'Antwoord schriftelijke vragen',
      zaak: z,
      datum: '2024-03-10T00:00:00',
      changed: '2024-03-10T10:00:00Z',
      externeIdentifier: 'ah-tk-20232024-1500',
      aanhangselnummer: '202320241500',
      vergaderjaar: '2023-2024',
    });
    const withdrawn = zaak({
      id: 500,
      nummer: '2024Z90002',
      onderwerp: 'het sluiten van het station in Zwolle',
      gestartOp: '2024-02-06T08:00:00Z',
      changed: '2024-02-06T09:00:00Z',
      indieners: [{ naam: 'H. de Groot', fractie: 'VVD' }],
      gerichtAan: ['minister van Infrastructuur en Waterstaat'],
    });
    const withdrawal = document({ id: 501, soort: 'Mededeling', zaak: withdrawn, datum: '2024-02-08T00:00:00', changed: '2024-02-08T10:00:00Z' });
    fake.zaken.push(withdrawn);
    fake.documents.push(postponement, answer, withdrawal);

    // The answer is in the open data before its text is published.
    let run = await desk.intake.run('schedule');
    expect(run).toMatchObject({ status: 'succeeded', created: 1, conflicts: 0 });
    expect(run!.skipReasons.map((r) => r.reason)).toContain('Antwoord schriftelijke vragen: registered, its text is not published yet (tried again next run)');
    let set = await setOf('2024Z90001');
    expect(set).toMatchObject({
      subject: 'de btw op fietsreparaties en e-bikes',
      status: 'received',
      deadline: '2024-03-15',
      postponements: [{ sentOn: '2024-02-20' }],
    });
    expect(await setOf('2024Z90002')).toMatchObject({ status: 'withdrawn' });

    fake.publications.set(
      'ah-tk-20232024-1500',
      kamervragenXml({ nummer: '2024Z90001', omschrijving: 'Antwoord van minister Van Rij (Financiën) (ontvangen 10 maart 2024)' }, [
        { kind: 'antwoord', nr: 'Antwoord 1 en 2', text: 'Ja. Het kabinet bekijkt dat bij de Voorjaarsnota.', footnotes: [] },
      ]),
    );
    fake.touch(postponement, '2024-03-11T10:00:00Z', { Verwijderd: true });
    run = await desk.intake.run('schedule');
    expect(run).toMatchObject({ status: 'succeeded', completed: 1 });
    set = await setOf('2024Z90001');
    expect(set).toMatchObject({
      status: 'answered',
      answeredOn: '2024-03-10',
      answeredBy: 'Van Rij',
      appendixNumber: '1500',
      postponements: [{ sentOn: '2024-02-20' }],
    });
    const provenance = await openData(set.id);
    expect(provenance.documents.map((d: { soort: string; state: string }) => [d.soort, d.state])).toEqual([
      ['Mededeling (uitstel antwoord)', 'deleted-at-source'],
      ['Antwoord schriftelijke vragen', 'applied'],
    ]);
    expect(provenance.documents[1]).toMatchObject({ publicationId: 'ah-tk-20232024-1500', link: `${fake.odataUrl}/Document(${answer.Id})/resource` });
    const types = (await eventsOf(set.id)).map((e) => `${e.actor}: ${e.type}`);
    expect(types).toEqual([
      'de intake: registered',
      'de intake: open-data-questions',
      'de intake: open-data-updated',
      'de intake: intake-postpone',
      'de intake: answers-imported',
      'de intake: open-data-deleted',
    ]);
  });

  it('never overwrites a hand edit: a conflict is recorded and shown, and a deleted case stays on the desk', async () => {
    const open = await setOf('2019Z15244');
    // A desk officer corrected the subject (the desk has no form for it yet: straight in the table).
    await desk.db.query("UPDATE question_set SET subject = 'Door de desk verbeterd onderwerp' WHERE id = $1", [open.id]);
    const z = fake.zaken.find((r) => r.Nummer === '2019Z15244')!;
    fake.touch(z, '2024-04-01T09:00:00Z', { Onderwerp: 'Een nieuw onderwerp van de Kamer' });
    let run = await desk.intake.run('schedule');
    expect(run).toMatchObject({ status: 'succeeded', conflicts: 1 });
    expect(await setOf('2019Z15244')).toMatchObject({ subject: 'Door de desk verbeterd onderwerp' });
    expect((await openData(open.id)).conflicts).toEqual([
      { field: 'subject', deskValue: 'Door de desk verbeterd onderwerp', feedValue: 'Een nieuw onderwerp van de Kamer', noticedAt: expect.any(String) },
    ]);
    expect((await eventsOf(open.id)).at(-1)).toMatchObject({ actor: 'de intake', type: 'open-data-conflict' });

    fake.touch(z, '2024-04-02T09:00:00Z', { Verwijderd: true });
    const sets = await countSets();
    run = await desk.intake.run('schedule');
    expect(run!.skipReasons.map((r) => r.reason)).toContain('deleted at the source: recorded, nothing removed from the desk');
    expect(await countSets()).toBe(sets);
    expect(await openData(open.id)).toMatchObject({ deletedAtSource: true });
    expect((await eventsOf(open.id)).at(-1)).toMatchObject({ actor: 'de intake', type: 'open-data-deleted' });
  });

  it('on malformed JSON, malformed XML and time-outs records the error in words, keeps the watermark, imports nothing half, and the next run catches up', async () => {
    const watermarks = await desk.db.query('SELECT entity, changed_since FROM intake_watermark ORDER BY entity');
    const z = zaak({
      id: 600,
      nummer: '2024Z90003',
      onderwerp: 'de wachttijden in de jeugdzorg',
      gestartOp: '2024-05-01T08:00:00Z',
      changed: '2024-05-01T09:00:00Z',
      indieners: [{ naam: 'S. Westerveld', fractie: 'GroenLinks-PvdA' }],
      gerichtAan: ['staatssecretaris van Volksgezondheid, Welzijn en Sport'],
    });
    fake.zaken.push(z);
    fake.publications.set(
      'kv-tk-2024Z90003',
      kamervragenXml({ nummer: '2024Z90003' }, [{ kind: 'vraag', nr: 'Vraag 1', text: 'Hoe lang zijn de wachttijden?', footnotes: [] }]),
    );

    fake.faults = [{ match: /^\/odata\/Zaak\?/, times: 3, body: '{"value": [ {"Id": ' }];
    let run = await desk.intake.run('schedule');
    expect(run).toMatchObject({ status: 'failed', created: 0 });
    expect(run!.error).toMatch(
      /the Gegevensmagazijn \(OData\) gave no usable answer .* after 3 tries: an answer that could not be read \(not JSON .*\) \(3×\)\. The watermark stays where it was/,
    );

    fake.faults = [{ match: /^\/op\/kv-tk-2024Z90003\//, times: 3, body: '<kamervragen><vraag><nr>1</nr><al>Hoe lang' }];
    run = await desk.intake.run('schedule');
    expect(run).toMatchObject({ status: 'failed', created: 0 });
    expect(run!.error).toMatch(/Officiële publicaties gave no usable answer .*kv-tk-2024Z90003.*XML that is not well-formed/);

    fake.faults = [{ match: /^\/op\/kv-tk-2024Z90003\//, times: 3, delayMs: 1500 }];
    run = await desk.intake.run('schedule');
    expect(run!.error).toMatch(/no answer within 0.8 s \(3×\)/);
    expect(await desk.db.query('SELECT entity, changed_since FROM intake_watermark ORDER BY entity')).toEqual(watermarks);
    expect(Number((await desk.db.query("SELECT count(*)::int AS n FROM question_set WHERE reference = '2024Z90003'"))[0].n)).toBe(0);

    fake.faults = [];
    run = await desk.intake.run('schedule');
    expect(run).toMatchObject({ status: 'succeeded', created: 1, error: null });
    expect((await setOf('2024Z90003')).questions).toHaveLength(1);
  });

  it('runs once when two workers start it together, and never takes a case in twice', async () => {
    const second = await startIntakeDesk('accounts', NOW, desk.url);
    try {
      for (let n = 0; n < 6; n++) {
        fake.zaken.push(
          zaak({
            id: 700 + n,
            nummer: `2024Z9010${n}`,
            onderwerp: `vraag ${n} over de dijkversterking`,
            gestartOp: '2024-06-03T08:00:00Z',
            changed: `2024-06-03T09:0${n}:00Z`,
            indieners: [{ naam: 'T. van Campen', fractie: 'VVD' }],
            gerichtAan: ['minister van Infrastructuur en Waterstaat'],
          }),
        );
      }
      const sets = await countSets();
      const [a, b] = await Promise.all([desk.intake.run('schedule'), second.intake.run('schedule')]);
      const ran = [a, b].filter((r) => r !== null);
      expect(ran).toHaveLength(1);
      expect(ran[0]).toMatchObject({ status: 'succeeded', created: 6 });
      expect(await countSets()).toBe(sets + 6);
      // And the unique key holds even without the run lock: a case read again joins its set.
      await desk.db.query('DELETE FROM intake_watermark');
      await Promise.all([desk.intake.run('schedule'), second.intake.run('schedule')]);
      expect(await countSets()).toBe(sets + 6);
      expect(Number((await desk.db.query('SELECT count(DISTINCT question_set_id)::int AS n FROM intake_case WHERE question_set_id IS NOT NULL'))[0].n)).toBe(
        Number((await desk.db.query('SELECT count(*)::int AS n FROM intake_case WHERE question_set_id IS NOT NULL'))[0].n),
      );
    } finally {
      await second.close();
    }
  });

  it('lets an admin see the last runs and start one now; others may not', async () => {
    const runs = await desk.http().get('/api/intake?limit=3').set('Authorization', `Bearer ${desk.admin}`).expect(200);
    expect(runs.body).toHaveLength(3);
    expect(runs.body[0]).toMatchObject({ status: 'succeeded', trigger: 'schedule', durationMs: expect.any(Number) });
    const failed = (await desk.http().get('/api/intake?limit=100').set('Authorization', `Bearer ${desk.admin}`).expect(200)).body.find(
      (r: { status: string }) => r.status === 'failed',
    );
    expect(failed.error).toMatch(/watermark stays where it was/);

    const deskOfficer = await desk.tokenOf('desk@example.org');
    await desk.http().get('/api/intake').set('Authorization', `Bearer ${deskOfficer}`).expect(403);
    await desk.http().post('/api/intake/run').set('Authorization', `Bearer ${deskOfficer}`).expect(403);
    await desk.http().get('/api/intake?limit=0').set('Authorization', `Bearer ${desk.admin}`).expect(400);

    fake.faults = [{ match: /^\/odata\/Zaak\?/, times: 1, delayMs: 500 }];
    const started = await desk.http().post('/api/intake/run').set('Authorization', `Bearer ${desk.admin}`).expect(202);
    expect(started.body).toMatchObject({ status: 'running', trigger: 'by-hand', finishedAt: null });
    const again = await desk.http().post('/api/intake/run').set('Authorization', `Bearer ${desk.admin}`).expect(409);
    expect(again.body.message).toMatch(/in progress already/);
    for (let i = 0; i < 50; i++) {
      const [latest] = (await desk.http().get('/api/intake?limit=1').set('Authorization', `Bearer ${desk.admin}`).expect(200)).body;
      if (latest.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [latest] = (await desk.http().get('/api/intake?limit=1').set('Authorization', `Bearer ${desk.admin}`).expect(200)).body;
    expect(latest).toMatchObject({ id: started.body.id, status: 'succeeded' });

    const settings = await desk.http().get('/api/intake/settings').set('Authorization', `Bearer ${desk.admin}`).expect(200);
    expect(settings.body).toEqual({ enabled: false, everyMinutes: 15, odataUrl: fake.odataUrl, publicationsUrl: fake.publicationsUrl, deskMinistries: null });
  });

  it('runs in the worker on its schedule when TK_INTAKE=on, the first run at start', async () => {
    fake.zaken.push(
      zaak({
        id: 900,
        nummer: '2024Z90200',
        onderwerp: 'de wachtlijsten bij het CBR',
        gestartOp: '2024-07-01T08:00:00Z',
        changed: '2024-07-01T09:00:00Z',
        indieners: [{ naam: 'F. Stoffer', fractie: 'SGP' }],
        gerichtAan: ['minister van Infrastructuur en Waterstaat'],
      }),
    );
    const previous = process.env.DATABASE_URL;
    Object.assign(process.env, { TK_INTAKE: 'on', DATABASE_URL: desk.url });
    const worker = await startWorker(new FixedClock(NOW));
    try {
      for (let i = 0; i < 100 && Number((await desk.db.query("SELECT count(*)::int AS n FROM question_set WHERE reference = '2024Z90200'"))[0].n) === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await setOf('2024Z90200')).toMatchObject({ subject: 'de wachtlijsten bij het CBR', leadMinistry: { code: 'IenW' } });
      // The scheduler may have started a second run by now: the one that took the case in is among the last.
      const latest = (await desk.http().get('/api/intake?limit=5').set('Authorization', `Bearer ${desk.admin}`).expect(200)).body;
      expect(latest).toContainEqual(expect.objectContaining({ trigger: 'schedule', created: 1 }));
    } finally {
      await worker.close();
      delete process.env.TK_INTAKE;
      process.env.DATABASE_URL = previous;
    }
  });

  it('takes in only cases addressed to the ministries this desk serves (DESK_MINISTRIES), and says why it skipped the others', async () => {
    process.env.DESK_MINISTRIES = 'IenW';
    // A desk of its own, so that no other test's cases or runs mix in.
    const served = await startIntakeDesk('accounts', NOW);
    try {
      const spec = {
        onderwerp: 'de kosten van de dijkversterking',
        gestartOp: '2024-09-02T08:00:00Z',
        indieners: [{ naam: 'J.Z.C.M. Dijkstra', fractie: 'D66' }],
      };
      fake.zaken.push(
        zaak({ ...spec, id: 950, nummer: '2024Z90300', changed: '2024-08-10T09:00:00Z', gerichtAan: ['minister van Infrastructuur en Waterstaat'] }),
        zaak({ ...spec, id: 951, nummer: '2024Z90301', changed: '2024-08-10T09:01:00Z', gerichtAan: ['minister van Financiën'] }),
      );
      const run = await served.intake.run('by-hand');
      expect(run).toMatchObject({ status: 'succeeded', error: null });
      expect(run!.skipReasons).toContainEqual({ reason: 'not addressed to a ministry this desk serves (DESK_MINISTRIES)', count: expect.any(Number) });
      const onDesk = async (reference: string) =>
        (await served.http().get(`/api/question-sets?reference=${reference}`).set('Authorization', `Bearer ${served.admin}`).expect(200)).body;
      expect((await onDesk('2024Z90300')).items).toEqual([expect.objectContaining({ leadMinistry: expect.objectContaining({ code: 'IenW' }) })]);
      expect((await onDesk('2024Z90301')).total).toBe(0);
    } finally {
      delete process.env.DESK_MINISTRIES;
      await served.drop();
    }
  });
});
