import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** What a cell may hold; null and undefined are empty cells. */
export type Cell = string | number | boolean | Date | null | undefined;

/**
 * One column of an export: its Dutch header and how to read it from a row. `type` decides how the
 * value is written: `date` takes a calendar date (YYYY-MM-DD) and becomes a real date in Excel,
 * `datetime` takes a moment (a Date or an ISO string) and gives its Amsterdam date and time
 * ("2026-12-01 14:05" in CSV, a real date-time in Excel), `integer`/`decimal` become numbers
 * (decimals with a comma in CSV, as Dutch Excel reads them),
 * `boolean` becomes "ja"/"nee", `text` (the default) stays text.
 */
export interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
  type?: 'text' | 'date' | 'datetime' | 'integer' | 'decimal' | 'boolean';
  /** Width in characters in the spreadsheet (CSV has none). */
  width?: number;
}

/** A table to export: a file name without extension or date, a sheet name, columns, and the rows (a list or a stream). */
export interface Table<Row> {
  /** "vragensets": the download is called vragensets-2026-12-01.csv. */
  filename: string;
  /** The worksheet's name in the .xlsx (at most 31 characters). */
  sheet: string;
  columns: readonly Column<Row>[];
}

export const EXPORT_FORMATS = {
  csv: { mediaType: 'text/csv', contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export const isExportFormat = (value: unknown): value is ExportFormat => typeof value === 'string' && value in EXPORT_FORMATS;

/**
 * Which export a request asks for: the `format` query (for plain links) wins, else an `Accept`
 * header that names text/csv or the .xlsx media type; null means the ordinary JSON answer.
 */
export function exportFormatOf(accept: string | undefined, format: ExportFormat | undefined): ExportFormat | null {
  if (format) return format;
  const ranges = (accept ?? '')
    .split(',')
    .map((range) => range.split(';'))
    .filter(([, ...parameters]) => !parameters.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)))
    .map(([type]) => type.trim().toLowerCase());
  for (const range of ranges) {
    for (const name of EXPORT_FORMAT_NAMES) if (range === EXPORT_FORMATS[name].mediaType) return name;
    if (range === 'application/json' || range === '*/*') return null;
  }
  return null;
}

/** `vragensets-2026-12-01.csv` */
export const exportFileName = (table: Pick<Table<unknown>, 'filename'>, format: ExportFormat, today: string) =>
  `${table.filename}-${today}.${EXPORT_FORMATS[format].extension}`;

/** Content-Disposition for a download, with the RFC 6266 UTF-8 form beside a plain ASCII one. */
export const attachment = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

const amsterdamMinute = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Amsterdam wall-clock date and time of a moment, as [year, month, day, hour, minute]; null when it is not a moment. */
function amsterdamParts(value: Date | string): number[] | null {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  const parts = Object.fromEntries(amsterdamMinute.formatToParts(instant).map((p) => [p.type, p.value]));
  return [parts.year, parts.month, parts.day, parts.hour, parts.minute].map(Number);
}

// CSV ------------------------------------------------------------------------------------------

const BOM = '\uFEFF';
const SEPARATOR = ';';
/** A text cell that a spreadsheet would read as a formula (or a control character that starts one) gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text safe in a ;-separated cell: never a formula, quoted when it holds a separator, quote or line break. */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const two = (n: number) => String(n).padStart(2, '0');

function csvCell(value: Cell, type: Column<unknown>['type']): string {
  if (value === null || value === undefined || value === '') return '';
  if (type === 'datetime' && typeof value !== 'number' && typeof value !== 'boolean') {
    const at = amsterdamParts(value);
    if (at) return `${at[0]}-${two(at[1])}-${two(at[2])} ${two(at[3])}:${two(at[4])}`;
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return type === 'decimal' ? String(value).replace('.', ',') : String(value);
  }
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return csvText(value);
}

const ROWS_PER_CHUNK = 500;

/** The table as CSV text, in chunks: UTF-8 BOM and header first, then a chunk per few hundred rows. */
export async function* csvChunks<Row>(columns: readonly Column<Row>[], rows: AsyncIterable<Row> | Iterable<Row>): AsyncGenerator<string> {
  yield BOM + columns.map((c) => csvText(c.header)).join(SEPARATOR) + '\r\n';
  let chunk: string[] = [];
  for await (const row of rows) {
    chunk.push(columns.map((c) => csvCell(c.value(row), c.type)).join(SEPARATOR));
    if (chunk.length >= ROWS_PER_CHUNK) {
      yield chunk.join('\r\n') + '\r\n';
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join('\r\n') + '\r\n';
}

// XLSX -----------------------------------------------------------------------------------------

const NUMBER_FORMATS: Partial<Record<NonNullable<Column<unknown>['type']>, string>> = {
  date: 'dd-mm-yyyy',
  datetime: 'dd-mm-yyyy hh:mm',
  integer: '0',
  decimal: '0.00',
};

function xlsxCell(value: Cell, type: Column<unknown>['type']): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (type === 'datetime') {
    // Excel's date-times have no time zone: the Amsterdam wall clock, written as if it were UTC.
    const at = amsterdamParts(value);
    return at ? new Date(Date.UTC(at[0], at[1] - 1, at[2], at[3], at[4])) : null;
  }
  if (value instanceof Date) return value;
  const day = type === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  // A calendar date is the same day everywhere: midnight UTC is what Excel's date serial means.
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return value;
}

/**
 * Writes the table as an .xlsx to `output` with exceljs's streaming writer: each row is committed
 * (serialised into the zip) as soon as it is added, and the writer waits while `output` is full.
 */
export async function writeXlsx<Row>(table: Table<Row>, rows: AsyncIterable<Row> | Iterable<Row>, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  // One style object per column, shared by all its cells: exceljs looks a style up by object identity
  // (a WeakMap), so a shared object is found at once; a fresh object per cell is serialised to find
  // its twin, which made the styled .xlsx several times slower than the CSV.
  const styles = table.columns.map((column): Partial<ExcelJS.Style> => {
    const numFmt = NUMBER_FORMATS[column.type ?? 'text'];
    return numFmt ? { numFmt } : {};
  });
  sheet.columns = table.columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width ?? Math.max(10, Math.min(40, column.header.length + 2)),
    style: styles[index],
  }));
  const header = sheet.getRow(1);
  const bold: Partial<ExcelJS.Style> = { font: { bold: true } };
  header.eachCell((cell) => (cell.style = bold));
  header.commit();
  const width = table.columns.length;
  let count = 0;
  for await (const row of rows) {
    // The reader went away (a cancelled download): stop reading rows, which closes their source.
    if (output.destroyed) throw new Error('The download was stopped before its end');
    const added = sheet.addRow(table.columns.map((column) => xlsxCell(column.value(row), column.type)));
    for (let index = 0; index < width; index++) added.getCell(index + 1).style = styles[index];
    added.commit();
    if (++count % ROWS_PER_CHUNK === 0 && output.writableNeedDrain) await once(output, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}

/** The table in `format` as a readable stream of bytes, produced as it is read. */
export function tabularStream<Row>(format: ExportFormat, table: Table<Row>, rows: AsyncIterable<Row> | Iterable<Row>): Readable {
  if (format === 'csv') return Readable.from(csvChunks(table.columns, rows), { objectMode: false });
  const output = new PassThrough();
  writeXlsx(table, rows, output).catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}
