import { csvChunks, csvText, exportFormatOf, tabularStream, type Column, type Table } from './tabular';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('exportFormatOf', () => {
  it.each([
    [undefined, undefined, null],
    ['application/json', undefined, null],
    ['text/html,application/xhtml+xml,*/*;q=0.8', undefined, null],
    ['text/csv', undefined, 'csv'],
    ['text/csv;charset=utf-8', undefined, 'csv'],
    [XLSX, undefined, 'xlsx'],
    ['application/json, text/csv', undefined, null],
    ['text/csv;q=0, application/json', undefined, null],
    ['application/json', 'xlsx', 'xlsx'],
  ] as const)('Accept %p with format %p asks for %p', (accept, format, expected) => {
    expect(exportFormatOf(accept, format)).toBe(expected);
  });
});

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['=1+1', "'=1+1"],
    ['+31 20', "'+31 20"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['a;b', '"a;b"'],
    ['zei "ja"', '"zei ""ja"""'],
    ['twee\nregels', '"twee\nregels"'],
    ['=HYPERLINK("x";"y")', `"'=HYPERLINK(""x"";""y"")"`],
  ])('%p is written as %p', (text, written) => {
    expect(csvText(text)).toBe(written);
  });

  it('starts with the BOM and the headers, writes dates as dates, numbers as numbers (a decimal comma), booleans as ja/nee', async () => {
    interface Row {
      name: string;
      on: string | null;
      count: number;
      rate: number;
      late: boolean;
    }
    const columns: Column<Row>[] = [
      { header: 'Naam', value: (r) => r.name },
      { header: 'Datum', value: (r) => r.on, type: 'date' },
      { header: 'Aantal', value: (r) => r.count, type: 'integer' },
      { header: 'Deel', value: (r) => r.rate, type: 'decimal' },
      { header: 'Te laat', value: (r) => r.late, type: 'boolean' },
    ];
    let text = '';
    for await (const chunk of csvChunks(columns, [
      { name: '-min', on: '2021-01-12', count: -3, rate: 0.75, late: true },
      { name: 'x', on: null, count: 0, rate: 1, late: false },
    ]))
      text += chunk;
    expect(text).toBe("\uFEFFNaam;Datum;Aantal;Deel;Te laat\r\n'-min;2021-01-12;-3;0,75;ja\r\nx;;0;1;nee\r\n");
  });
});

describe('a download stopped half-way', () => {
  const table: Table<number> = { filename: 't', sheet: 'T', columns: [{ header: 'N', value: (n) => n, type: 'integer' }] };
  /** Endless rows that note when their source is closed (as the cursor's connection is given back). */
  function endless() {
    const source = { closed: false, read: 0 };
    async function* rows() {
      try {
        for (;;) {
          source.read++;
          yield source.read;
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        source.closed = true;
      }
    }
    return { source, rows: rows() };
  }

  it.each(['csv', 'xlsx'] as const)('%s: destroying the stream closes the rows’ source', async (format) => {
    const { source, rows } = endless();
    const stream = tabularStream(format, table, rows);
    await new Promise<void>((resolve) => stream.once('data', () => resolve()));
    stream.destroy();
    for (let i = 0; i < 100 && !source.closed; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(source.closed).toBe(true);
    const readAtClose = source.read;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(source.read).toBe(readAtClose);
  });
});

describe('date-times', () => {
  interface Row {
    at: string | Date | null;
  }
  const table: Table<Row> = { filename: 'x', sheet: 'X', columns: [{ header: 'Op', value: (r) => r.at, type: 'datetime' }] };
  const rows: Row[] = [{ at: '2026-07-01T10:05:00Z' }, { at: new Date('2026-12-01T23:30:00Z') }, { at: null }];

  it('are the Amsterdam wall clock in CSV, summer and winter time alike', async () => {
    let text = '';
    for await (const chunk of csvChunks(table.columns, rows)) text += chunk;
    expect(text).toBe('\uFEFFOp\r\n2026-07-01 12:05\r\n2026-12-02 00:30\r\n\r\n');
  });

  it('are real date-times in Excel, with one shared number format per column', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const chunks: Buffer[] = [];
    for await (const chunk of tabularStream('xlsx', table, rows)) chunks.push(chunk as Buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('X')!;
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect((sheet.getRow(2).getCell(1).value as Date).toISOString()).toBe('2026-07-01T12:05:00.000Z');
    expect(sheet.getRow(2).getCell(1).numFmt).toBe('dd-mm-yyyy hh:mm');
    expect((sheet.getRow(3).getCell(1).value as Date).toISOString()).toBe('2026-12-02T00:30:00.000Z');
  });
});
