import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { databaseUnavailable } from '@question-desk/database';
import { DeskError, type ErrorKind } from '@question-desk/errors';
import type { Response } from 'express';
import { withHint } from './route-hints';

/** What each kind of the desk's errors means for a client (see the public contract). */
const STATUS_OF: Record<ErrorKind, HttpStatus> = {
  'not-found': HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  'rule-violation': HttpStatus.UNPROCESSABLE_ENTITY,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  'too-many-attempts': HttpStatus.TOO_MANY_REQUESTS,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Every error leaves as `{ statusCode, error, message }`; only a fault of ours is a 500. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body, headers } = this.describe(exception);
    if (status === (HttpStatus.SERVICE_UNAVAILABLE as number) && !(exception instanceof HttpException)) {
      this.logger.warn(`Answered 503: PostgreSQL is unavailable (${(exception as Error).message})`);
    } else if (status === (HttpStatus.SERVICE_UNAVAILABLE as number) && exception instanceof HttpException) {
      // A known state (the health check's report of what is down), not a fault of ours: no stack.
      this.logger.warn({ report: body }, 'Answered 503: a service the desk needs is unavailable');
    } else if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
    const headers: Record<string, string> = {};
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const given = exception.getResponse();
      // A body of its own (the health check's report) goes out as it is.
      if (typeof given === 'object' && given !== null && !('message' in given)) return { status, body: given as Record<string, unknown>, headers };
      const message = typeof given === 'string' ? given : given.message;
      return { status, body: { statusCode: status, error: REASON[status] ?? exception.name, message }, headers };
    }
    if (exception instanceof DeskError) {
      const status = STATUS_OF[exception.kind];
      // A list of problems goes out as a list, each with its hint; else one message with the error's.
      const message = exception.problemList
        ? exception.problemList.map((problem) => withHint(problem.text, problem.see))
        : withHint(exception.message, exception.see);
      const body: Record<string, unknown> = { statusCode: status, error: REASON[status], message, ...exception.details };
      if (exception.retryAfterSeconds !== undefined) headers['Retry-After'] = String(exception.retryAfterSeconds);
      return { status, body, headers };
    }
    if (databaseUnavailable(exception)) {
      // PostgreSQL restarting or gone: the client may try again; the pool reconnects by itself.
      headers['Retry-After'] = '5';
      return {
        status: 503,
        body: {
          statusCode: 503,
          error: REASON[503],
          message:
            'The database is not reachable just now (it may be restarting). Try again in a few seconds; a change you sent was saved only if it shows when you reload.',
        },
        headers,
      };
    }
    return {
      status: 500,
      body: {
        statusCode: 500,
        error: REASON[500],
        message: 'Something went wrong on our side. Try again; if it keeps failing, tell the desk administrator the request id.',
      },
      headers,
    };
  }
}
