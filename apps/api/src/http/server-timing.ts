import type { NextFunction, Request, Response } from 'express';

/**
 * `Server-Timing: app;dur=<ms>` on every answer: the time the API spent on the request, from its
 * arrival to the head of the answer (the benches report it beside the time their clients see).
 */
export function serverTiming() {
  return (_request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => Response;
    response.writeHead = ((...args: unknown[]) => {
      if (!response.headersSent) response.setHeader('Server-Timing', `app;dur=${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(2)}`);
      return writeHead(...args);
    }) as Response['writeHead'];
    next();
  };
}
