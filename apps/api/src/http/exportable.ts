import {
  applyDecorators,
  BadRequestException,
  createParamDecorator,
  Injectable,
  SetMetadata,
  StreamableFile,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiProduces, ApiQuery } from '@nestjs/swagger';
import { Clock, type CalendarDate } from '@question-desk/deadlines';
import {
  attachment,
  EXPORT_FORMAT_NAMES,
  EXPORT_FORMATS,
  exportFileName,
  exportFormatOf,
  isExportFormat,
  tabularStream,
  type ExportFormat,
  type Table,
} from '@question-desk/exports';
import type { Request, Response } from 'express';

const EXPORT_TABLE = 'exportTable';

/** What an exportable handler may export: the rows (a list or an async stream), or a page of them. */
type Exported<Row> = AsyncIterable<Row> | Iterable<Row> | { items: Row[] };

function rowsOf<Row>(result: Exported<Row>): AsyncIterable<Row> | Iterable<Row> {
  if (result && typeof result === 'object' && 'items' in result && Array.isArray(result.items)) return result.items;
  return result as AsyncIterable<Row> | Iterable<Row>;
}

/** The CSV or .xlsx download a request asked for; its handler answers with `file(rows)`. */
export class TabularExport {
  constructor(
    readonly format: ExportFormat,
    private readonly table: Table<unknown>,
    private readonly today: CalendarDate,
    private readonly response: Response,
  ) {}

  /** The rows as a file download, with the table's Dutch columns and a dated file name. */
  file(rows: Exported<unknown>): StreamableFile {
    this.response.setHeader('Cache-Control', 'no-store');
    const stream = tabularStream(this.format, this.table, rowsOf(rows));
    // A download stopped half-way: end the stream, so the rows' cursor closes and its connection goes back.
    this.response.once('close', () => {
      if (!stream.readableEnded) stream.destroy();
    });
    return new StreamableFile(stream, {
      type: EXPORT_FORMATS[this.format].contentType,
      disposition: attachment(exportFileName(this.table, this.format, this.today)),
    });
  }
}

interface ExportingRequest extends Request {
  tabularExport?: TabularExport;
}

/**
 * Reads which download the request asks for (`Accept: text/csv` or the .xlsx media type, or
 * `?format=csv|xlsx` for a plain link), refuses an unknown format with 400, and takes `format` off
 * the query before validation sees it. It runs after authentication (a global guard) and before
 * validation, so a stranger gets 401 and a bad format its own message.
 *
 * A guard and not an interceptor: Nest runs every intercepted request through rxjs and
 * `AsyncResource.bind`, which kept part of each JSON list answer alive into the old generation (an
 * overdue list at 1M sets promoted 958 kB per scavenge with the interceptor, 834 kB without).
 */
@Injectable()
export class TabularExportGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ExportingRequest>();
    const { format: asked, ...query } = request.query;
    if (asked !== undefined && !isExportFormat(asked)) {
      throw new BadRequestException(`format must be one of ${EXPORT_FORMAT_NAMES.join(', ')} (or leave it out for JSON)`);
    }
    const format = exportFormatOf(request.headers.accept, asked);
    if (asked !== undefined) Object.defineProperty(request, 'query', { value: query, configurable: true, enumerable: true, writable: true });
    if (format) {
      const table = this.reflector.get<Table<unknown>>(EXPORT_TABLE, context.getHandler());
      request.tabularExport = new TabularExport(format, table, this.clock.today(), context.switchToHttp().getResponse<Response>());
    }
    return true;
  }
}

/**
 * Makes a GET route downloadable as CSV (;-separated, UTF-8 with BOM, formula-safe) and .xlsx, with
 * `table`'s Dutch columns. The handler takes `@ExportRequested()`: when it is not null, it answers
 * with its `file(rows)` (every row, as a list, `{ items }` or an async iterable for a stream) instead
 * of the JSON page.
 */
export const Exportable = <Row>(table: Table<Row>) =>
  applyDecorators(
    SetMetadata(EXPORT_TABLE, table),
    UseGuards(TabularExportGuard),
    ApiProduces('application/json', EXPORT_FORMATS.csv.mediaType, EXPORT_FORMATS.xlsx.mediaType),
    ApiQuery({
      name: 'format',
      required: false,
      enum: EXPORT_FORMAT_NAMES,
      description: `Download instead of JSON: csv (;-separated, UTF-8 with BOM) or xlsx, with Dutch column names; the same as Accept: ${EXPORT_FORMATS.csv.mediaType} or ${EXPORT_FORMATS.xlsx.mediaType}`,
    }),
  );

/** `rows` as the JSON answer, or as the download the request asked for. */
export async function rowsOrDownload<Row>(rows: Promise<Row[]>, download: TabularExport | null): Promise<Row[] | StreamableFile> {
  return download ? download.file(await rows) : rows;
}

/** The download the request asked for, or null for JSON (set by `@Exportable`). */
export const ExportRequested = createParamDecorator(
  (_data: unknown, context: ExecutionContext): TabularExport | null => context.switchToHttp().getRequest<ExportingRequest>().tabularExport ?? null,
);
