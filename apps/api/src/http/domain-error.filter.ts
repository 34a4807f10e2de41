import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { EmailTaken, InvalidCredentials, InvalidToken, TooManyLoginAttempts } from '@question-desk/accounts';
import { AccountRuleViolation, StaleUserVersion, UserNotFound } from '@question-desk/accounts';
import { DocumentNotReadable } from '@question-desk/documents';
import { NotificationNotFound, ReminderNotFound, ReminderNotRetryable } from '@question-desk/reminders';
import {
  ActionNotPermitted,
  DuplicateReference,
  NoMatchingQuestionSet,
  QuestionNotFound,
  QuestionSetNotFound,
  QuestionsAlreadyInWork,
  RuleViolation,
  StaleVersion,
  TransitionNotAllowed,
} from '@question-desk/question-sets';
import type { Response } from 'express';

type ErrorClass = abstract new (...args: never[]) => Error;

/** Domain errors and the status each one means for a client (see the public contract). */
const STATUS_OF: [ErrorClass, HttpStatus][] = [
  [QuestionSetNotFound, HttpStatus.NOT_FOUND],
  [NotificationNotFound, HttpStatus.NOT_FOUND],
  [ReminderNotFound, HttpStatus.NOT_FOUND],
  [ReminderNotRetryable, HttpStatus.CONFLICT],
  [QuestionNotFound, HttpStatus.NOT_FOUND],
  [StaleVersion, HttpStatus.CONFLICT],
  [TransitionNotAllowed, HttpStatus.CONFLICT],
  [ActionNotPermitted, HttpStatus.FORBIDDEN],
  [DuplicateReference, HttpStatus.CONFLICT],
  [QuestionsAlreadyInWork, HttpStatus.CONFLICT],
  [EmailTaken, HttpStatus.CONFLICT],
  [UserNotFound, HttpStatus.NOT_FOUND],
  [StaleUserVersion, HttpStatus.CONFLICT],
  [AccountRuleViolation, HttpStatus.UNPROCESSABLE_ENTITY],
  [RuleViolation, HttpStatus.UNPROCESSABLE_ENTITY],
  [DocumentNotReadable, HttpStatus.UNPROCESSABLE_ENTITY],
  [NoMatchingQuestionSet, HttpStatus.UNPROCESSABLE_ENTITY],
  [InvalidCredentials, HttpStatus.UNAUTHORIZED],
  [InvalidToken, HttpStatus.UNAUTHORIZED],
  [TooManyLoginAttempts, HttpStatus.TOO_MANY_REQUESTS],
];

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
    if (status === HttpStatus.SERVICE_UNAVAILABLE && exception instanceof HttpException) {
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
      const message = typeof given === 'string' ? given : (given as { message: unknown }).message;
      return { status, body: { statusCode: status, error: REASON[status] ?? exception.name, message }, headers };
    }
    const match = STATUS_OF.find(([type]) => exception instanceof type);
    if (match) {
      const [, status] = match;
      const error = exception as Error;
      const body: Record<string, unknown> = { statusCode: status, error: REASON[status], message: error.message };
      if (error instanceof StaleVersion) body.currentVersion = error.currentVersion;
      if (error instanceof StaleUserVersion) body.currentVersion = error.currentVersion;
      if (error instanceof AccountRuleViolation) body.message = error.problems;
      if (error instanceof TransitionNotAllowed) Object.assign(body, { currentStatus: error.currentStatus, allowedActions: error.allowedActions });
      if (error instanceof DuplicateReference) body.existingId = error.existingId;
      if (error instanceof DocumentNotReadable) body.message = error.problems;
      if (error instanceof RuleViolation) body.message = error.problems;
      if (error instanceof TooManyLoginAttempts) headers['Retry-After'] = String(error.retryAfterSeconds);
      return { status, body, headers };
    }
    return {
      status: 500,
      body: { statusCode: 500, error: REASON[500], message: 'Something went wrong on our side. Try again; if it keeps failing, tell the desk administrator the request id.' },
      headers,
    };
  }
}
