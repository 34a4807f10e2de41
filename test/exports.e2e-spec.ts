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
