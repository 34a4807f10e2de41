import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { anIntake, aReference } from './factories';

const DESK = 'desk@example.org';
const DRAFTER_JENV = 'drafter.jenv@example.org';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Collects the body as bytes, whatever its type. */
const binary = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A ;-separated CSV read by hand: quoted cells may hold ;, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects by header. */
const byHeader = (rows: string[][]) => rows.slice(1).map((row) => Object.fromEntries(rows[0].map((header, i) => [header, row[i]])));

describe('exports of the list (GET /api/question-sets as CSV and .xlsx)', () => {
  let desk: TestDesk;
  const tokens = new Map<string, string>();
  // A submitter of this run's own, so the filter finds exactly the sets made here.
  const member = `Exportlid${Date.now().toString(36)}`;
  const references = [aReference(), aReference(), aReference()];
  const hostile = '=HYPERLINK("http://evil.example","klik"); "quoted"\nnieuwe regel';

  const as = (email: string, method: 'get' | 'post', path: string) => desk.http()[method](path).auth(tokens.get(email)!, { type: 'bearer' });

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-04-20T10:00:00+02:00'));
    for (const email of [DESK, DRAFTER_JENV]) tokens.set(email, await desk.tokenOf(email));
    const subjects = [hostile, '+31 20 nummer', 'Gewoon onderwerp met ë en €'];
    for (const [i, reference] of references.entries()) {
      await as(DESK, 'post', '/api/question-sets')
        .send(
          anIntake({
            reference,
            subject: subjects[i],
            submittedOn: `2021-03-0${i + 1}`,
            submitters: [{ name: member, party: 'D66' }],
            // The third goes to BZ: a JenV drafter does not see it.
            addressees: [i === 2 ? 'Minister van Buitenlandse Zaken' : 'Minister van Justitie en Veiligheid'],
          }),
        )
        .expect(201);
    }
  });
  afterAll(() => desk.close());

  it('downloads the filtered list as CSV: UTF-8 with BOM, ;-separated, Dutch headers, every row, formulas defused', async () => {
    const response = await as(DESK, 'get', `/api/question-sets?submitter=${member}&sort=submittedOn&pageSize=1`)
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('attachment; filename="vragensets-2021-04-20.csv"');
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const rows = parseCsv(text);
    expect(rows[0].slice(0, 5)).toEqual(['Zaaknummer', 'Aanhangselnummer', 'Kamer', 'Onderwerp', 'Ingezonden op']);
    const sets = byHeader(rows);
    // pageSize=1 is for the screen: the export holds every matching set, in the list's order.
    expect(sets.map((s) => s.Zaaknummer)).toEqual(references);
    expect(sets[0].Onderwerp).toBe(`'${hostile}`);
    expect(sets[1].Onderwerp).toBe("'+31 20 nummer");
    expect(sets[2].Onderwerp).toBe('Gewoon onderwerp met ë en €');
    expect(sets[0]).toMatchObject({
      Indieners: `${member} (D66)`,
      Status: 'Ontvangen',
      'Ingezonden op': '2021-03-01',
      'Eerstverantwoordelijk ministerie': 'JenV',
    });
    expect(sets[0]['Wettelijke termijn']).toMatch(/^2021-03-\d\d$/);
    expect(sets[0]['Te laat']).toBe('ja');
    expect(Number(sets[0]['Dagen te laat'])).toBeGreaterThan(0);
    expect(sets[0]['Uitstelbericht ontbreekt']).toBe('ja');
  });

  it('keeps the filters and the viewer’s visibility: status, ministry, and a JenV drafter sees only JenV sets', async () => {
    const csv = async (email: string, query: string) =>
      byHeader(
        parseCsv(
          ((await as(email, 'get', `/api/question-sets?submitter=${member}&${query}`).buffer(true).parse(binary).expect(200)).body as Buffer)
            .toString('utf8')
            .slice(1),
        ),
      );
    expect((await csv(DESK, 'format=csv&ministry=BZ')).map((s) => s.Zaaknummer)).toEqual([references[2]]);
    expect((await csv(DESK, 'format=csv&status=answered')).length).toBe(0);
    expect((await csv(DRAFTER_JENV, 'format=csv&sort=-submittedOn')).map((s) => s.Zaaknummer)).toEqual([references[1], references[0]]);
  });

  it('downloads the same list as .xlsx with real dates and numbers, read back with exceljs', async () => {
    const response = await as(DESK, 'get', `/api/question-sets?submitter=${member}&sort=submittedOn`)
      .set('Accept', XLSX)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toContain('vragensets-2021-04-20.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Vragensets')!;
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(headers).toContain('Zaaknummer');
    const column = (name: string) => headers.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(column('Zaaknummer')).value).toBe(references[0]);
    // In a spreadsheet a string cell is never a formula: the text stays as it was typed.
    expect(sheet.getRow(2).getCell(column('Onderwerp')).value).toBe(hostile);
    expect(sheet.getRow(2).getCell(column('Onderwerp')).type).toBe(ExcelJS.ValueType.String);
    const submitted = sheet.getRow(2).getCell(column('Ingezonden op')).value as Date;
    expect(submitted.toISOString()).toBe('2021-03-01T00:00:00.000Z');
    expect(typeof sheet.getRow(2).getCell(column('Dagen te laat')).value).toBe('number');
    expect(sheet.getRow(4).getCell(column('Onderwerp')).value).toBe('Gewoon onderwerp met ë en €');
  });

  it('answers JSON as before without an export asked for, and refuses an unknown format with 400', async () => {
    const page = await as(DESK, 'get', `/api/question-sets?submitter=${member}&pageSize=2`).expect(200);
    expect(page.body).toMatchObject({ total: 3, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    const refused = await as(DESK, 'get', `/api/question-sets?format=pdf`).expect(400);
    expect(refused.body.message).toContain('format must be one of csv, xlsx');
    // A filter the list refuses is refused for the export too, before any byte is sent.
    await as(DESK, 'get', `/api/question-sets?format=csv&status=nonsense`).expect(400);
    await desk.http().get('/api/question-sets?format=csv').expect(401);
  });
});

