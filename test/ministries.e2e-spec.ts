import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { aReference, anIntake } from './factories';

/** Issue 11.3: ministries and the posts of their office holders are data an administrator keeps. */
describe('ministries as data', () => {
  let desk: TestDesk;
  const ADMIN = 'admin@example.org';
  const DESK = 'desk@example.org';
  const DRAFTER = 'drafter@example.org';
  const today = '2026-12-01';
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date(`${today}T10:00:00+01:00`));
    for (const email of [ADMIN, DESK, DRAFTER]) tokens.set(email, await desk.tokenOf(email));
  });
  afterAll(() => desk.close());

  const as = (email: string, method: 'get' | 'post' | 'patch', path: string, body?: object) => {
    const call = desk.http()[method](`/api${path}`).auth(tokens.get(email)!, { type: 'bearer' });
    return body ? call.send(body) : call;
  };
  const intake = async (overrides: Record<string, unknown>) => (await as(DESK, 'post', '/question-sets', anIntake(overrides)).expect(201)).body;

  it('lists the current ministries of the 2024 cabinet; the ended Economische Zaken en Klimaat only with ?all=true', async () => {
    const current = (await as(DRAFTER, 'get', '/ministries').expect(200)).body as { code: string; name: string }[];
    expect(current).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'KGG', name: 'Klimaat en Groene Groei', validFrom: '2024-07-02', validUntil: null, current: true }),
        expect.objectContaining({ code: 'VRO', name: 'Volkshuisvesting en Ruimtelijke Ordening' }),
        expect.objectContaining({ code: 'AenM', name: 'Asiel en Migratie' }),
        expect.objectContaining({ code: 'EZ', name: 'Economische Zaken' }),
        expect.objectContaining({ code: 'LNV', name: 'Landbouw, Visserij, Voedselzekerheid en Natuur' }),
      ]),
    );
    expect(current.map((m) => m.code)).not.toContain('EZK');
    const all = (await as(DRAFTER, 'get', '/ministries?all=true').expect(200)).body;
    expect(all).toContainEqual(expect.objectContaining({ code: 'EZK', name: 'Economische Zaken en Klimaat', validUntil: '2024-07-01', current: false }));
    await as(DRAFTER, 'get', '/ministries?all=maybe').expect(400);
  });

  it('shows a ministry with its posts, ended ones too', async () => {
    const bz = (await as(DRAFTER, 'get', '/ministries/BZ').expect(200)).body;
    expect(bz.posts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking', validUntil: '2024-07-01', current: false }),
        expect.objectContaining({ title: 'Minister voor Buitenlandse Handel en Ontwikkelingshulp', validFrom: '2024-07-02', current: true }),
      ]),
    );
    expect((await as(DRAFTER, 'get', '/ministries/XYZ').expect(404)).body.message).toMatch(/There is no ministry "XYZ".*GET \/api\/ministries/);
  });

  it('proposes the lead ministry from the posts valid on the submission date, for the seed years and after the 2024 cabinet', async () => {
    const lead = async (addressee: string, submittedOn: string) =>
      (await intake({ reference: aReference(Number(submittedOn.slice(0, 4))), addressees: [addressee], submittedOn })).leadMinistry?.code ?? null;
    expect(await lead('Minister voor Volkshuisvesting en Ruimtelijke Ordening', '2023-03-01')).toBe('BZK');
    expect(await lead('Minister van Volkshuisvesting en Ruimtelijke Ordening', '2025-03-03')).toBe('VRO');
    expect(await lead('Minister voor Klimaat en Energie', '2023-03-01')).toBe('EZK');
    expect(await lead('Minister van Klimaat en Groene Groei', '2025-03-03')).toBe('KGG');
    expect(await lead('Minister voor Migratie', '2023-03-01')).toBe('JenV');
    expect(await lead('Minister van Asiel en Migratie', '2025-03-03')).toBe('AenM');
    expect(await lead('Minister van Economische Zaken', '2025-03-03')).toBe('EZ');
    expect(await lead('Staatssecretaris van Economische Zaken en Klimaat', '2020-12-22')).toBe('EZK');
    expect(await lead('Minister voor Buitenlandse Handel en Ontwikkelingshulp', '2025-03-03')).toBe('BZ');
  });

  it('refuses new work for an ended ministry with 422 that says what to do; its own old sets stay', async () => {
    const old = await intake({ reference: aReference(2021), addressees: ['Minister van Economische Zaken en Klimaat'], submittedOn: '2021-03-01' });
    expect(old.leadMinistry).toEqual({ code: 'EZK', name: 'Economische Zaken en Klimaat' });
    const unknown = (await as(DESK, 'post', '/question-sets', anIntake({ reference: aReference(2021), leadMinistry: 'XYZ' })).expect(422)).body;
    expect(unknown.message.join(' ')).toMatch(/There is no ministry with code "XYZ". See GET \/api\/ministries/);
    const drafter = await desk.userOf(DRAFTER);
    const refused = (await as(DESK, 'post', `/question-sets/${old.id}/assignment`, { version: old.version, assigneeId: drafter.id }).expect(422)).body;
    expect(refused.message.join(' ')).toMatch(/Economische Zaken en Klimaat \(EZK\) ended on 2024-07-01; choose a current ministry/);
    const transfer = (
      await as(DESK, 'post', `/question-sets/${old.id}/assignment/transfer`, { version: old.version, toMinistry: 'EZK', reason: 'Terug' }).expect(422)
    ).body;
    expect(transfer.message.join(' ')).toMatch(/ended on 2024-07-01/);
    // A set of 2025 cannot be registered under EZK, which had ended by then.
    const late = (
      await as(DESK, 'post', '/question-sets', anIntake({ reference: aReference(2025), submittedOn: '2025-03-03', leadMinistry: 'EZK' })).expect(422)
    ).body;
    expect(late.message.join(' ')).toMatch(/EZK\) ended on 2024-07-01/);
    expect((await as(DESK, 'get', `/question-sets/${old.id}`).expect(200)).body.leadMinistry.code).toBe('EZK');
    expect((await as(DESK, 'get', '/question-sets?ministry=EZK').expect(200)).body.items.map((s: { id: string }) => s.id)).toContain(old.id);
  });

  it('lets an admin create, rename and end a ministry and manage its posts; versions guard each edit (409)', async () => {
    await as(DESK, 'post', '/ministries', { code: 'DiZ', name: 'Digitale Zaken' }).expect(403);
    await as(ADMIN, 'post', '/ministries', { code: 'Di Z', name: 'Digitale Zaken' }).expect(400);
    const created = (await as(ADMIN, 'post', '/ministries', { code: 'DiZ', name: 'Digitale Zaken', validFrom: '2025-01-06' }).expect(201)).body;
    expect(created).toMatchObject({ code: 'DiZ', name: 'Digitale Zaken', validFrom: '2025-01-06', validUntil: null, current: true, version: 1, posts: [] });
    expect((await as(ADMIN, 'post', '/ministries', { code: 'DiZ', name: 'Iets anders' }).expect(409)).body.message).toMatch(
      /already a ministry with code "DiZ"/,
    );
    expect((await as(ADMIN, 'post', '/ministries', { code: 'DZ', name: 'Buitenlandse Zaken' }).expect(409)).body.message).toMatch(/BZ is already called/);
    expect((await as(DRAFTER, 'get', '/ministries').expect(200)).body.map((m: { code: string }) => m.code)).toContain('DiZ');

    const post = (await as(ADMIN, 'post', '/ministries/DiZ/posts', { title: 'Minister voor Digitalisering en Privacy', validFrom: '2025-01-06' }).expect(201))
      .body;
    expect(post).toMatchObject({ ministry: 'DiZ', current: true, version: 1 });
    await as(ADMIN, 'post', '/ministries/DiZ/posts', { title: 'Minister voor Digitalisering en Privacy', validFrom: '2025-01-06' }).expect(409);
    const proposed = await intake({ reference: aReference(2025), submittedOn: '2025-06-02', addressees: ['de Minister voor Digitalisering en Privacy'] });
    expect(proposed.leadMinistry).toEqual({ code: 'DiZ', name: 'Digitale Zaken' });

    // Rename: the old name stays a post until yesterday, so earlier documents still point here.
    const renamed = (await as(ADMIN, 'patch', '/ministries/DiZ', { version: 1, name: 'Digitalisering en Data' }).expect(200)).body;
    expect(renamed).toMatchObject({ name: 'Digitalisering en Data', version: 2 });
    expect(renamed.posts).toContainEqual(
      expect.objectContaining({ title: 'Minister van Digitale Zaken', validFrom: '2025-01-06', validUntil: '2026-11-30', current: false }),
    );
    const stale = (await as(ADMIN, 'patch', '/ministries/DiZ', { version: 1, name: 'Nog iets' }).expect(409)).body;
    expect(stale).toMatchObject({ currentVersion: 2 });
    expect(stale.message).toMatch(/changed this ministry since you loaded it/);
    expect((await as(DESK, 'get', `/question-sets/${proposed.id}`).expect(200)).body.leadMinistry.name).toBe('Digitalisering en Data');
    const stillProposed = await intake({ reference: aReference(2025), submittedOn: '2025-06-03', addressees: ['Minister van Digitale Zaken'] });
    expect(stillProposed.leadMinistry.code).toBe('DiZ');

    // End it: its posts end with it, its sets stay its own, new work is refused.
    expect((await as(ADMIN, 'patch', '/ministries/DiZ', { version: 2, validUntil: '2024-12-31' }).expect(422)).body.message.join(' ')).toMatch(
      /before the ministry began/,
    );
    const ended = (await as(ADMIN, 'patch', '/ministries/DiZ', { version: 2, validUntil: '2026-11-30' }).expect(200)).body;
    expect(ended).toMatchObject({ validUntil: '2026-11-30', current: false, version: 3 });
    expect(ended.posts).toContainEqual(expect.objectContaining({ id: post.id, validUntil: '2026-11-30', current: false, version: 2 }));
    expect((await as(DRAFTER, 'get', '/ministries').expect(200)).body.map((m: { code: string }) => m.code)).not.toContain('DiZ');
    expect((await as(DESK, 'get', `/question-sets/${proposed.id}`).expect(200)).body.leadMinistry.code).toBe('DiZ');
    const drafter = await desk.userOf(DRAFTER);
    const assign = (await as(DESK, 'post', `/question-sets/${proposed.id}/assignment`, { version: proposed.version, assigneeId: drafter.id }).expect(422)).body;
    expect(assign.message.join(' ')).toMatch(/Digitalisering en Data \(DiZ\) ended on 2026-11-30; choose a current ministry that took over its work/);
    const openPost = (await as(ADMIN, 'post', '/ministries/DiZ/posts', { title: 'Staatssecretaris voor Data' }).expect(422)).body;
    expect(openPost.message.join(' ')).toMatch(/ended on 2026-11-30: a post can fall under it only until then/);

    // A post moves to the ministry that took over the work; a stale version is 409.
    const moved = (await as(ADMIN, 'patch', `/ministries/DiZ/posts/${post.id}`, { version: 2, ministry: 'BZK', validUntil: null }).expect(200)).body;
    expect(moved).toMatchObject({ ministry: 'BZK', validUntil: null, current: true, version: 3 });
    await as(ADMIN, 'patch', `/ministries/BZK/posts/${post.id}`, { version: 2, title: 'x' }).expect(409);
    await as(ADMIN, 'patch', `/ministries/DiZ/posts/${post.id}`, { version: 3, title: 'x' }).expect(404);
    await as(DESK, 'patch', `/ministries/BZK/posts/${post.id}`, { version: 3, title: 'x' }).expect(403);
    const later = await intake({ reference: aReference(2026), submittedOn: '2026-12-01', addressees: ['Minister voor Digitalisering en Privacy'] });
    expect(later.leadMinistry.code).toBe('BZK');
  });
});
