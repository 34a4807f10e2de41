import {
  applyDecorators,
  BadRequestException,
  createParamDecorator,
  Injectable,
  SetMetadata,
  StreamableFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiProduces, ApiQuery } from '@nestjs/swagger';
import { Clock } from '@question-desk/deadlines';
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
import { map, type Observable } from 'rxjs';

const EXPORT_TABLE = 'exportTable';

interface ExportingRequest extends Request {
  exportFormat?: ExportFormat;
}

/** What an exportable handler may return: the rows (a list or an async stream), or a page of them. */
type Exported<Row> = AsyncIterable<Row> | Iterable<Row> | { items: Row[] };

function rowsOf<Row>(result: Exported<Row>): AsyncIterable<Row> | Iterable<Row> {
  if (result && typeof result === 'object' && 'items' in result && Array.isArray(result.items)) return result.items;
  return result as AsyncIterable<Row> | Iterable<Row>;
}

/**
 * Turns a handler's answer into a CSV or .xlsx download when the request asks for one (`Accept:
 * text/csv` or the .xlsx media type, or `?format=csv|xlsx` for a plain link); otherwise the JSON
 * answer passes untouched. `format` is taken off the query before validation sees it.
 */
@Injectable()
export class TabularExportInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<ExportingRequest>();
    const { format: asked, ...query } = request.query;
    if (asked !== undefined && !isExportFormat(asked)) {
      throw new BadRequestException(`format must be one of ${EXPORT_FORMAT_NAMES.join(', ')} (or leave it out for JSON)`);
    }
    const format = exportFormatOf(request.headers.accept, asked);
    if (asked !== undefined) Object.defineProperty(request, 'query', { value: query, configurable: true, enumerable: true, writable: true });
    if (!format) return next.handle();
    request.exportFormat = format;
    const table = this.reflector.get<Table<unknown>>(EXPORT_TABLE, context.getHandler());
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((result: Exported<unknown>) => {
        response.setHeader('Cache-Control', 'no-store');
        const stream = tabularStream(format, table, rowsOf(result));
        // A download stopped half-way: end the stream, so the rows' cursor closes and its connection goes back.
        response.once('close', () => {
          if (!stream.readableEnded) stream.destroy();
        });
        return new StreamableFile(stream, {
          type: EXPORT_FORMATS[format].contentType,
          disposition: attachment(exportFileName(table, format, this.clock.today())),
        });
      }),
    );
  }
}

/**
 * Makes a GET route downloadable as CSV (;-separated, UTF-8 with BOM, formula-safe) and .xlsx, with
 * `table`'s Dutch columns. The handler returns its rows as usual (a list, `{ items }`, or an async
 * iterable for a stream); `@ExportFormatRequested()` tells it when an export is asked for, so it can
 * return every row instead of one page.
 */
export const Exportable = <Row>(table: Table<Row>) =>
  applyDecorators(
    SetMetadata(EXPORT_TABLE, table),
    UseInterceptors(TabularExportInterceptor),
    ApiProduces('application/json', EXPORT_FORMATS.csv.mediaType, EXPORT_FORMATS.xlsx.mediaType),
    ApiQuery({
      name: 'format',
      required: false,
      enum: EXPORT_FORMAT_NAMES,
      description: `Download instead of JSON: csv (;-separated, UTF-8 with BOM) or xlsx, with Dutch column names; the same as Accept: ${EXPORT_FORMATS.csv.mediaType} or ${EXPORT_FORMATS.xlsx.mediaType}`,
    }),
  );

/** The export format the request asked for, or null for JSON (set by `@Exportable`). */
export const ExportFormatRequested = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ExportFormat | null => context.switchToHttp().getRequest<ExportingRequest>().exportFormat ?? null,
);