describe('exports of the notifications (Meldingen) and the accounts (Gebruikers)', () => {
  let desk: TestDesk;
  const run = Date.now().toString(36);
  const hostile = '=cmd|"/c calc"!A1; melding';
  let admin: string;
  let person: { id: string; email: string; token: string };

  const csvOf = async (token: string, path: string) => {
    const response = await desk.http().get(path).auth(token, { type: 'bearer' }).buffer(true).parse(binary).expect(200);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return { response, rows: byHeader(parseCsv(bytes.toString('utf8').slice(1))) };
  };
  const xlsxOf = async (token: string, path: string, sheetName: string) => {
    const response = await desk.http().get(path).auth(token, { type: 'bearer' }).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet(sheetName)!;
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1) as string[];
    return { sheet, cell: (row: number, header: string) => sheet.getRow(row).getCell(headers.indexOf(header) + 1) };
  };

  beforeAll(async () => {
    await ensureDemoData();
    desk = await startDesk(new Date('2021-04-20T10:00:00+02:00'));
    admin = await desk.tokenOf('admin@example.org');
    const email = `export.${run}@example.org`;
    const created = await desk
      .http()
      .post('/api/users')
      .auth(admin, { type: 'bearer' })
      .send({ email, name: `Exportpersoon ${run}`, password: 'export-password-1', roles: ['drafter'], ministry: 'JenV' })
      .expect(201);
    const login = await desk.http().post('/api/auth/login').send({ email, password: 'export-password-1' }).expect(200);
    person = { id: created.body.id, email, token: login.body.accessToken };
    // Three notifications of this person's own (one read); their ledger entries (digests) need no set.
    const { Client } = await import('pg');
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      for (const [i, [kind, message, readAt]] of (
        [
          ['assigned', 'Vragen aan u toegewezen', null],
          ['postponement-due', hostile, '2021-04-19T09:30:00Z'],
          ['deadline-due-soon', 'Termijn nadert', null],
        ] as const
      ).entries()) {
        const createdAt = `2021-04-1${i + 5}T08:00:00Z`;
        const [{ id }] = (
          await db.query(
            `INSERT INTO reminder (kind, refers_to, recipient_id, status, created_at, event_id) VALUES ('overdue-digest', '2021-04-20', $1, 'sent', $2, gen_random_uuid()) RETURNING id`,
            [person.id, createdAt],
          )
        ).rows;
        await db.query(`INSERT INTO notification (reminder_id, recipient_id, kind, message, created_at, read_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
          id,
          person.id,
          kind,
          message,
          createdAt,
          readAt,
        ]);
      }
    } finally {
      await db.end();
    }
  });
  afterAll(() => desk.close());

  it('downloads the viewer’s own notifications as CSV, newest first, Amsterdam times, the unread filter kept', async () => {
    const { response, rows } = await csvOf(person.token, '/api/notifications?format=csv');
    expect(response.headers['content-disposition']).toContain('meldingen-2021-04-20.csv');
    expect(Object.keys(rows[0])).toEqual(['Ontvangen op', 'Soort', 'Melding', 'Gelezen', 'Gelezen op']);
    expect(rows.map((r) => r['Ontvangen op'])).toEqual(['2021-04-17 10:00', '2021-04-16 10:00', '2021-04-15 10:00']);
    expect(rows[1]).toMatchObject({ Soort: 'Herinnering: uitstelbericht nodig', Melding: `'${hostile}`, Gelezen: 'ja', 'Gelezen op': '2021-04-19 11:30' });
    expect(rows[0]).toMatchObject({ Gelezen: 'nee', 'Gelezen op': '' });
    const unread = await csvOf(person.token, '/api/notifications?format=csv&unread=true');
    expect(unread.rows.map((r) => r.Melding)).toEqual(['Termijn nadert', 'Vragen aan u toegewezen']);
    // Someone else's download never holds this person's notifications.
    const other = await csvOf(await desk.tokenOf(DRAFTER_JENV), '/api/notifications?format=csv');
    expect(other.rows.map((r) => r.Melding)).not.toContain('Termijn nadert');
  });

  it('downloads the notifications as .xlsx with real date-times', async () => {
    const { sheet, cell } = await xlsxOf(person.token, '/api/notifications?format=xlsx', 'Meldingen');
    expect(sheet.rowCount).toBe(4);
    expect((cell(2, 'Ontvangen op').value as Date).toISOString()).toBe('2021-04-17T10:00:00.000Z');
    expect(cell(3, 'Melding').value).toBe(hostile);
    expect(cell(3, 'Gelezen').value).toBe('ja');
  });

  it('lets an administrator download the accounts with the filters as CSV and .xlsx, never a password; others are refused', async () => {
    const { response, rows } = await csvOf(admin, `/api/users?format=csv&q=${run}&pageSize=1`);
    expect(response.headers['content-disposition']).toContain('gebruikers-2021-04-20.csv');
    expect(rows).toEqual([
      expect.objectContaining({ Naam: `Exportpersoon ${run}`, 'E-mailadres': person.email, Rollen: 'Behandelaar', Ministerie: 'JenV', Actief: 'ja' }),
    ]);
    expect(response.body.toString('utf8')).not.toMatch(/password|wachtwoord|\$argon|\$2[aby]\$/i);
    expect((await csvOf(admin, `/api/users?format=csv&q=${run}&active=false`)).rows).toEqual([]);
    const everyone = await csvOf(admin, '/api/users?format=csv&role=admin');
    expect(everyone.rows.every((r) => r.Rollen.includes('Beheerder'))).toBe(true);
    const { sheet, cell } = await xlsxOf(admin, `/api/users?format=xlsx&q=${run}`, 'Gebruikers');
    expect(sheet.rowCount).toBe(2);
    expect(cell(2, 'Aangemaakt op').value).toBeInstanceOf(Date);
    expect(cell(2, 'E-mailadres').value).toBe(person.email);
    await desk.http().get('/api/users?format=csv').auth(person.token, { type: 'bearer' }).expect(403);
  });
});
