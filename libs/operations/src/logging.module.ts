import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { LoggerModule, PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
// nestjs-pino's request context: its Logger writes through the logger stored here (ours, carrying the request id).
import { Store, storage } from 'nestjs-pino/storage';
import pino, { type Logger as PinoLogger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const HEALTH = '/api/health';

/** The process's root logger: JSON lines on stdout, `service` in every line; passwords and tokens never written. */
function deskLogger(service: string, level: string): PinoLogger {
  // `process` (api-2, worker-1) and `pid` say which of several processes wrote a line (npm start sets DESK_PROCESS).
  const base = { service, pid: process.pid, ...(process.env.DESK_PROCESS ? { process: process.env.DESK_PROCESS } : {}) };
  return pino({ level, base, redact: { paths: ['*.password', '*.accessToken', '*.authorization', '*.cookie'], remove: true } });
}

type LoggedRequest = IncomingMessage & { id?: string; log?: PinoLogger; originalUrl?: string };

/**
 * One structured line per request (`requestId`, `method`, `path` without the query, `status`, `ms`)
 * and the request id in every line written while it is served (taken from `X-Request-Id` when the
 * caller sends a sane one, and sent back in that header). Deliberately light: no serializers, no
 * headers, one child logger, one listener; it was 13.5 % of the API's CPU time under load as pino-http.
 */
export function requestLog(logger: PinoLogger) {
  return (request: LoggedRequest, response: ServerResponse, next: () => void): void => {
    const started = performance.now();
    const given = request.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    request.id = requestId;
    const log = logger.child({ requestId });
    request.log = log;
    const url = request.originalUrl ?? request.url ?? '';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    if (path !== HEALTH) {
      response.once('close', () => {
        const status = response.statusCode;
        const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
        if (!log.isLevelEnabled(level)) return;
        const line = { method: request.method, path, status, ms: Math.round((performance.now() - started) * 10) / 10 };
        log[level](response.writableFinished ? line : { ...line, aborted: true }, 'request completed');
      });
    }
    storage.run(new Store(log), next);
  };
}

/**
 * The request log (`requestLog`) of an app that imports DeskLoggingModule, for `app.use` before any
 * other middleware: a request a body parser refuses is logged with its id too, and no route matching
 * of Nest's middleware stands before it.
 */
export function requestLogOf(app: INestApplicationContext) {
  return requestLog(app.get<{ pinoHttp: { logger: PinoLogger } }>(PARAMS_PROVIDER_TOKEN).pinoHttp.logger);
}

/**
 * Structured JSON logs (pino) for every process; in the API one line per request (`requestLogOf`)
 * and the request id in every line. Passwords, tokens and document bodies are never logged.
 */
@Module({})
export class DeskLoggingModule {
  /** `service` names the process in every line (question-desk-api, -worker, -cli). */
  static forProcess(service: string): DynamicModule {
    return {
      module: DeskLoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [DeskConfigService],
          // `useExisting`: nestjs-pino adds no pino-http of its own (and no middleware: no routes); the request log is ours.
          useFactory: (config: DeskConfigService) => ({ pinoHttp: { logger: deskLogger(service, config.values.logLevel) }, useExisting: true, forRoutes: [] }),
        }),
      ],
    };
  }
}
