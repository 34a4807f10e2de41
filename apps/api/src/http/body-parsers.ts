import { BadRequestException, HttpException, PayloadTooLargeException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type RequestHandler } from 'express';
import { JSON_MAX_DEPTH, jsonDepthExceeds } from './json-depth';

/** Turns a body parser's error into a message a person can act on. */
function describeBodyError(error: { type?: string; limit?: number; message?: string }): HttpException {
  switch (error.type) {
    case 'entity.too.large':
      return new PayloadTooLargeException(`The body is too large (the limit is ${error.limit} bytes). Send one document at a time, as plain text.`);
    case 'entity.too.deep':
      return new BadRequestException(
        `The JSON body nests deeper than ${JSON_MAX_DEPTH} levels of objects and arrays. The desk's own bodies need four; check how the body is built.`,
      );
    case 'entity.parse.failed':
      return new BadRequestException('The body is not valid JSON. Check quotes, commas and brackets.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new BadRequestException('The body has an encoding the desk cannot read. Send UTF-8.');
    default:
      return new BadRequestException(`The body could not be read: ${error.message}`);
  }
}

/** Whether a request carries a body, as the body parsers tell it (type-is: a length, or a chunked transfer). */
const hasBody = (req: { headers: Record<string, string | string[] | undefined> }) =>
  req.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(req.headers['content-length']));

/** A body parser whose errors say what to do; a request without a body (most GETs) passes it by without a closure. */
function friendly(parser: RequestHandler): RequestHandler {
  return (req, res, next) => (hasBody(req) ? parser(req, res, (error?: unknown) => next(error ? describeBodyError(error) : undefined)) : next());
}

/** Refuses a deeply nested JSON body from its raw bytes, before it is parsed or transformed. */
function refuseDeepNesting(_req: unknown, _res: unknown, body: Buffer): void {
  if (jsonDepthExceeds(body)) throw Object.assign(new Error('JSON nested too deep'), { status: 400, type: 'entity.too.deep' });
}

/** The largest JSON body the API reads. */
export const JSON_MAX_BYTES = '1mb';

/** Signing in and out needs an email and a password: a larger body is refused before anyone parses it. */
export const SIGN_IN_MAX_BYTES = '16kb';

/**
 * Signing in takes JSON only: a form post or plain text would otherwise read as an empty body and
 * answer "email is required", which does not say what is wrong.
 */
const signInTakesJson: RequestHandler = (req, _res, next) => {
  if (req.method !== 'POST' || req.is('application/json')) return next();
  next(new BadRequestException('Send JSON: a body such as {"email": "desk@example.org", "password": "…"} with the header Content-Type: application/json.'));
};

/** JSON for the API, text/plain and text/markdown for documents; nothing else is parsed. */
export function useBodyParsers(app: NestExpressApplication, documentMaxBytes: number): void {
  app.use('/api/auth/login', signInTakesJson);
  // The first parser that reads a body marks it read; the ones after it pass it by.
  app.use('/api/auth', friendly(express.json({ limit: SIGN_IN_MAX_BYTES, verify: refuseDeepNesting })));
  app.use(friendly(express.json({ limit: JSON_MAX_BYTES, verify: refuseDeepNesting })));
  app.use(friendly(express.text({ type: ['text/plain', 'text/markdown'], limit: documentMaxBytes, defaultCharset: 'utf-8' })));
}
